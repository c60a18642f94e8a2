import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpsClient } from '../../bridge/types';
import { invalidateUnit, schedulesKeys } from './queries';
import { followSyncStep, runningSync } from './sync-job';

/**
 * What main says about mirrored schedules: sync jobs' steps, a unit's mirror changing, a week's
 * findings run again. Each invalidates only the queries it names. Returns the unsubscribe.
 */
export function subscribeSchedulesEvents(client: OpsClient, queryClient: QueryClient): () => void {
  const offs = [
    client.on('job.event', (step) => {
      if (step.kind === 'sync') followSyncStep(queryClient, step);
    }),
    client.on('mirror.changed', ({ profileId, businessUnitId }) => {
      // A sync writes the mirror just before its job ends, and the end reads the unit again: once is enough.
      if (runningSync(queryClient, profileId, businessUnitId)) return;
      void invalidateUnit(queryClient, profileId, businessUnitId);
    }),
    client.on('analysis.updated', ({ profileId, businessUnitId, week }) => {
      void queryClient.invalidateQueries({
        queryKey: schedulesKeys.weekAnalysis(profileId, businessUnitId, week),
        exact: true,
      });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

export function useSchedulesEvents(client: OpsClient, queryClient: QueryClient): void {
  useEffect(() => subscribeSchedulesEvents(client, queryClient), [client, queryClient]);
}
