import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpsClient } from '../../bridge/types';
import { runningSync } from '../schedules/sync-job';
import { invalidateTimeline } from './queries';

/**
 * A unit's mirror changed: its roster and shift pages are read again. During a sync the mirror
 * changes with every schedule; the job's end reads once, as the Schedules screen does.
 */
export function subscribeTimelineEvents(client: OpsClient, queryClient: QueryClient): () => void {
  const offs = [
    client.on('mirror.changed', ({ profileId, businessUnitId }) => {
      if (runningSync(queryClient, profileId, businessUnitId)) return;
      void invalidateTimeline(queryClient, profileId, businessUnitId);
    }),
    client.on('job.event', (step) => {
      if (step.kind === 'sync' && step.state !== 'running')
        void invalidateTimeline(queryClient, step.subject.profileId, step.subject.businessUnitId);
    }),
  ];
  return () => offs.forEach((off) => off());
}

export function useTimelineEvents(client: OpsClient, queryClient: QueryClient): void {
  useEffect(() => subscribeTimelineEvents(client, queryClient), [client, queryClient]);
}
