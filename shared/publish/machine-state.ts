/**
 * The guided publish's state: everything the machine decides from, plain
 * JSON, journaled by the engine before every call to Genesys and validated
 * with zod (machine-state-schema.ts) when a journaled job is resumed.
 */
import type { AgentWeek } from './agent-week';
import type { VersionedWeek } from './agent-week-schema';
import type { RateBudget } from './rate-budget';
import type { AgentConflict, ChangeStamp, ConflictChoice } from './rebase';
import type { RetryKind, RetryTuning } from './retry-policy';

export type PublishPhase =
  /** Nothing started yet. */
  | 'choosing'
  /** Re-reading the schedule and the changed agents, checking script sessions, analysing. */
  | 'preflight'
  /** Preflight done: the supervisor confirms what changes for whom (blockers must be cleared first). */
  | 'confirming'
  /** uploadurl → PUT → update. */
  | 'uploading'
  /** The update was accepted (`Processing`); waiting for its operation to end. */
  | 'awaitingOperation'
  /** The operation applied: re-reading to check the content is what was intended and the schedule published. */
  | 'verifying'
  /** A 429: waiting exactly `Retry-After`, with a countdown (`waiting.untilMs`). */
  | 'rateLimited'
  /** An unknown outcome (5xx, timeout, reset, no notification): re-reading before anything is sent again. */
  | 'reconciling'
  /** A stale version: re-reading the schedule and the changed agents to rebase per agent. */
  | 'rebasing'
  /** Some agents are true conflicts: a decision per agent (theirs / mine / merge). */
  | 'conflict'
  /** A re-read brought new error findings: a decision (accept the kind, or hold the agent) before going on. */
  | 'reviewing'
  /** Stopped with a report: a cap reached, a refusal, or an operation `Error` with nothing written. Retry is one event. */
  | 'failed'
  /** Published except agents held back (script sessions): watching for their sessions to end. */
  | 'held'
  /** Everything intended is published (held agents the supervisor finished without are reported as held). */
  | 'done';

export type AgentStatus = 'pending' | 'applied' | 'held' | 'conflict' | 'failed';

export interface PublishAgent {
  agentId: string;
  status: AgentStatus;
  /** false: an agent the change set does not edit, tracked because the publish changes what they see (holding). */
  edited: boolean;
  /** What Genesys has for the agent in this schedule that `intended` is planned on; moves with every rebase. */
  base: VersionedWeek;
  /** What the agent should have after this publish. */
  intended: AgentWeek;
  /** Publishing a draft over the week: what the agent sees published now (holding them back sends this). */
  seenNow: AgentWeek | null;
  /**
   * An unedited agent whose hold landed (Genesys has what they see now in the draft): the draft's week,
   * `intended`, is still owed to them, so releasing them sends it. Absent in journals written before it.
   */
  draftWeekDue?: boolean;
  hold: { reason: 'scriptSession' | 'supervisor'; note: string } | null;
  conflict: AgentConflict | null;
  /** The supervisor's decision on a conflict, for the report. */
  resolution: ConflictChoice | null;
  /** Who changed the agent under us (from their history), for the report. */
  changedBy: ChangeStamp[];
  failure: string | null;
}

/** One call to Genesys and what came of it: the step timeline and the report's audit trail. */
export interface CallRecord {
  seq: number;
  /** Epoch ms the answer arrived. */
  at: number;
  call: CallKind;
  /** The write attempt it belongs to (upload chain), or null for reads. */
  attempt: number | null;
  status: number | null;
  contextId: string | null;
  /** In words: why it waits, what the re-read changed, what Genesys said. */
  note: string;
}

export type CallKind =
  'reread' | 'checkScriptSessions' | 'requestUploadUrl' | 'putUpload' | 'sendUpdate' | 'awaitOperation';

/** Why agents are re-read: decides what the rebase leads to. */
/**
 * The publish's notification channel as the engine found it when it opened it (at the first re-read, so at
 * preflight): how an operation's end is heard. Without it the publish still goes on, re-reading instead.
 */
