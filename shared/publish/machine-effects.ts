/**
 * What the publish machine asks the engine to do: plain data, performed in
 * the order given. The engine's contract:
 *
 * 1. Persist the returned state before performing any effect: it records the
 *    call in flight (`state.inFlight`), so a crash between the two resumes by
 *    reconciling, never by sending a write again.
 * 2. Every effect that calls Genesys comes right after a `journal` effect for
 *    the same step: write that step (the audit timeline) before acting.
 * 3. Perform each effect, then feed its answer back as the event named
 *    below, with `at` from the engine's clock. One answer per call effect,
 *    in order; `emit` and `journal` have no answer.
 * 4. `wait` is a timer: feed `waited` when it ran out (the countdown is
 *    `untilMs`); a `wait` in the same list as a call (pacing) is waited
 *    before the call, with no `waited` event.
 */
import type { AgentWeek } from './agent-week';
import type {
  AfterWait,
  AgentStatus,
  CallRecord,
  Finding,
  InFlight,
  PublishPhase,
  PublishState,
} from './machine-state';

/** The step the engine journals: the call about to be made, with its attempt and why. */
export type JournalStep = InFlight & { phase: PublishPhase };

/** Progress for the UI and the CLI (pushed over the contract as the job's events). */
export type PublishNotice =
  | { kind: 'phase'; phase: PublishPhase; message: string }
  /** A call's outcome, as it goes into the step timeline. */
  | { kind: 'call'; record: CallRecord }
  | { kind: 'agents'; agents: Array<{ agentId: string; status: AgentStatus; note: string | null }> }
  | { kind: 'waiting'; reason: 'retryAfter' | 'backoff' | 'pacing'; untilMs: number; then: AfterWait['next'] }
  | { kind: 'preflight'; items: PreflightItem[] }
  /** The publish stops here until the supervisor decides: conflicts per agent, or new error findings. */
  | { kind: 'decisionNeeded'; conflictAgentIds: string[]; findings: Finding[] }
  /** Held agents whose sessions ended: offer to publish them (`releaseHeld`). */
  | { kind: 'heldReady'; agentIds: string[] }
  /** An event the machine could not take in this phase (a UI double-click, a stale window): said, not thrown. */
  | { kind: 'ignored'; event: string; why: string }
  | { kind: 'finished'; phase: 'done' | 'failed'; outcome: string };

export interface PreflightItem {
  item: 'freshness' | 'findings' | 'scriptSessions' | 'conflicts' | 'budget' | 'notificationChannel';
  level: 'green' | 'amber' | 'red';
  reason: string;
}

export type PublishEffect =
  | { type: 'journal'; step: JournalStep }
  /**
   * Read the schedule (`metadata.version`, `published`) and these agents' weeks with their own versions
   * (and, with `withHistory`, their history since our base) → `reread`.
   */
  | { type: 'reread'; agentIds: string[]; withHistory: boolean }
  /** Which of these agents are in an active scripted conversation now → `scriptSessions`. */
  | { type: 'checkScriptSessions'; agentIds: string[] }
  /** Keep watching these agents' script sessions; feed `scriptSessions` whenever the set changes. */
  | { type: 'watchScriptSessions'; agentIds: string[] }
  /** Run the analysis on these agents' intended weeks (`state.agents[id].intended`) → `analysed`. */
  | { type: 'analyse'; agentIds: string[] }
  /**
   * `POST .../update/uploadurl` for the upload `uploadFor(state)` builds now (gzip it to know
   * `contentLengthBytes`) → `uploadUrl`. The engine keeps that body for this attempt's PUT.
   */
  | { type: 'requestUploadUrl'; attempt: number }
  /** PUT the attempt's gzipped body to the signed URL with its headers → `uploadPut`. */
  | { type: 'putUpload'; attempt: number; uploadKey: string; url: string; headers: Record<string, string> }
  /**
   * `POST .../update {uploadKey}`: publishes (`published: true`) at the schedule's `version`, with these agents'
   * entries (each with its own version) → `updateAnswered`. Sent at most once per attempt, never on resume.
   */
  | { type: 'sendUpdate'; attempt: number; uploadKey: string; version: number; agentIds: string[]; published: true }
  /**
   * Wait for the operation's notification (or the schedule's version to move with the content sent),
   * e.g. `waitForOperation` → `operationEnded`.
   */
  | {
      type: 'awaitOperation';
      attempt: number;
      operationId: string;
      version: number;
      intended: Record<string, AgentWeek>;
    }
  | { type: 'wait'; ms: number; untilMs: number; reason: 'retryAfter' | 'backoff' | 'pacing' }
  | { type: 'emit'; notice: PublishNotice };

export type PublishEffectType = PublishEffect['type'];

export interface Transition {
  state: PublishState;
  effects: PublishEffect[];
}
