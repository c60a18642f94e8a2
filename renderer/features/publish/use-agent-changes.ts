/**
 * The counts of "what changes for whom": the publish's agents read from the mirror twice, as the
 * publish gives them (the schedule with its pending edits) and as they see it now (the week's
 * published schedule; or, publishing the published schedule itself, its rows before the pending
 * edits), then compared shift by shift (shift-changes.ts). Read-only and offline, like the timeline.
 */
import { useQuery } from '@tanstack/react-query';
import type { WeekSummary } from '../../../shared/mirror';
import type { TimelineAgent, TimelineShift } from '../../../shared/timeline';
import type { OpsClient } from '../../bridge/types';
import { useOpsClient } from '../../ops-client-context';
import { weekSpan } from '../timeline/zone-time';
import { shiftChanges, type AgentChanges } from './shift-changes';

/** The window's page limit: agents are asked for in pages of this many. */
const page = 500;

interface Source {
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  buZone: string;
}

async function windowOf(client: OpsClient, s: Source, scheduleId: string, agentIds: readonly string[]) {
  const { from, to } = weekSpan(s.week, s.buZone);
  const pages: Array<Promise<TimelineAgent[]>> = [];
  for (let i = 0; i < agentIds.length; i += page)
    pages.push(
      client
        .call('timeline.window', {
          profileId: s.profileId,
          businessUnitId: s.businessUnitId,
          scheduleId,
          from,
          to,
          agentIds: agentIds.slice(i, i + page),
          offset: 0,
          limit: page,
        })
        .then((w) => w.agents),
    );
  return new Map((await Promise.all(pages)).flat().map((a) => [a.id, a]));
}

/** What the agent sees now from a row of the schedule being published: its rows before the pending edits. */
const mirroredOf = (a: TimelineAgent | undefined, scheduleId: string): TimelineShift[] =>
  a?.pending?.find((p) => p.scheduleId === scheduleId)?.before.shifts ?? a?.shifts ?? [];

export function useAgentChanges(
  s: Source | null,
  agentIds: readonly string[],
  schedule: WeekSummary | null,
  published: WeekSummary | null,
) {
  const client = useOpsClient();
  return useQuery({
    queryKey: [
      'publish',
      'changes',
      s?.profileId,
      s?.businessUnitId,
      s?.scheduleId,
      s?.week,
      // The week's span follows the zone: an answer read while the unit's zone was unknown is not reused.
      s?.buZone,
      published?.scheduleId,
      agentIds,
    ],
    enabled: s !== null && agentIds.length > 0,
    staleTime: 60_000,
    queryFn: async (): Promise<AgentChanges[]> => {
      if (!s) return [];
      const intended = await windowOf(client, s, s.scheduleId, agentIds);
      const seen = schedule?.published || !published ? null : await windowOf(client, s, published.scheduleId, agentIds);
      return agentIds.map((agentId) => {
        const mine = intended.get(agentId);
        // A new week's draft: agents see nothing of this week yet, so every shift is news.
        const now = schedule?.published
          ? mirroredOf(mine, s.scheduleId)
          : seen
            ? (seen.get(agentId)?.shifts ?? [])
            : [];
        return { agentId, name: mine?.name ?? agentId, ...shiftChanges(now, mine?.shifts ?? []) };
      });
    },
  });
}
