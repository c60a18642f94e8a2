/**
 * The guided publish (issue 15): a draft or a revision with its pending change
 * set uploaded to Genesys by the engine in main/publish, which runs the pure
 * machine in shared/publish and journals every step to SQLite before each call.
 *
 * A publish has one id for its whole life (`publishId`, the journal's id). It
 * runs as jobs (`job.event`, kind `publish`): `publish.start` answers with the
 * first run's job, whose `jobId` IS the publish id; a run resumed after a
 * restart, or started again by a retry or a release, is a new job whose
 * `progress.item` is the publish id. Every `publish.*` method takes the
 * publish id as `jobId` (a run's job id is accepted too).
 *
 * What a screen shows comes from `publish.state`, read from SQLite: a reload,
 * a second window and the CLI see the same publish. `publish.changed` says
 * only "re-read": its `seq` grows with every journaled step, so a view that
 * has read that seq already can skip it.
 */
import { z } from 'zod';
import type { AgentStatus, PublishPhase } from '../publish/machine-state';
import type { PreflightItem } from '../publish/machine-effects';
import type { ConflictChoice } from '../publish/rebase';
import { businessUnitOf, entityId, method } from './define';
import type { JobSnapshot } from './jobs';
import { weekDate } from './weeks';

export type { AgentStatus, PublishPhase, PreflightItem, ConflictChoice };

/** Error finding kinds accepted for this publish, or every kind. */
export const acceptKinds = z.union([z.array(z.string().min(1).max(100)).max(50), z.literal('all')]);

export const publishStartArgs = businessUnitOf
  .extend({
    /** The week's first day. */
    week: weekDate,
    /** The schedule to publish; default the week's one schedule in the mirror (bad input when there are several). */
    scheduleId: entityId.optional(),
    /** Hold agents in active scripted conversations back from the start (else publish anyway, hold on refusal). */
    holdScriptSessions: z.boolean().optional(),
    acceptKinds: acceptKinds.optional(),
    /**
     * Go on without stopping at "what changes for whom" once preflight has no blockers (the CLI; a screen
     * confirms with `publish.confirm`). Default false.
     */
    confirm: z.boolean().optional(),
    /** Publish held agents as soon as their sessions end, without asking (the CLI). Default false. */
    autoReleaseHeld: z.boolean().optional(),
  })
  .strict();
export type PublishStartArgs = z.infer<typeof publishStartArgs>;

const publishRef = z.object({ jobId: entityId }).strict();

export const publishDecideArgs = z
  .object({ jobId: entityId, agentId: entityId, choice: z.enum(['theirs', 'mine', 'merge']) })
  .strict();
export const publishRetryArgs = z.object({ jobId: entityId, agentId: entityId.optional() }).strict();
export const publishReleaseArgs = z
  .object({
    jobId: entityId,
    /** The held agents to publish now; default every held agent whose session has ended. */
    agentIds: z.array(entityId).min(1).max(10_000).optional(),
  })
  .strict();
export const publishAcceptArgs = z
  .object({
    jobId: entityId,
    kinds: z.array(z.string().min(1).max(100)).max(50).optional(),
    findingIds: z.array(entityId).max(10_000).optional(),
  })
  .strict();
export const publishHoldArgs = z.object({ jobId: entityId, agentIds: z.array(entityId).min(1).max(10_000) }).strict();
export const publishReportArgs = z.object({ jobId: entityId, format: z.enum(['json', 'csv']) }).strict();
export const publishListArgs = businessUnitOf.partial().strict();

/** Who changed an agent under us, and when (from the agent's schedule history). */
export interface PublishChangeStamp {
  modifiedBy: string;
  /** ISO instant. */
  modifiedAt: string;
}

