/**
 * The agents of a re-read, asked per management unit, and what is kept of a
 * re-read that was cut off (a 429 or no answer halfway through the units):
 * the units already answered, under the schedule's `metadata.version` they
 * were read at. The re-read after the wait gets the schedule again (always,
 * one request) and asks only the units not yet answered when the version is
 * the same; any other version throws the kept units away and reads them all.
 *
 * Reusing across a version change would be wrong only in what we show and
 * rebase on: it could not overwrite anyone's work, since the update carries
 * each agent's own version and Genesys refuses a stale one (409). Still, a
 * changed version means someone saved, so nothing from before it is reused.
 *
 * Kept in memory only: an engine resumed after a crash has no partial read
 * and reads everything, which is always right.
 */
import type { GenesysApi } from '../genesys/client/api';
import { GenesysError } from '../genesys/client/errors';
import type { AgentWeek } from '../../shared/publish/agent-week';
import type { ReadAgent } from '../../shared/publish/machine-events';
import type { ChangeStamp } from '../../shared/publish/rebase';

/** One management unit's answer: the agents asked and the schedules that came back. */
interface UnitAnswer {
  asked: ReadonlySet<string>;
  agents: ReadAgent[];
}

interface PartialRead {
  scheduleVersion: number;
  units: Map<string, UnitAnswer>;
  /** Histories read, by `agentId@agentVersion`. */
  histories: Map<string, ChangeStamp[]>;
}

export interface AgentReadsDeps {
  api: Pick<GenesysApi, 'queryAgentSchedules'>;
  target: { businessUnitId: string; weekId: string; scheduleId: string };
  managementUnitOf: (agentIds: readonly string[]) => Map<string, string>;
}

/**
 * Of the refusals of units asked together, the one to act on: the longest Retry-After, so the wait honours
 * every 429 that came back (waiting the shorter one would be refused again); otherwise the first.
 */
function longestWait(refused: readonly unknown[]): unknown {
  const wait = (e: unknown) => (e instanceof GenesysError ? (e.retryAfterMs ?? -1) : -1);
  return refused.reduce((a, b) => (wait(b) > wait(a) ? b : a));
}

/**
 * Management units asked at once. Two halves a re-read's waiting on round trips; more would spend more of the
 * request budget on queries refused together when a 429 comes, and Genesys answers each unit's query in turn.
 */
const unitsAtOnce = 2;

const historyKey = (agentId: string, version: number | null) => `${agentId}@${version ?? 'none'}`;

export function createAgentReads(deps: AgentReadsDeps) {
  const { api, target } = deps;
  let partial: PartialRead | null = null;

  async function askUnit(managementUnitId: string, userIds: string[]): Promise<ReadAgent[]> {
    const answer = await api.queryAgentSchedules(target.businessUnitId, target.weekId, target.scheduleId, {
      managementUnitId,
      userIds,
    });
    // The answer was just parsed for this call and nothing else holds it: its shifts are the week as read (a copy
    // of 1,000 agents' ~35,000 activities per re-read would only be garbage).
    return answer.agentSchedules.map((a) => {
      const week: AgentWeek = { shifts: a.shifts, fullDayTimeOffMarkers: a.fullDayTimeOffMarkers };
      return { agentId: a.user.id, now: { week, version: a.metadata.version } };
    });
  }

  return {
    /**
     * Starts a re-read at this schedule version: what was kept from a cut-off re-read at the same version
     * stays, anything else is dropped. Answers how many units are kept (for the timeline's note).
     */
    begin(scheduleVersion: number): number {
      if (partial?.scheduleVersion !== scheduleVersion)
        partial = { scheduleVersion, units: new Map(), histories: new Map() };
      return partial.units.size;
    },

    /** The agents now, per unit; a unit answered earlier at this version (for these agents) is not asked again. */
    async agents(agentIds: readonly string[]): Promise<{ agents: ReadAgent[]; unitsKept: number }> {
      const read = partial;
      if (!read) throw new Error('agents() before begin()');
      const byUnit = new Map<string, string[]>();
      for (const [agentId, mu] of deps.managementUnitOf(agentIds)) byUnit.set(mu, [...(byUnit.get(mu) ?? []), agentId]);
      const units = [...byUnit];
      const answers: ReadAgent[][] = new Array<ReadAgent[]>(units.length);
      let unitsKept = 0;
      /** The first refusal (a 429, no answer): once there is one, nothing more is asked. */
      const refused: unknown[] = [];
      let nextUnit = 0;
      // A few units in flight at once: on a real org each query is a round trip (and Genesys builds the answer
      // meanwhile), so asking one at a time spent a re-read mostly waiting. After a refusal nothing more is
      // asked; the units already in flight finish and are kept, as the ones answered before it are.
      const worker = async (): Promise<void> => {
        while (refused.length === 0 && nextUnit < units.length) {
          const i = nextUnit++;
          const [managementUnitId, userIds] = units[i]!;
          const earlier = read.units.get(managementUnitId);
          if (earlier && userIds.every((id) => earlier.asked.has(id))) {
            const wanted = new Set(userIds);
            answers[i] = earlier.agents.filter((a) => wanted.has(a.agentId));
            unitsKept += 1;
            continue;
          }
          try {
            const agents = await askUnit(managementUnitId, userIds);
            // Kept as soon as it is answered: the next unit may be the one refused.
            read.units.set(managementUnitId, { asked: new Set(userIds), agents });
            answers[i] = agents;
          } catch (error) {
            refused.push(error);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(unitsAtOnce, units.length) }, worker));
      if (refused.length > 0) throw longestWait(refused);
      const out: ReadAgent[] = [];
      const seen = new Set<string>();
      for (const agents of answers)
        for (const a of agents) {
          seen.add(a.agentId);
          out.push(a);
        }
      // An agent the schedule does not hold (yet): an empty week with no version.
      for (const agentId of agentIds)
        if (!seen.has(agentId))
          out.push({ agentId, now: { week: { shifts: [], fullDayTimeOffMarkers: [] }, version: null } });
      return { agents: out, unitsKept };
    },

    /** An agent's history at its version now, read once per re-read (kept over a cut-off one). */
    async history(agentId: string, version: number | null, read: () => Promise<ChangeStamp[]>) {
      const key = historyKey(agentId, version);
      const kept = partial?.histories.get(key);
      if (kept) return kept;
      const history = await read();
      partial?.histories.set(key, history);
      return history;
    },

    /** The re-read was answered whole: nothing is kept for the next one. */
    done(): void {
      partial = null;
    },
  };
}
