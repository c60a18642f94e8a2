/**
 * What the next write sends, from the state alone, so the engine (which
 * builds and gzips the body) and the machine (which names its agents and
 * version) can never disagree: the schedule's current `metadata.version`,
 * `published: true`, and an entry for each agent whose week changes:
 * - a pending agent: its intended week on what Genesys has (its base);
 * - a held agent of a draft published over the week: the week they see
 *   published now, so the publish leaves them as they are;
 * - anything else (applied, in conflict, failed, held on a published
 *   schedule): not sent.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { AgentWeek, AgentWeekPlan } from './agent-week';
import type { PublishAgent, PublishState } from './machine-state';
import { agentUploadEntry, buildScheduleUpload } from './upload-builder';

/**
 * What an agent sees of a week: each shift's time and its activities' times and codes, and each day off.
 * Ids, work-plan references, `manuallyEdited` and descriptions aside: a draft and the published schedule give
 * the same shift other ids and bookkeeping, and Genesys' script lock judges what the agent sees.
 */
function seenOf(w: AgentWeek): string {
  const at = (iso: string) => Date.parse(iso);
  const shifts = w.shifts.map((s) =>
    JSON.stringify([
      at(s.startDate),
      s.lengthMinutes,
      s.activities.map((a) => [at(a.startDate), a.lengthMinutes, a.activityCodeId]),
    ]),
  );
  const markers = w.fullDayTimeOffMarkers.map((m) =>
    JSON.stringify([m.businessUnitDate, m.startOffsetMinutes ?? null, m.lengthMinutes, m.activityCodeId]),
  );
  return JSON.stringify([shifts.sort(), markers.sort()]);
}

/** Two weeks an agent would see alike (a draft and the published schedule give the same shift different ids). */
export const sameSeen = (a: AgentWeek, b: AgentWeek): boolean => seenOf(a) === seenOf(b);

/** A week sent as new shifts (ids dropped): what holding back gives a draft's agent. */
const asNewShifts = (w: AgentWeek): AgentWeek => ({
  shifts: w.shifts.map(({ id: _id, schedule: _ref, ...s }) => s),
  fullDayTimeOffMarkers: w.fullDayTimeOffMarkers,
});

function planFor(agent: PublishAgent, overPublished: boolean): AgentWeekPlan | null {
  const current = agent.base.version === null ? null : { ...agent.base.week, version: agent.base.version };
  if (agent.status === 'pending') return { userId: agent.agentId, current, intended: agent.intended };
  if (agent.status === 'held' && overPublished && agent.seenNow && !sameSeen(agent.base.week, agent.seenNow))
    return { userId: agent.agentId, current, intended: asNewShifts(agent.seenNow) };
  return null;
}

export function sendPlans(state: PublishState): AgentWeekPlan[] {
  return Object.values(state.agents).flatMap((a) => planFor(a, state.job.overPublished) ?? []);
}

/**
 * The agent entries of the next attempt, kept with the state's agents record (a transition that changes no agent
 * keeps the record, one that does makes a new one), and each agent's entry with its agent object (a re-read that
 * moves one agent of 1,000 makes a new record, but 999 unchanged agents): the machine asks for them at several
 * steps of each attempt, and comparing 1,000 agents' weeks each time cost seconds. Still a function of the state
 * alone: an agent's entry depends only on the agent and whether the draft is published over a week.
 */
type AgentEntry = Models.BuUpdateAgentScheduleUploadSchema;
const entriesByAgents = new WeakMap<PublishState['agents'], { overPublished: boolean; entries: AgentEntry[] }>();
const entryByAgent = new WeakMap<PublishAgent, { overPublished: boolean; entry: AgentEntry | null }>();

function entryOf(agent: PublishAgent, overPublished: boolean): AgentEntry | null {
  const known = entryByAgent.get(agent);
  if (known && known.overPublished === overPublished) return known.entry;
  const plan = planFor(agent, overPublished);
  const entry = plan ? agentUploadEntry(plan) : null;
  entryByAgent.set(agent, { overPublished, entry });
  return entry;
}

function entriesOf(state: PublishState): readonly AgentEntry[] {
  const { overPublished } = state.job;
  const known = entriesByAgents.get(state.agents);
  if (known && known.overPublished === overPublished) return known.entries;
  // Keyed by agent id, so no agent is planned twice (what agentUploadEntries checks of a list of plans).
  const entries: AgentEntry[] = [];
  for (const agent of Object.values(state.agents)) {
    const entry = entryOf(agent, overPublished);
    if (entry) entries.push(entry);
  }
  entriesByAgents.set(state.agents, { overPublished, entries });
  return entries;
}

/**
 * The `UpdateScheduleUploadSchema` of the next attempt: what `requestUploadUrl` and `putUpload` carry. The same
 * agents give the same `agentSchedules` array (not to be changed by the caller), so a resend can reuse its body.
 */
export function uploadFor(state: PublishState): Models.UpdateScheduleUploadSchema {
  return {
    ...buildScheduleUpload({ scheduleVersion: state.schedule.version, published: true, agents: [] }),
    agentSchedules: entriesOf(state) as Models.BuUpdateAgentScheduleUploadSchema[],
  };
}

/** The agents the next attempt sends an entry for. */
export const agentsSent = (state: PublishState): string[] => entriesOf(state).map((e) => e.userId!);

/** What each sent agent should have once the write lands (the operation's content check). */
export function intendedOfSent(state: PublishState): Record<string, AgentWeek> {
  const out: Record<string, AgentWeek> = {};
  for (const plan of sendPlans(state)) out[plan.userId] = plan.intended;
  return out;
}
