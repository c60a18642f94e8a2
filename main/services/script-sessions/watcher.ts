/**
 * One connection's re-reads of its script sessions while a screen watches:
 * on the cadence (cadence.ts), one at a time, never while a sync of the
 * connection runs (it reads them itself), and not at all while the
 * connection is offline or its sign-in has ended; then the mirror keeps what
 * was last seen and the screens show its "as of". Clock and timers come in
 * from outside, so tests run a morning in milliseconds.
 */
import type { ScriptSessionsLive } from '../../../shared/contract/script-sessions';
import { GenesysError } from '../../genesys/client/errors';
import { failureCategory } from '../failure-category';
import { rereadIntervalMs } from './cadence';

export interface WatchTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a watch alone never keeps the process alive. */
export const realTimers: WatchTimers = {
  setTimeout(run, ms) {
    const t = setTimeout(run, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** May the connection be asked now? From its status: signed in, or a client that signs in silently. */
export type Reachability = { ok: true } | { ok: false; state: 'signInNeeded' | 'offline'; reason: string };

export interface RereadOutcome {
  /** Requests the read made (pages and retries): its cost against the budget. */
  requests: number;
  /** Whether the set of open sessions moved. */
  changed: boolean;
  /** `inin-ratelimit-allowed` of its answers, when they carried it. */
  allowedPerMinute: number | null;
}

export interface WatcherDeps {
  profileId: string;
  now: () => Date;
  timers: WatchTimers;
  /** Whether a live lease still wants this connection watched (lapsed ones are dropped first). */
  watched(): boolean;
  reachable(): Reachability;
  /** A sync of this connection is running: it reads the sessions itself, so this turn is skipped. */
  syncing(): boolean;
  reread(): Promise<RereadOutcome>;
  announce(event: ScriptSessionsLive & { asOf: string | null; changed: boolean }): void;
}

export type Watcher = ReturnType<typeof createWatcher>;

export function createWatcher(deps: WatcherDeps) {
  let live: ScriptSessionsLive = { state: 'idle', reason: null };
  let asOf: string | null = null;
  let intervalMs = rereadIntervalMs({ requestsPerRead: 1, allowedPerMinute: null });
  let allowedPerMinute: number | null = null;
  /** Epoch ms of the last read begun, ok or not: restarts keep to the cadence too. */
  let lastAttemptMs: number | null = null;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let closed = false;

  const nowMs = () => deps.now().getTime();

  function schedule(delayMs: number): void {
    if (closed || timer !== null) return;
    timer = deps.timers.setTimeout(
      () => {
        timer = null;
        void turn();
      },
      Math.max(0, delayMs),
    );
  }

  function stop(next: ScriptSessionsLive, announce: boolean): void {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    const moved = next.state !== live.state || next.reason !== live.reason;
    live = next;
    if (announce && moved) deps.announce({ ...live, asOf, changed: false });
  }

  async function turn(): Promise<void> {
    if (closed || inFlight) return;
    if (!deps.watched()) return stop({ state: 'idle', reason: null }, false);
    const reach = deps.reachable();
    if (!reach.ok) return stop({ state: reach.state, reason: reach.reason }, true);
    if (deps.syncing()) return schedule(intervalMs);
    lastAttemptMs = nowMs();
    inFlight = read().finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  async function read(): Promise<void> {
    try {
      const outcome = await deps.reread();
      asOf = deps.now().toISOString();
      allowedPerMinute = outcome.allowedPerMinute ?? allowedPerMinute;
      intervalMs = rereadIntervalMs({ requestsPerRead: outcome.requests, allowedPerMinute });
      live = { state: 'live', reason: null };
      deps.announce({ ...live, asOf, changed: outcome.changed });
      schedule(intervalMs);
    } catch (err) {
      // A 429 that outlasted the client's own retries: the budget is busy, not gone. Wait, then go on.
      if (err instanceof GenesysError && err.kind === 'rateLimited')
        return schedule(Math.max(intervalMs, err.retryAfterMs ?? 0));
      const category = failureCategory(err);
      const words = err instanceof Error ? err.message : String(err);
      if (category === 'auth') stop({ state: 'signInNeeded', reason: words }, true);
      else
        stop(
          {
            state: 'offline',
            reason:
              category === 'unavailable'
                ? `Genesys Cloud could not be reached: ${words}`
                : `Script sessions could not be read: ${words}`,
          },
          true,
        );
    }
  }

  return {
    /**
     * Starts re-reading if it is not already: at once when the last read is an interval old, else when
     * the cadence allows. Offline or signed out, it tries once more (a new screen, a sign-in, a sync that
     * reached Genesys Cloud) and stops again if still so.
     */
    start(): void {
      if (closed || timer !== null || inFlight) return;
      if (live.state !== 'live') live = { state: 'live', reason: null };
      schedule(lastAttemptMs === null ? 0 : lastAttemptMs + intervalMs - nowMs());
    },
    /** Where the re-reads stand, the interval leases are renewed at, and the last read's time. */
    status: () => ({ ...live, intervalMs, asOf }),
    /** Ends the re-reads and waits for one in flight (before the database closes). */
    async close(): Promise<void> {
      closed = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
