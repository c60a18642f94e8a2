/**
 * The pending change set of the schedule on screen, as main keeps it: its edits (edits.list) and the
 * per-agent diff in words (edits.diff), keyed by business unit and schedule, the two things
 * `edits.changed` names, so an event from any window or the CLI lands on exactly these.
 */
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { OpsClient } from '../../bridge/types';

export interface ChangeSetSubject {
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
}

export const editsKeys = {
  schedule: (businessUnitId: string | undefined, scheduleId: string | undefined) =>
    ['edits', businessUnitId, scheduleId] as const,
  list: (s: ChangeSetSubject | null) => ['edits', s?.businessUnitId, s?.scheduleId, 'list', s?.profileId] as const,
  diff: (s: ChangeSetSubject | null) => ['edits', s?.businessUnitId, s?.scheduleId, 'diff', s?.profileId] as const,
};

const args = (s: ChangeSetSubject) => ({
  profileId: s.profileId,
  businessUnitId: s.businessUnitId,
  scheduleId: s.scheduleId,
});

export const changeSetQuery = (client: OpsClient, s: ChangeSetSubject | null) =>
  queryOptions({
    queryKey: editsKeys.list(s),
    queryFn: s ? () => client.call('edits.list', args(s)) : skipToken,
  });

/** Every edited agent's base week against the effective one: the words of the list and the marks on the rows. */
export const changeSetDiffQuery = (client: OpsClient, s: ChangeSetSubject | null, enabled: boolean) =>
  queryOptions({
    enabled,
    queryKey: editsKeys.diff(s),
    queryFn: s ? () => client.call('edits.diff', args(s)) : skipToken,
  });

/**
 * A schedule's change set moved: its list and diff, and what the timeline reads of the unit as
 * edited (shift pages, the drawer's week and the coverage strip), are read again. The roster and
 * legend stay: an edit changes no agent's name or unit. Findings follow through `analysis.updated`.
 */
export function invalidateChangeSet(queryClient: QueryClient, businessUnitId: string, scheduleId: string) {
  // Each of these keys names its schedule right after its kind (timeline/queries.ts).
  const edited = new Set(['page', 'agent', 'coverage', 'changed']);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: editsKeys.schedule(businessUnitId, scheduleId) }),
    queryClient.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'timeline' &&
        q.queryKey[2] === businessUnitId &&
        edited.has(String(q.queryKey[3])) &&
        q.queryKey[4] === scheduleId,
    }),
  ]).then(() => undefined);
}
