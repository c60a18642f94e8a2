/**
 * What main says about publishes: `publish.changed` (a step was journaled: read `publish.state` again,
 * unless this window already read that seq) and the publish runs' `job.event`s (a run started or
 * ended: the unit's list of publishes moves). The payload is checked at this boundary: an event
 * that does not parse is ignored, never half-applied. Returns the unsubscribe.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import type { PublishView } from '../../../shared/contract/publish';
import type { OpsClient } from '../../bridge/types';
import { publishKeys } from './queries';

const changedEvent = z.object({ jobId: z.string().min(1), seq: z.number().int().min(0), phase: z.string() });

export function subscribePublishEvents(client: OpsClient, queryClient: QueryClient): () => void {
  const reread = (jobId: string) =>
    void queryClient.invalidateQueries({ queryKey: publishKeys.state(jobId), exact: true });
  const offs = [
    client.on('publish.changed', (payload) => {
      const parsed = changedEvent.safeParse(payload);
      if (!parsed.success) return;
      const { jobId, seq } = parsed.data;
      const seen = queryClient.getQueryData<PublishView>(publishKeys.state(jobId));
      if (!seen || seen.seq < seq) reread(jobId);
      // The list shows each publish's phase and counts.
      if (!seen || seen.phase !== parsed.data.phase)
        void queryClient.invalidateQueries({ queryKey: publishKeys.lists });
    }),
    client.on('job.event', (step) => {
      if (step.kind !== 'publish') return;
      // The first run's job id is the publish id; a resumed or retried run names it in `progress.item`.
      if (step.state !== 'running') {
        reread(step.jobId);
        if (step.progress?.item) reread(step.progress.item);
      } else if (step.progress?.item) {
        // Job events are caught up after a reconnect (the job feed), `publish.changed` is not: a run's progress
        // in a phase this window does not show means a step was missed, and the screen would wait on it for good
        // (seen in CI: the journal at "what changes for whom", the screen still at the script-session check).
        const seen = queryClient.getQueryData<PublishView>(publishKeys.state(step.progress.item));
        if (seen && step.progress.phase && seen.phase !== step.progress.phase) reread(step.progress.item);
      }
      void queryClient.invalidateQueries({ queryKey: publishKeys.lists });
    }),
  ];
  return () => offs.forEach((off) => off());
}

export function usePublishEvents(client: OpsClient, queryClient: QueryClient): void {
  useEffect(() => subscribePublishEvents(client, queryClient), [client, queryClient]);
}
