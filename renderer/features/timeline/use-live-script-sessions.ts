/**
 * Live script sessions for a screen (the timeline; the publish screen can use the same hook): while it
 * is mounted it holds a watch lease, renewed at the interval main names, so main re-reads the sessions on
 * its budget-minded cadence; each re-read's `scriptSessions.changed` (or a sync's `mirror.changed`) reads
 * the unit's sessions from the mirror again. A closed window just stops renewing and the lease lapses.
 * Rows read the sessions through a context, so the grid passes nothing new down.
 */
import { queryOptions, skipToken, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, createElement, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type {
  ActiveScriptSession,
  ActiveScriptSessions,
  ScriptSessionsLiveState,
} from '../../../shared/contract/script-sessions';
import type { OpsClient } from '../../bridge/types';
import { useOpsClient } from '../../ops-client-context';
import { clockLabel } from './zone-time';

const minuteMs = 60_000;
/** Until main names an interval (or when a watch call failed): try again this often. */
export const fallbackRenewMs = 30_000;

export const scriptSessionsKey = (profileId: string | null, businessUnitId: string | null) =>
  ['scriptSessions', profileId, businessUnitId] as const;

export const activeScriptSessionsQuery = (client: OpsClient, profileId: string | null, businessUnitId: string | null) =>
  queryOptions({
    queryKey: scriptSessionsKey(profileId, businessUnitId),
    queryFn:
      profileId && businessUnitId
        ? () => client.call('scriptSessions.active', { profileId, businessUnitId })
        : skipToken,
  });

export interface LeaseTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const windowTimers: LeaseTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Holds a watch lease of the unit until the returned stop is called: watch, renew after each answer's
 * `intervalMs`, and unwatch at the end (also a lease whose answer comes after the stop).
 */
export function keepScriptSessionsWatch(
  client: OpsClient,
  subject: { profileId: string; businessUnitId: string },
  onAnswer: () => void,
  timers: LeaseTimers = windowTimers,
): () => void {
  let leaseId: string | undefined;
  let timer: unknown = null;
  let stopped = false;
  const renew = () => {
    timer = null;
    client.call('scriptSessions.watch', { ...subject, ...(leaseId ? { leaseId } : {}) }).then(
      (lease) => {
        leaseId = lease.leaseId;
        if (stopped) return void client.call('scriptSessions.unwatch', { leaseId }).catch(() => {});
        onAnswer();
        timer = timers.setTimeout(renew, lease.intervalMs);
      },
      () => {
        // Main could not be asked (a reload, a restart): keep trying at the default cadence.
        if (!stopped) timer = timers.setTimeout(renew, fallbackRenewMs);
      },
    );
  };
  renew();
  return () => {
    stopped = true;
    if (timer !== null) timers.clearTimeout(timer);
    if (leaseId) void client.call('scriptSessions.unwatch', { leaseId }).catch(() => {});
  };
}

/** A re-read of the connection, or a sync of the unit, changes what the mirror holds: read it again. */
export function subscribeScriptSessionEvents(
  client: OpsClient,
  queryClient: QueryClient,
  profileId: string,
  businessUnitId: string,
): () => void {
  const again = () => void queryClient.invalidateQueries({ queryKey: scriptSessionsKey(profileId, businessUnitId) });
  const offs = [
    client.on('scriptSessions.changed', (e) => e.profileId === profileId && again()),
    client.on('mirror.changed', (e) => e.profileId === profileId && e.businessUnitId === businessUnitId && again()),
  ];
  return () => offs.forEach((off) => off());
}

/** "12 min", "1 h 05" (as shift lengths are written): how long a session has run (from its start to `atMs`). */
export function sessionLength(start: string | null, atMs: number): string | null {
  if (!start) return null;
  const minutes = Math.max(0, Math.floor((atMs - Date.parse(start)) / minuteMs));
  if (!Number.isFinite(minutes)) return null;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

export interface LiveScriptSessions {
  /** null until the first answer. */
  byAgent: ReadonlyMap<string, ActiveScriptSession> | null;
  state: ScriptSessionsLiveState;
  reason: string | null;
  asOf: string | null;
  /** The current minute (the badges' durations move once a minute). */
  nowMs: number;
  /** The zone "as of" clocks are written in. */
  zone: string;
}

export interface ScriptBadge {
  text: string;
  title: string;
}

/** The row badge of an agent's session: its length while live; offline, how long it had run when last read, and when. */
export function scriptBadge(session: ActiveScriptSession, live: LiveScriptSessions): ScriptBadge {
  const isLive = live.state === 'live';
  const asOfMs = live.asOf ? Date.parse(live.asOf) : null;
  const length = sessionLength(session.start, isLive || asOfMs === null ? live.nowMs : asOfMs);
  const asOf = asOfMs === null ? null : clockLabel(asOfMs, live.zone);
  const text = `☎ Script${length ? ` ${length}` : ''}${!isLive && asOf ? ` · as of ${asOf}` : ''}`;
  const title =
    `In a scripted conversation${length ? ` for ${isLive ? '' : 'at least '}${length}` : ''}` +
    `${asOf ? ` (read ${asOf})` : ''}. Publishes touching this agent are reported to fail until it ends.`;
  return { text, title };
}

/** The toolbar's words: "Script sessions live · 06:02" or "Script sessions as of 06:02 (offline)". */
export function liveStatusWords(live: LiveScriptSessions): string {
  const asOf = live.asOf ? clockLabel(Date.parse(live.asOf), live.zone) : null;
  if (live.state === 'live') return `Script sessions live${asOf ? ` · ${asOf}` : ''}`;
  const why = live.state === 'offline' ? ' (offline)' : live.state === 'signInNeeded' ? ' (sign in to refresh)' : '';
  return asOf ? `Script sessions as of ${asOf}${why}` : `Script sessions not read yet${why}`;
}

/** The minute now, moving on each minute boundary. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setTimeout(() => setNow(Date.now()), minuteMs - (now % minuteMs));
    return () => clearTimeout(t);
  }, [now]);
  return now;
}

export function useLiveScriptSessions(
  profileId: string | null,
  businessUnitId: string | null,
  zone: string,
): LiveScriptSessions {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const query = useQuery(activeScriptSessionsQuery(client, profileId, businessUnitId));
  useEffect(() => {
    if (!profileId || !businessUnitId) return;
    const off = subscribeScriptSessionEvents(client, queryClient, profileId, businessUnitId);
    const stop = keepScriptSessionsWatch(
      client,
      { profileId, businessUnitId },
      // Each lease answer may move the state (live, offline): the next read of the mirror says.
      () => void queryClient.invalidateQueries({ queryKey: scriptSessionsKey(profileId, businessUnitId) }),
    );
    return () => {
      off();
      stop();
    };
  }, [client, queryClient, profileId, businessUnitId]);
  const nowMs = useMinute();
  const data: ActiveScriptSessions | undefined = query.data;
  const byAgent = useMemo(() => (data ? new Map(data.sessions.map((s) => [s.agentId, s])) : null), [data]);
  return {
    byAgent,
    state: data?.state ?? 'idle',
    reason: data?.reason ?? null,
    asOf: data?.asOf ?? null,
    nowMs,
    zone,
  };
}

const LiveScriptSessionsContext = createContext<LiveScriptSessions | null>(null);

export function LiveScriptSessionsProvider({ value, children }: { value: LiveScriptSessions; children: ReactNode }) {
  return createElement(LiveScriptSessionsContext.Provider, { value }, children);
}

export const useLiveScriptSessionsContext = (): LiveScriptSessions | null => useContext(LiveScriptSessionsContext);

/**
 * An agent's live session for the row badge: `undefined` while no live answer is in (callers fall back to
 * the analysis's finding), null when the agent is in none.
 */
export function useAgentScriptBadge(agentId: string): ScriptBadge | null | undefined {
  const live = useContext(LiveScriptSessionsContext);
  if (!live?.byAgent) return undefined;
  const session = live.byAgent.get(agentId);
  return session ? scriptBadge(session, live) : null;
}
