/**
 * Long work is a job: the method that starts it answers at once with the
 * job's snapshot, and everything after comes as `job.event`s numbered by a
 * per-job `seq` (1, 2, 3…). A window that reloads or a socket that reconnects
 * catches up with `job.events {jobId, afterSeq}` and drops any seq it has
 * seen, so it sees every event once, in order. Progress is coalesced to at
 * most one event per animation frame per job.
 */
import { z } from 'zod';
import type { SyncRunSummary } from '../mirror';
import type { OpsFailure } from './common';
import { entityId, method, noArgs } from './define';

/** What each kind of job produces when it succeeds (publish and import join here). */
export interface JobResults {
  sync: SyncRunSummary;
}
export type JobKind = keyof JobResults;
export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  item?: string;
}

/** What the job works on, so a screen can tell its own jobs apart. */
export interface JobSubject {
  profileId: string;
  businessUnitId: string;
}

/** One step of a job. Each event carries the job's whole state after that step. */
export interface JobEvent<K extends JobKind = JobKind> {
  jobId: string;
  kind: K;
  subject: JobSubject;
  seq: number;
  at: string;
  state: JobState;
  progress: JobProgress | null;
  /** When `state` is `succeeded`. */
  result?: JobResults[K];
  /** When `state` is `failed`. */
  error?: OpsFailure;
}

export interface JobSnapshot<K extends JobKind = JobKind> extends JobEvent<K> {
  startedAt: string;
  endedAt: string | null;
}

const jobRef = z.object({ jobId: entityId }).strict();

export const jobsMethods = {
  'job.status': method(jobRef).returns<JobSnapshot>(),
  /** Running jobs and those that ended in the last few minutes, oldest first. */
  'job.list': method(noArgs).returns<JobSnapshot[]>(),
  /** The job's events after `afterSeq` (0 for all), in order: how a client catches up. */
  'job.events': method(z.object({ jobId: entityId, afterSeq: z.number().int().min(0) }).strict()).returns<JobEvent[]>(),
  'job.cancel': method(jobRef).returns<{ cancelled: boolean }>(),
};

export interface JobsEvents {
  'job.event': JobEvent;
}

export const jobsEventNames: Record<keyof JobsEvents, true> = { 'job.event': true };
