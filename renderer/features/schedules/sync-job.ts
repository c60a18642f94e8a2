/**
 * A unit's sync job lives in the query cache under `['jobs', profileId, businessUnitId]`, written by
 * the job's own steps: the snapshot `sync.start` answers, every `job.event`, and what `job.list`
 * says is running when the screen opens (a sync started in another window). The three race each
 * other, so a step is kept only if it is newer than the one already there.
 */
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { JobEvent } from '../../../shared/contract';
import type { OpsClient } from '../../bridge/types';
import { invalidateUnit, schedulesKeys } from './queries';

/** Whether `step` is later than `seen`: a higher seq of the same job, or a job that came later. */
export function isNewerStep(step: JobEvent, seen: JobEvent | null | undefined): boolean {
  if (!seen) return true;
  if (step.jobId === seen.jobId) return step.seq > seen.seq;
  // main runs one sync of a unit at a time, so another job's step is newer when it happened later (one clock: main's).
  return step.at >= seen.at;
}

const jobOf = (queryClient: QueryClient, profileId: string, businessUnitId: string) =>
  queryClient.getQueryData<JobEvent | null>(schedulesKeys.syncJob(profileId, businessUnitId));

/** The unit's sync that this window knows to be running, if any. */
export function runningSync(queryClient: QueryClient, profileId: string, businessUnitId: string): JobEvent | null {
  const job = jobOf(queryClient, profileId, businessUnitId);
  return job?.state === 'running' ? job : null;
}

/** Keeps a step of a sync job if it is new. Answers what it did, so the caller acts on a job's end exactly once. */
export function applySyncStep(queryClient: QueryClient, step: JobEvent): 'dropped' | 'running' | 'ended' {
  const { profileId, businessUnitId } = step.subject;
  if (!isNewerStep(step, jobOf(queryClient, profileId, businessUnitId))) return 'dropped';
  queryClient.setQueryData<JobEvent | null>(schedulesKeys.syncJob(profileId, businessUnitId), step);
  return step.state === 'running' ? 'running' : 'ended';
}

/** A step of a sync job; when it ends the job (however it ended), the unit is read again, once. */
export function followSyncStep(queryClient: QueryClient, step: JobEvent): void {
  if (applySyncStep(queryClient, step) === 'ended')
    void invalidateUnit(queryClient, step.subject.profileId, step.subject.businessUnitId);
}

/**
 * The unit's live sync. Asked of `job.list` once, when the screen first shows the unit; events keep it
 * current after that (its cache entry never goes stale, see query-client.ts).
 */
export const syncJobQuery = (
  client: OpsClient,
  queryClient: QueryClient,
  profileId: string | null,
  businessUnitId: string | null,
) =>
  queryOptions({
    queryKey: schedulesKeys.syncJob(profileId, businessUnitId),
    queryFn:
      profileId && businessUnitId
        ? async (): Promise<JobEvent | null> => {
            const jobs = await client.call('job.list', {});
            const running = jobs.findLast(
              (j) =>
                j.kind === 'sync' &&
                j.state === 'running' &&
                j.subject.profileId === profileId &&
                j.subject.businessUnitId === businessUnitId,
            );
            // Steps may have arrived while job.list was answering: the answer must not take the cache back.
            const seen = jobOf(queryClient, profileId, businessUnitId) ?? null;
            return running && isNewerStep(running, seen) ? running : seen;
          }
        : skipToken,
  });
