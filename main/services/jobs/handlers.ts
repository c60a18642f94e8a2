/** job.*: the state and events of long work, for windows that reload and sockets that reconnect. */
import type { OpsApi } from '../../../shared/contract';
import type { jobsMethods } from '../../../shared/contract/jobs';
import type { JobRegistry } from './job-registry';

export function jobsHandlers(jobs: JobRegistry) {
  return {
    'job.status': async ({ jobId }) => jobs.status(jobId),
    'job.list': async () => jobs.list(),
    'job.events': async ({ jobId, afterSeq }) => jobs.eventsAfter(jobId, afterSeq),
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  } satisfies Pick<OpsApi, keyof typeof jobsMethods>;
}