export interface ChannelCheck {
  state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Why it could not be opened (a 403 on the channel, a refused topic), in Genesys' words. */
  error?: string;
  /** How long an operation's end is waited for on the channel before it is re-read. */
  unheardRereadAfterMs: number;
}

export type RereadPurpose = 'preflight' | 'stale' | 'reconcile' | 'verify' | 'failedOperation' | 'retry' | 'release';

/** The call in flight (journaled before it is made): what a resumed engine reconciles against. */
export type InFlight =
  | { call: 'reread'; purpose: RereadPurpose; agentIds: string[] }
  | { call: 'checkScriptSessions'; purpose: 'preflight' | 'lockCheck' | 'watch'; agentIds: string[] }
  /** Local, not a Genesys call; `after` is the re-read whose rebase asked for it (what follows the analysis). */
  | { call: 'analyse'; purpose: 'preflight' | 'rebase' | 'failedReport'; agentIds: string[]; after: RereadPurpose }
  | { call: 'requestUploadUrl'; attempt: number }
  | { call: 'putUpload'; attempt: number; uploadKey: string }
  | { call: 'sendUpdate'; attempt: number; uploadKey: string; version: number; agentIds: string[] }
  | { call: 'awaitOperation'; attempt: number; operationId: string; version: number; agentIds: string[] };

/** What a wait leads to when it ends. */
export type AfterWait =
  | { next: 'upload' }
  | { next: 'reread'; purpose: RereadPurpose }
  | { next: 'checkScriptSessions'; purpose: 'preflight' | 'lockCheck' };

export interface Finding {
  id: string;
  agentId: string;
  kind: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface PublishState {
  schemaVersion: 1;
  phase: PublishPhase;
  job: {
    businessUnitId: string;
    weekId: string;
    scheduleId: string;
    /** A draft published over the week's published schedule (holding sends what agents see now). */
    overPublished: boolean;
  };
  policy: {
    /** Hold agents in active scripted conversations back from the start (else publish anyway, hold on refusal). */
    holdScriptSessions: boolean;
    /** Error finding kinds accepted for this publish ('all' for every kind). */
    acceptedKinds: string[] | 'all';
    /** Publish held agents as soon as their sessions end, without asking (the CLI). */
    autoReleaseHeld: boolean;
  };
  tuning: RetryTuning & { pacingReserve: number };
  /** The schedule's `metadata.version` as last read, and whether it is published. */
  schedule: { version: number; published: boolean };
  agents: Record<string, PublishAgent>;
  confirmed: boolean;
  /**
   * What preflight found: the mirror's version it started from, the agents in script sessions then, and the
   * notification channel (absent until a re-read reported it, or in a journal older than it).
   */
  preflight: { mirrorVersion: number; busyAgentIds: string[]; channel?: ChannelCheck } | null;
  /** Write attempts started (each upload chain is one; `sendUpdate` is sent at most once per attempt). */
  attempt: number;
  inFlight: InFlight | null;
  waiting: { untilMs: number; reason: 'retryAfter' | 'backoff' | 'pacing'; then: AfterWait } | null;
  /** The last update Genesys accepted or refused, until a re-read settles what came of it. */
  sent: { attempt: number; version: number; agentIds: string[] } | null;
  /** What the last 409 named (agents in its details or messageParams), until the re-read explains it. */
  refusal: {
    version: number;
    agentIds: string[];
    namedAgentIds: string[];
    /** Agents the refusal names that this publish does not track (absent in journals written before it). */
    unsentNamedIds?: string[];
  } | null;
  failures: Record<RetryKind, number>;
  budget: RateBudget | null;
  /** Finding ids the supervisor acknowledged. */
  acknowledgedFindings: string[];
  /** Findings that stop the publish until a decision. */
  blockingFindings: Finding[];
  log: CallRecord[];
  /** The jitter generator's state (mulberry32), so a resumed publish draws the same waits. */
  jitterSeed: number;
  /** Why it stopped, in words, when `failed` (or how it ended, when `done`). */
  outcome: string | null;
}
