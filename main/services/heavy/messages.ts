/** What the services thread and the heavy-work worker say to each other (structured clone, same program on both ends). */
import type { MessagePort } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/contract';
import type { FailureCategory } from '../../../shared/contract';
import type { AnalysisUpdate, WeekAnalysis } from '../../../shared/analysis/week-analysis';
import type { SyncRunSummary } from '../../../shared/mirror';
import type { GenesysEnvironment } from '../../genesys/types';
import type { AnalysisClock, FollowedWeek } from '../analysis/kept-weeks';

export interface SyncTask {
  profileId: string;
  businessUnitId: string;
  weeks?: string[];
  weekCount?: number;
  env: GenesysEnvironment;
  /** The instant the whole sync runs at, when the services were given a clock (tests fix "now"); else the real clock. */
  fixedNow: string | null;
  viewerTimeZone: string;
}

export interface SyncOutcome {
  summary: SyncRunSummary;
  changed: string[];
  /** The weeks analysed again after the sync changed them (counts only; the findings are stored). */
  analysed: Array<Omit<AnalysisUpdate, 'profileId' | 'businessUnitId'>>;
}

export type ToWorker =
  | { type: 'sync'; id: number; task: SyncTask }
  | { type: 'analyse'; id: number; businessUnitId: string; week: string; now: string; viewerTimeZone: string }
  | { type: 'cancel'; id: number }
  | { type: 'token'; id: number; ask: number; token?: string; error?: WorkerFailure };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: JobProgress }
  | { type: 'needToken'; id: number; ask: number }
  | { type: 'invalidateToken'; id: number }
  | { type: 'synced'; id: number; outcome: SyncOutcome }
  | { type: 'analysed'; id: number; analysis: WeekAnalysis }
  | { type: 'failed'; id: number; error: WorkerFailure };

export interface WorkerFailure {
  message: string;
  category: FailureCategory;
}

/**
 * The edit-following channel: a port of its own beside the worker's, so the
 * services can take its answers synchronously (receiveMessageOnPort) while
 * the other messages keep flowing through the event loop, and a shared
 * counter the worker bumps after each answer, for Atomics.wait.
 */
export interface FollowPortData {
  port: MessagePort;
  answered: SharedArrayBuffer;
}

export interface ToFollower {
  type: 'follow';
  seq: number;
  businessUnitId: string;
  scheduleId: string;
  clock: AnalysisClock;
}

export type FromFollower =
  { type: 'followed'; seq: number; weeks: FollowedWeek[] } | { type: 'failed'; seq: number; error: WorkerFailure };
