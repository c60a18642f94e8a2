/** The Schedules screen's writes. Each carries its subject, so its answer lands on that unit even if the screen moved on. */
import type { JobSnapshot, JobSubject } from '../../../shared/contract';
import type { OpsClient } from '../../bridge/types';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import type { OpenWeek } from '../../store/schedules-selection-slice';
import { schedulesKeys } from './queries';
import { followSyncStep } from './sync-job';

/** Lists the org's units from Genesys Cloud into the mirror. */
export function useDiscoverBusinessUnits() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => client.call('schedules.discover', { profileId }),
    onSuccess: (overview, profileId) => queryClient.setQueryData(schedulesKeys.overview(profileId), overview),
    // A failed discovery may have marked the connection offline: show the badge.
    onError: (_err, profileId) => queryClient.invalidateQueries({ queryKey: schedulesKeys.overview(profileId) }),
  });
}

/** `sync.start` answers at once with the job; the bar follows it from there. */
export const startSyncOptions = (client: OpsClient, queryClient: QueryClient) => ({
  mutationFn: (subject: JobSubject) => client.call('sync.start', subject),
  // The job's first events may have come before this answer: the snapshot is one more step, kept only if newer.
  onSuccess: (snapshot: JobSnapshot) => followSyncStep(queryClient, snapshot),
});

export function useStartSync() {
  return useMutation(startSyncOptions(useOpsClient(), useQueryClient()));
}

export function useCancelSync() {
  const client = useOpsClient();
  return useMutation({ mutationFn: (jobId: string) => client.call('job.cancel', { jobId }) });
}

/** A fresh run of a week's findings replaces the stored ones in the cache. */
export function useRerunAnalysis() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (week: OpenWeek) => client.call('analysis.rerun', week),
    onSuccess: (analysis, { profileId, businessUnitId, week }) =>
      queryClient.setQueryData(schedulesKeys.weekAnalysis(profileId, businessUnitId, week), analysis),
  });
}
