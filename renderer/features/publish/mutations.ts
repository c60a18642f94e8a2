/**
 * The Publish screen's writes. Each answers the publish's new view, kept only if it is not older than
 * what `publish.changed` already brought (queries.ts). A write is never retried behind the user's
 * back (query-client.ts): the one-click Retry is the supervisor's own click.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConflictChoice, PublishStartArgs, PublishView } from '../../../shared/contract/publish';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { publishKeys, putPublishView } from './queries';

export function useStartPublish() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const setPublish = useConsole((s) => s.setPublish);
  return useMutation({
    mutationFn: (args: PublishStartArgs) => client.call('publish.start', args),
    onSuccess: (job) => openStartedPublish(queryClient, (jobId) => setPublish({ jobId }), job.jobId),
  });
}

/**
 * The first run's job id IS the publish id (see the contract): open it, once the list has it. Picked
 * before, the screen fell back to the newest publish it knew (the one just stopped) until the list came,
 * and a click in between acted on that one. The start stays pending meanwhile (its button busy).
 */
export async function openStartedPublish(
  queryClient: QueryClient,
  pick: (jobId: string) => void,
  jobId: string,
): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: publishKeys.lists }).catch(() => undefined);
  pick(jobId);
  void queryClient.invalidateQueries({ queryKey: publishKeys.state(jobId), exact: true });
}

/** One action on a running publish, as the supervisor clicked it. */
export type PublishAction =
  | { type: 'confirm' }
  | { type: 'decide'; agentId: string; choice: ConflictChoice }
  | { type: 'retry'; agentId?: string }
  | { type: 'release'; agentIds?: string[] }
  | { type: 'accept'; kinds?: string[]; findingIds?: string[] }
  | { type: 'hold'; agentIds: string[] }
  | { type: 'cancel' };

export function usePublishAction(jobId: string) {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: PublishAction): Promise<PublishView> => {
      switch (action.type) {
        case 'confirm':
          return client.call('publish.confirm', { jobId });
        case 'decide':
          return client.call('publish.decide', { jobId, agentId: action.agentId, choice: action.choice });
        case 'retry':
          return client.call('publish.retry', { jobId, ...(action.agentId ? { agentId: action.agentId } : {}) });
        case 'release':
          return client.call('publish.release', { jobId, ...(action.agentIds ? { agentIds: action.agentIds } : {}) });
        case 'accept':
          return client.call('publish.accept', {
            jobId,
            ...(action.kinds ? { kinds: action.kinds } : {}),
            ...(action.findingIds ? { findingIds: action.findingIds } : {}),
          });
        case 'hold':
          return client.call('publish.hold', { jobId, agentIds: action.agentIds });
        case 'cancel':
          return client.call('publish.cancel', { jobId });
      }
    },
    onSuccess: (view) => {
      putPublishView(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: publishKeys.lists });
    },
  });
}

export function usePublishReport(jobId: string) {
  const client = useOpsClient();
  return useMutation({
    mutationFn: (format: 'json' | 'csv') => client.call('publish.report', { jobId, format }),
  });
}