/** A true conflict on one agent: their side against ours, for the theirs / mine / merge choice. */
export interface PublishConflictView {
  /** The agent schedule's version our edit was made on, and the one Genesys has now. */
  baseVersion: number | null;
  theirsVersion: number | null;
  /** The other editors, from the agent's history. */
  changedBy: PublishChangeStamp[];
  /** Whether `merge` is offered (their shifts and ours do not overlap). */
  mergeOffered: boolean;
  /** Shift ids both sides changed, and full-day time-off dates both changed. */
  contestedShiftIds: string[];
  contestedDates: string[];
  /** In words, e.g. "Changed by Ana Ruiz at 06:02 too: 2 shifts both changed." */
  summary: string;
}

export interface PublishAgentView {
  agentId: string;
  /** From the mirror; null when the mirror does not know the agent. */
  agentName: string | null;
  status: AgentStatus;
  /** false: the change set does not edit the agent (tracked because the publish changes what they see). */
  edited: boolean;
  /** In words: why held, what failed, how a conflict was resolved; null when there is nothing to say. */
  note: string | null;
  hold: { reason: 'scriptSession' | 'supervisor'; note: string } | null;
  conflict: PublishConflictView | null;
  resolution: ConflictChoice | null;
  changedBy: PublishChangeStamp[];
  /** The agent's own version the intended week is planned on (moves with every rebase). */
  baseVersion: number | null;
  /** Shifts in the intended week, and whether this differs from the base (what is sent for them). */
  intendedShiftCount: number;
  changes: boolean;
}

export type PublishStepKind =
  | 'reread'
  | 'checkScriptSessions'
  | 'requestUploadUrl'
  | 'putUpload'
  | 'sendUpdate'
  | 'awaitOperation'
  | 'analyse'
  /** A timer: Retry-After, backoff or pacing (`waitReason`, `waitUntil`). */
  | 'wait'
  /** The supervisor's action: confirm, decide, accept, hold, retry, release, cancel. */
  | 'decision'
  /** The engine started again after a restart and reconciled what was in flight. */
  | 'resume';

/**
 * One row of the step timeline: written BEFORE the call is made (status `sent`), completed when the answer
 * arrives (`answered`, with the HTTP status and `contextId`). A row still `sent` after a restart is the call
 * the resumed engine reconciled (`note` says what the re-read found).
 */
export interface PublishStep {
  seq: number;
  /** ISO instant the step was written. */
  at: string;
  /** ISO instant the answer arrived; null while in flight, and for waits and decisions. */
  answeredAt: string | null;
  phase: PublishPhase;
  kind: PublishStepKind;
  /** The write attempt (one upload chain per attempt), or null for reads. */
  attempt: number | null;
  /** What was sent, in words: e.g. "update at schedule version 7, 12 agents". */
  request: string;
  status: 'sent' | 'answered' | 'waiting' | 'done';
  /** The HTTP status (null: no answer, or not an HTTP call). */
  httpStatus: number | null;
  contextId: string | null;
  waitReason: 'retryAfter' | 'backoff' | 'pacing' | null;
  /** ISO instant the wait ends: the countdown. */
  waitUntil: string | null;
  /** In words: what Genesys said, why it waits, what changed on the re-read. */
  note: string;
}

/** What stops the publish until the supervisor decides. */
export interface PublishDecision {
  /** Agents in a true conflict: `publish.decide` each (or `publish.retry`). */
  conflictAgentIds: string[];
  /** New error findings after a re-read: `publish.accept` by kind or id, or `publish.hold` the agents. */
  findings: Array<{
    id: string;
    agentId: string;
    kind: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
  }>;
  /** Preflight is done and waits for `publish.confirm` (what changes for whom is in `agents`). */
  confirm: boolean;
}

export interface PublishCounts {
  pending: number;
  applied: number;
  held: number;
  conflict: number;
  failed: number;
}

