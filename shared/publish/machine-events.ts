/**
 * What the engine (main/publish) and the supervisor tell the publish
 * machine. Every event carries `at` (epoch ms, the engine's clock) so the
 * machine never reads a clock. Answers from Genesys carry the HTTP outcome
 * as it came: the machine classifies it (409 and the 400 "does not match the
 * current version" alike, 429 with `Retry-After`, 5xx and transport failures
 * as unknown outcomes) and keeps `contextId` for the report.
 */
import type { AgentWeek } from './agent-week';
import type { VersionedWeek } from './agent-week-schema';
import type { ChannelCheck, Finding, PublishState } from './machine-state';
import type { RateLimitHeaders } from './rate-budget';
import type { ChangeStamp, ConflictChoice } from './rebase';

/** One HTTP answer (or the lack of one), as the engine saw it. */
export interface HttpOutcome {
  /** null: no answer at all (timeout, connection reset, network error). */
  status: number | null;
  /** From the `ErrorBody`, or the `inin-correlation-id` header. */
  contextId?: string | null;
  /** The raw `Retry-After` header (seconds or an HTTP date). */
  retryAfter?: string | null;
  /** The raw `inin-ratelimit-allowed/count/reset` headers. */
  rateLimit?: RateLimitHeaders;
  /** The `ErrorBody` of a refusal, as far as the machine reads it. */
  error?: {
    code?: string;
    message?: string;
    messageParams?: Record<string, string>;
    details?: Array<{ errorCode?: string; entityId?: string }>;
  };
  /** For a missing answer, what happened (shown in the step timeline). */
  transport?: 'timeout' | 'reset' | 'network';
}

/** One agent as the engine hands it in at the start. */
export interface StartAgent {
  agentId: string;
  /** The agent's week in the schedule the edits were made on, with `baseAgentVersion`. */
  base: VersionedWeek;
  /** The week the pending change set gives the agent; null for an agent it does not edit. */
  mine: AgentWeek | null;
  /** Publishing a draft over the week: what the agent sees published now. */
  seenNow?: AgentWeek | null;
}

/** An agent as re-read from Genesys. */
export interface ReadAgent {
  agentId: string;
  /** The agent's week and own `metadata.version` now (version null: no agent schedule). */
  now: VersionedWeek;
  /** Changes after our base, from the agent's schedule history, when the engine read it. */
  history?: ChangeStamp[];
}

export type PublishEvent = { at: number } & (
  | {
      type: 'start';
      job: PublishState['job'];
      policy: PublishState['policy'];
      tuning?: Partial<PublishState['tuning']>;
      /** The schedule as the mirror knows it. */
      schedule: { version: number; published: boolean };
      agents: StartAgent[];
      /** Seeds the jitter draws (any integer; the engine may use a random one, a test a fixed one). */
      seed: number;
    }
  /** Answer to `reread`. `schedule`/`agents` are present when `outcome.status` is 2xx. */
  | {
      type: 'reread';
      outcome: HttpOutcome;
      schedule?: { version: number; published: boolean };
      agents?: ReadAgent[];
      /** Management units answered before a wait and not asked again (the schedule's version had not moved). */
      unitsKept?: number;
      /** The notification channel, once per run (the first re-read answered). */
      channel?: ChannelCheck;
    }
  /** Answer to `checkScriptSessions` / `watchScriptSessions`: which of the asked agents are in an active scripted conversation. */
  | { type: 'scriptSessions'; outcome: HttpOutcome; activeAgentIds?: string[] }
  /** Answer to `analyse`: the findings on the agents' intended weeks (all of them: the machine decides what is new). */
  | { type: 'analysed'; findings: Finding[] }
  | { type: 'uploadUrl'; outcome: HttpOutcome; uploadKey?: string; url?: string; headers?: Record<string, string> }
  | { type: 'uploadPut'; outcome: HttpOutcome }
  /** Answer to `sendUpdate`: `Processing` with an operation id, or at once `Complete`. */
  | { type: 'updateAnswered'; outcome: HttpOutcome; operationId?: string; status?: string }
  /** How `awaitOperation` ended (`waitForOperation`'s outcome). */
  | { type: 'operationEnded'; result: 'applied' | 'failed' | 'unknown'; reason?: string }
  /** A `wait` effect ran its time. */
  | { type: 'waited' }
  /** The supervisor confirms what changes for whom. */
  | { type: 'confirm' }
  /** The supervisor decides a true conflict. */
  | { type: 'resolve'; agentId: string; choice: ConflictChoice }
  /** The supervisor accepts findings: by kind, or one by one. */
  | { type: 'acceptFindings'; kinds?: string[]; findingIds?: string[] }
  /** The supervisor holds agents back from this publish (they stay as they are published now). */
  | { type: 'holdAgents'; agentIds: string[] }
  /** Publish held agents now (their sessions ended, or the supervisor says so). */
  | { type: 'releaseHeld'; agentIds: string[] }
  /** One-click retry: re-read, rebase, resubmit; one agent, or the whole job when `agentId` is absent. */
  | { type: 'retry'; agentId?: string }
  /** End a held publish leaving the held agents as they are (reported as held). */
  | { type: 'finish' }
  /** A journaled job was loaded after a restart: reconcile whatever was in flight. */
  | { type: 'resume' }
);

export type PublishEventType = PublishEvent['type'];
