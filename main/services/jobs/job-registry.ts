/**
 * Runs long work as jobs. Each job numbers its events 1, 2, 3… and keeps
 * them all while it lives (and for a while after it ends), so a window that
 * reloads or a socket that reconnects can catch up without a gap. Progress
 * is coalesced: at most one event per animation frame per job, each carrying
 * the latest progress, so a fast sync cannot flood a window.
 */
import { randomUUID } from 'node:crypto';
import type {
  JobEvent,
  JobKind,
  JobProgress,
  JobResults,
  JobSnapshot,
  JobState,
  JobSubject,
} from '../../../shared/contract';
import { badInput } from '../../../shared/ops-error';
import { userMessage } from '../dispatch';
import type { EventHub } from '../event-hub';
import { failureCategory } from '../failure-category';

export interface JobContext {
  progress(p: JobProgress): void;
  signal: AbortSignal;
}

export interface JobRegistry {
  start<K extends JobKind>(
    kind: K,
    subject: JobSubject,
    run: (ctx: JobContext) => Promise<JobResults[K]>,
  ): JobSnapshot<K>;
  /** The running job of this kind and subject, if any. */
  running(kind: JobKind, subject: JobSubject): JobSnapshot | undefined;
  status(jobId: string): JobSnapshot;
  list(): JobSnapshot[];
  eventsAfter(jobId: string, afterSeq: number): JobEvent[];
  cancel(jobId: string): boolean;
  /** Resolves when the job has ended (for the CLI and tests). */
  settled(jobId: string): Promise<JobSnapshot>;
  /** Cancels every running job and waits for each to end. */
  close(): Promise<void>;
}

export interface JobRegistryOptions {
  events: EventHub;
  now?: () => Date;
  /** One animation frame. */
  frameMs?: number;
  /** How long an ended job stays listed and replayable. */
  keepEndedMs?: number;
}

interface Job {
  snapshot: JobSnapshot;
  log: JobEvent[];
  abort: AbortController;
  pending: JobProgress | null;
  lastEmitAt: number;
  timer: NodeJS.Timeout | undefined;
  done: Promise<JobSnapshot>;
}

export function createJobRegistry(opts: JobRegistryOptions): JobRegistry {
  const now = opts.now ?? (() => new Date());
  const frameMs = opts.frameMs ?? 16;
  const keepEndedMs = opts.keepEndedMs ?? 10 * 60_000;
  const jobs = new Map<string, Job>();

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job)
      throw badInput(
        `There is no job ${jobId} (it ended more than ${Math.round(keepEndedMs / 60_000)} minutes ago, or Publish Desk was restarted).`,
      );
    return job;
  }

  function emit(job: Job, change: Partial<Pick<JobEvent, 'state' | 'progress' | 'result' | 'error'>>): void {
    const { startedAt: _s, endedAt: _e, ...last } = job.snapshot;
    const event: JobEvent = { ...last, ...change, seq: last.seq + 1, at: now().toISOString() };
    job.log.push(event);
    job.snapshot = {
      ...event,
      startedAt: job.snapshot.startedAt,
      endedAt: event.state === 'running' ? null : event.at,
    };
    job.lastEmitAt = Date.now();
    opts.events.emit('job.event', event);
  }

  function flushProgress(job: Job): void {
    clearTimeout(job.timer);
    job.timer = undefined;
    if (job.pending === null || job.snapshot.state !== 'running') return;
    const progress = job.pending;
    job.pending = null;
    emit(job, { progress });
  }

  function finish(
    job: Job,
    state: Exclude<JobState, 'running'>,
    extra: Partial<Pick<JobEvent, 'result' | 'error'>>,
  ): void {
    clearTimeout(job.timer);
    const progress = job.pending ?? job.snapshot.progress;
    job.pending = null;
    emit(job, { state, progress, ...extra });
    setTimeout(() => jobs.delete(job.snapshot.jobId), keepEndedMs).unref();
  }

  return {
    start(kind, subject, run) {
      const jobId = randomUUID();
      const at = now().toISOString();
      let resolveDone!: (s: JobSnapshot) => void;
      const job: Job = {
        snapshot: { jobId, kind, subject, seq: 0, at, state: 'running', progress: null, startedAt: at, endedAt: null },
        log: [],
        abort: new AbortController(),
        pending: null,
        lastEmitAt: 0,
        timer: undefined,
        done: new Promise((resolve) => (resolveDone = resolve)),
      };
      jobs.set(jobId, job);
      emit(job, {});
      const ctx: JobContext = {
        signal: job.abort.signal,
        progress(p) {
          if (job.snapshot.state !== 'running') return;
          job.pending = p;
          if (job.timer) return;
          const wait = Math.max(0, frameMs - (Date.now() - job.lastEmitAt));
          job.timer = setTimeout(() => flushProgress(job), wait);
        },
      };
      // Started on the next turn, so the caller has the snapshot (and can subscribe) before anything happens.
      setImmediate(() => {
        run(ctx)
          .then(
            (result) => finish(job, job.abort.signal.aborted ? 'cancelled' : 'succeeded', { result }),
            (err: unknown) => {
              if (job.abort.signal.aborted) return finish(job, 'cancelled', {});
              const category = failureCategory(err);
              finish(job, 'failed', { error: { code: 'failed', message: userMessage(err, category), category } });
            },
          )
          .finally(() => resolveDone(job.snapshot));
      });
      return job.snapshot as JobSnapshot<typeof kind>;
    },
    running(kind, subject) {
      for (const job of jobs.values()) {
        const s = job.snapshot;
        if (
          s.state === 'running' &&
          s.kind === kind &&
          s.subject.profileId === subject.profileId &&
          s.subject.businessUnitId === subject.businessUnitId
        )
          return s;
      }
      return undefined;
    },
    status: (jobId) => find(jobId).snapshot,
    list: () => [...jobs.values()].map((j) => j.snapshot),
    eventsAfter: (jobId, afterSeq) => find(jobId).log.filter((e) => e.seq > afterSeq),
    cancel(jobId) {
      const job = find(jobId);
      if (job.snapshot.state !== 'running') return false;
      job.abort.abort();
      return true;
    },
    settled: (jobId) => find(jobId).done,
    async close() {
      const running = [...jobs.values()].filter((j) => j.snapshot.state === 'running');
      for (const job of running) job.abort.abort();
      await Promise.all(running.map((j) => j.done));
    },
  };
}
