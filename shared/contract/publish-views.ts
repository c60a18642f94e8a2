/**
 * What a publish looks like to the Publish screen, the CLI and the report: views built from the
 * journal only, so a reload or a second window shows the same publish. Split from publish.ts (the
 * methods and their arguments) to keep each file small.
 */
import type { AgentStatus, PublishPhase } from '../publish/machine-state';
import type { PreflightItem } from '../publish/machine-effects';
import type { ConflictChoice } from '../publish/rebase';

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
