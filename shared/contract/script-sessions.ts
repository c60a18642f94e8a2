/**
 * Live script sessions: the agents of a business unit in an active scripted
 * conversation, read from the mirror, and a watch lease that keeps them
 * fresh while a screen showing them is open. Publishes touching these agents
 * are reported to fail, so the timeline and publish screens show them live.
 */
import { z } from 'zod';
import { businessUnitOf, entityId, method } from './define';

/** One agent in a scripted conversation with no end seen yet. */
export interface ActiveScriptSession {
  agentId: string;
  conversationId: string;
  scriptId: string;
  /** ISO instant the conversation began; null when Genesys did not say. */
  start: string | null;
}

/**
 * Where the re-reads stand for a connection:
 * - live: read again on the cadence while a screen watches;
 * - idle: no screen watches; the mirror holds what the last read saw;
 * - offline: Genesys Cloud could not be reached, so re-reads stopped;
 * - signInNeeded: the connection's sign-in ended or was refused, so re-reads stopped.
 */
export type ScriptSessionsLiveState = 'live' | 'idle' | 'offline' | 'signInNeeded';

export interface ScriptSessionsLive {
  state: ScriptSessionsLiveState;
  /** Why re-reads stopped, in words (offline, signInNeeded); null otherwise. */
  reason: string | null;
}

export interface ActiveScriptSessions extends ScriptSessionsLive {
  /** When the sessions were last read from Genesys Cloud (ISO); null when never. */
  asOf: string | null;
  sessions: ActiveScriptSession[];
}

export interface ScriptSessionsLease extends ScriptSessionsLive {
  leaseId: string;
  /** Renew the lease this often; it lapses after about two of these without renewal. */
  intervalMs: number;
  asOf: string | null;
}

export const scriptSessionsWatchArgs = z
  .object({
    profileId: entityId,
    businessUnitId: entityId,
    /** The lease to renew; a lapsed or unknown one is replaced by a new lease. */
    leaseId: entityId.optional(),
  })
  .strict();

export const scriptSessionsMethods = {
  /** The unit's agents in an active script session, from the mirror (works offline), and when they were read. */
  'scriptSessions.active': method(businessUnitOf).returns<ActiveScriptSessions>(),
  /** Starts or renews a watch: while one lease of a connection is live, its sessions are read again on a cadence. */
  'scriptSessions.watch': method(scriptSessionsWatchArgs).returns<ScriptSessionsLease>(),
  /** Ends a watch at once (a screen closed); false when the lease had already lapsed. */
  'scriptSessions.unwatch': method(z.object({ leaseId: entityId }).strict()).returns<boolean>(),
};

export interface ScriptSessionsEvents {
  /**
   * A connection's script sessions were read again (a fresh `asOf`, whether or not anything moved), or its
   * re-reads stopped or resumed. `changed`: the set of active sessions differs from before the read.
   */
  'scriptSessions.changed': ScriptSessionsLive & { profileId: string; asOf: string | null; changed: boolean };
}

export const scriptSessionsEventNames: Record<keyof ScriptSessionsEvents, true> = { 'scriptSessions.changed': true };
