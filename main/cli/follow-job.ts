/** Waits for a job to end, showing its progress as it goes: the CLI's view of a job the console would show live. */
import type { JobProgress, JobSnapshot } from '../../shared/contract';
import type { CliContext } from './context';

export async function followJob(
  ctx: CliContext,
  jobId: string,
  onProgress: (p: JobProgress) => void,
): Promise<JobSnapshot> {
  let lastSeq = 0;
  const off = ctx.services.events.attach((name, payload) => {
    if (name !== 'job.event') return;
    const event = payload as JobSnapshot;
    if (event.jobId !== jobId || event.seq <= lastSeq) return;
    lastSeq = event.seq;
    if (event.progress && event.state === 'running') onProgress(event.progress);
  });
  try {
    // The CLI runs the services in its own process: the registry can say when the job is over.
    await ctx.services.jobs.settled(jobId);
    return await ctx.call('job.status', { jobId });
  } finally {
    off();
  }
}