/** A publish as the journal has it: every screen and the CLI render this. */
export interface PublishView {
  jobId: string;
  /** The current (or last) run's job id in the job registry: `job.events` of it catch up its progress. */
  runJobId: string | null;
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  phase: PublishPhase;
  /** The phase in words. */
  message: string;
  /** How it ended or why it stopped, in words; null while it runs. */
  outcome: string | null;
  /** Whether an engine is working on it now (false: ended, cancelled, or waiting for a restart). */
  running: boolean;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
  /** The schedule's `metadata.version` as last read, and whether it is published. */
  schedule: { version: number; published: boolean };
  attempt: number;
  /** A running countdown: why, and until when (ISO). */
  waiting: { reason: 'retryAfter' | 'backoff' | 'pacing'; until: string } | null;
  preflight: PreflightItem[];
  decision: PublishDecision | null;
  /** Held agents whose sessions have ended: `publish.release` publishes them. */
  heldReadyAgentIds: string[];
  counts: PublishCounts;
  agents: PublishAgentView[];
  steps: PublishStep[];
  /** The highest step seq: what `publish.changed` compares against. */
  seq: number;
}

/** One line of `publish.list`. */
export interface PublishSummary {
  jobId: string;
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  phase: PublishPhase;
  outcome: string | null;
  running: boolean;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
  counts: PublishCounts;
}

/** The audit report: every attempt, version, contextId, who and when, and each agent's outcome. Never a token. */
export interface PublishReport {
  jobId: string;
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  generatedAt: string;
  createdAt: string;
  phase: PublishPhase;
  outcome: string | null;
  schedule: { version: number; published: boolean };
  counts: PublishCounts;
  agents: Array<{
    agentId: string;
    agentName: string | null;
    status: AgentStatus;
    edited: boolean;
    baseVersion: number | null;
    resolution: ConflictChoice | null;
    changedBy: PublishChangeStamp[];
    note: string | null;
  }>;
  attempts: PublishStep[];
}

export interface PublishReportFile {
  format: 'json' | 'csv';
  /** A suggested file name, e.g. `publish-2026-03-02-<id>.csv`. */
  fileName: string;
  /** The report as text: JSON of `report`, or CSV (one row per step, then one per agent). */
  content: string;
  report: PublishReport;
}

/** What a publish run's job ends with (job kind `publish`). */
export interface PublishJobResult {
  publishId: string;
  phase: PublishPhase;
  outcome: string | null;
  counts: PublishCounts;
}

declare module './jobs' {
  interface JobResults {
    publish: PublishJobResult;
  }
}

export const publishMethods = {
  /** Starts a publish (or answers the unfinished one of the same schedule and week) as a job: see the file's head. */
  'publish.start': method(publishStartArgs).returns<JobSnapshot>(),
  /** The whole view from the journal: phase, agents, the step timeline, preflight, what needs a decision. */
  'publish.state': method(publishRef).returns<PublishView>(),
  /** Confirms what changes for whom (phase `confirming`): the upload starts. */
  'publish.confirm': method(publishRef).returns<PublishView>(),
  /** Decides one agent's true conflict: their week, ours, or both merged (when offered). */
  'publish.decide': method(publishDecideArgs).returns<PublishView>(),
  /** One-click retry of one agent or the whole publish: re-read, rebase, resubmit. */
  'publish.retry': method(publishRetryArgs).returns<PublishView>(),
  /** Publishes held agents (their sessions ended, or the supervisor says so). */
  'publish.release': method(publishReleaseArgs).returns<PublishView>(),
  /** Accepts new error findings by kind or id, so the publish goes on. */
  'publish.accept': method(publishAcceptArgs).returns<PublishView>(),
  /** Holds agents back from this publish (they stay as they are published now). */
  'publish.hold': method(publishHoldArgs).returns<PublishView>(),
  /** Stops after the call in flight; the journal is kept (nothing is resumed on restart). Ends a held publish. */
  'publish.cancel': method(publishRef).returns<PublishView>(),
  'publish.report': method(publishReportArgs).returns<PublishReportFile>(),
  /** Recent publishes, newest first (optionally of one profile or business unit). */
  'publish.list': method(publishListArgs).returns<PublishSummary[]>(),
};

export interface PublishEvents {
  /** A publish journaled a step or changed phase: every view of it re-reads `publish.state`. */
  'publish.changed': { jobId: string; seq: number; phase: PublishPhase };
}

export const publishEventNames: Record<keyof PublishEvents, true> = { 'publish.changed': true };
