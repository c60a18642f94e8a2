/**
 * The Publish screen's server data. The publish itself is always `publish.state` from main's journal,
 * keyed by the publish id: never this window's memory, so a reload or a second window shows the same
 * steps and agents. `publish.changed` (events.ts) says when to read it again.
 */
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { PublishView } from '../../../shared/contract/publish';
import type { OpsClient } from '../../bridge/types';

export const publishKeys = {
  all: ['publish'] as const,
  state: (jobId: string | null) => ['publish', 'state', jobId] as const,
  /** Every list of a unit (a prefix of `list`). */
  lists: ['publish', 'list'] as const,
  list: (profileId: string | null, businessUnitId: string | null) =>
    ['publish', 'list', profileId, businessUnitId] as const,
};

export const publishStateQuery = (client: OpsClient, jobId: string | null) =>
  queryOptions({
    queryKey: publishKeys.state(jobId),
    queryFn: jobId ? () => client.call('publish.state', { jobId }) : skipToken,
    // Opening the screen always asks the journal again: another window may have moved the publish on.
    staleTime: 0,
  });

export const publishListQuery = (client: OpsClient, profileId: string | null, businessUnitId: string | null) =>
  queryOptions({
    queryKey: publishKeys.list(profileId, businessUnitId),
    queryFn: profileId && businessUnitId ? () => client.call('publish.list', { profileId, businessUnitId }) : skipToken,
    staleTime: 0,
  });

/**
 * Keeps a view main answered (an action's result) unless the cache already holds a later one: the
 * answer of a decision and the re-read its `publish.changed` started race each other.
 */
export function putPublishView(queryClient: QueryClient, view: PublishView): void {
  const key = publishKeys.state(view.jobId);
  const seen = queryClient.getQueryData<PublishView>(key);
  if (seen && seen.seq > view.seq) return;
  queryClient.setQueryData(key, view);
}
