import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { connectionsListQuery } from '../connections/queries';
import { useCancelSync, useDiscoverBusinessUnits, useStartSync } from './mutations';
import { overviewQuery, weeksQuery } from './queries';
import { shownBusinessUnit, shownProfile, shownWeek } from './selection';
import { syncJobQuery } from './sync-job';

/** Everything the Schedules screen shows, each read keyed by the connection and unit on screen. */
export function useSchedulesView() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const connections = useQuery(connectionsListQuery(client)).data;
  const profileId = shownProfile(
    useConsole((s) => s.schedulesProfileId),
    connections,
  );
  const overview = useQuery(overviewQuery(client, profileId));
  const businessUnitId = shownBusinessUnit(
    useConsole((s) => s.selectedBusinessUnitId),
    overview.data,
  );
  const week = shownWeek(
    useConsole((s) => s.openWeek),
    profileId,
    businessUnitId,
  );
  const weeks = useQuery(weeksQuery(client, profileId, businessUnitId));
  const job = useQuery(syncJobQuery(client, queryClient, profileId, businessUnitId)).data ?? null;
  const discover = useDiscoverBusinessUnits();
  const start = useStartSync();
  const cancel = useCancelSync();

  const startingHere = start.variables?.profileId === profileId && start.variables?.businessUnitId === businessUnitId;
  const syncing = (start.isPending && startingHere) || job?.state === 'running';
  // One line of trouble, as before: the first of what failed for this connection and unit.
  const error =
    overview.error?.message ??
    (discover.variables === profileId ? discover.error?.message : undefined) ??
    weeks.error?.message ??
    (startingHere ? start.error?.message : undefined) ??
    (cancel.variables === job?.jobId ? cancel.error?.message : undefined) ??
    (job?.state === 'failed' ? job.error?.message : undefined) ??
    null;

  return {
    connections: connections ?? [],
    profileId,
    overview: overview.data ?? null,
    businessUnitId,
    week,
    weeks: weeks.data,
    error,
    discover() {
      if (profileId) discover.mutate(profileId);
    },
    sync: {
      syncing,
      // Only a running job's progress: the last job's "done" must not show while a new one starts.
      progress: job?.state === 'running' ? job.progress : null,
      start() {
        if (profileId && businessUnitId && !syncing) start.mutate({ profileId, businessUnitId });
      },
      cancel() {
        if (job?.state === 'running') cancel.mutate(job.jobId);
      },
    },
  };
}
