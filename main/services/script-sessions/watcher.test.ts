import { describe, expect, it } from 'vitest';
import { GenesysError } from '../../genesys/client/errors';
import { AuthRequiredError } from '../../genesys/types';
import { createWatcher, type Reachability, type RereadOutcome, type WatchTimers } from './watcher';

/** Timers on a hand-turned clock: `next()` jumps to the earliest pending timer and runs it. */
function handClock(startMs = Date.parse('2026-11-23T12:00:00Z')) {
  let nowMs = startMs;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: WatchTimers = {
    setTimeout(run, ms) {
      const id = ++seq;
      pending.set(id, { at: nowMs + ms, run });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  return {
    timers,
    now: () => new Date(nowMs),
    nowMs: () => nowMs,
    pending: () => [...pending.values()].map((t) => t.at - nowMs),
    /** Runs the earliest timer (moving the clock to it) and lets its promises settle. */
    async next(): Promise<number> {
      const [id, t] = [...pending].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !t) throw new Error('no timer is pending');
      pending.delete(id);
      const waited = t.at - nowMs;
      nowMs = t.at;
      t.run();
      await settle();
      return waited;
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

function rig(over: { reread?: () => Promise<RereadOutcome> } = {}) {
  const clock = handClock();
  const reads: number[] = [];
  const announced: Array<{ state: string; asOf: string | null; changed: boolean; reason: string | null }> = [];
  const flags = { watched: true, syncing: false, reach: { ok: true } as Reachability };
  const outcome: RereadOutcome = { requests: 1, changed: false, allowedPerMinute: 300 };
  const watcher = createWatcher({
    profileId: 'p',
    now: clock.now,
    timers: clock.timers,
    watched: () => flags.watched,
    reachable: () => flags.reach,
    syncing: () => flags.syncing,
    reread:
      over.reread ??
      (async () => {
        reads.push(clock.nowMs());
        return { ...outcome };
      }),
    announce: (e) => announced.push(e),
  });
  return { clock, reads, announced, flags, outcome, watcher };
}

describe('script session watcher', () => {
  it('reads at once, then every 30 s, announcing a fresh "as of" each time', async () => {
    const { clock, reads, announced, watcher } = rig();
    watcher.start();
    expect(await clock.next()).toBe(0);
    expect(await clock.next()).toBe(30_000);
    expect(await clock.next()).toBe(30_000);
    expect(reads).toHaveLength(3);
    expect(announced.map((e) => e.asOf)).toEqual(reads.map((ms) => new Date(ms).toISOString()));
    expect(announced.every((e) => e.state === 'live')).toBe(true);
    expect(watcher.status()).toMatchObject({ state: 'live', intervalMs: 30_000 });
  });

  it('slows down when a read costs more pages or the budget is small', async () => {
    const { clock, outcome, watcher } = rig();
    watcher.start();
    outcome.requests = 5;
    await clock.next();
    expect(clock.pending()).toEqual([50_000]);
    outcome.requests = 1;
    outcome.allowedPerMinute = 20;
    await clock.next();
    // 2 % of 20 a minute is one read every 150 s.
    expect(clock.pending()).toEqual([150_000]);
    // An answer without the headers keeps the budget last seen.
    outcome.allowedPerMinute = null;
    await clock.next();
    expect(clock.pending()).toEqual([150_000]);
  });

  it('never starts a read while one is in flight, however often it is started', async () => {
    let release!: () => void;
    let started = 0;
    const { clock, watcher } = rig({
      reread: () => {
        started += 1;
        return new Promise((resolve) => {
          release = () => resolve({ requests: 1, changed: true, allowedPerMinute: null });
        });
      },
    });
    watcher.start();
    await clock.next();
    watcher.start();
    watcher.start();
    expect(clock.pending()).toEqual([]);
    expect(started).toBe(1);
    release();
    await settle();
    expect(clock.pending()).toEqual([30_000]);
    // Starting again while waiting keeps the one timer: the cadence holds.
    watcher.start();
    expect(clock.pending()).toEqual([30_000]);
  });

  it('stops without reading when nobody watches any more', async () => {
    const { clock, reads, flags, watcher } = rig();
    watcher.start();
    await clock.next();
    flags.watched = false;
    await clock.next();
    expect(reads).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
    expect(watcher.status().state).toBe('idle');
    // Watched again: the cadence counts from the last read, an interval ago by now, so it reads at once.
    flags.watched = true;
    watcher.start();
    expect(clock.pending()).toEqual([0]);
  });

  it('stops while the connection is offline or signed out, keeping the last "as of", and tries again when started', async () => {
    const { clock, reads, announced, flags, watcher } = rig();
    watcher.start();
    await clock.next();
    const asOf = announced[0]!.asOf;
    flags.reach = { ok: false, state: 'signInNeeded', reason: 'Sign in again.' };
    await clock.next();
    expect(reads).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
    expect(announced.at(-1)).toEqual({ state: 'signInNeeded', reason: 'Sign in again.', asOf, changed: false });
    flags.reach = { ok: true };
    watcher.start();
    await clock.next();
    expect(reads).toHaveLength(2);
    expect(watcher.status().state).toBe('live');
  });

  it('goes offline when Genesys Cloud cannot be reached, and asks for a sign-in when the token is refused', async () => {
    let failure: unknown = new GenesysError({
      kind: 'server',
      status: 503,
      contextId: 'ctx-1',
      code: null,
      method: 'POST',
      pathTemplate: '/api/v2/analytics/conversations/details/query',
      isWrite: false,
    });
    const { clock, announced, watcher } = rig({
      reread: async () => {
        throw failure;
      },
    });
    watcher.start();
    await clock.next();
    expect(clock.pending()).toEqual([]);
    expect(announced.at(-1)).toMatchObject({ state: 'offline', reason: expect.stringMatching(/could not be reached/) });
    expect(watcher.status().asOf).toBeNull();
    failure = new AuthRequiredError('p');
    watcher.start();
    // The retry keeps to the cadence from the failed attempt.
    expect(clock.pending()).toEqual([30_000]);
    await clock.next();
    expect(announced.at(-1)).toMatchObject({ state: 'signInNeeded', reason: expect.stringMatching(/Sign in again/) });
    expect(clock.pending()).toEqual([]);
  });

  it('waits out a 429 the client could not absorb, and stays live', async () => {
    const { clock, watcher } = rig({
      reread: async () => {
        throw new GenesysError({
          kind: 'rateLimited',
          status: 429,
          contextId: null,
          code: 'too.many.requests',
          retryAfterMs: 90_000,
          method: 'POST',
          pathTemplate: '/api/v2/analytics/conversations/details/query',
          isWrite: false,
        });
      },
    });
    watcher.start();
    await clock.next();
    expect(clock.pending()).toEqual([90_000]);
    expect(watcher.status().state).toBe('live');
  });

  it('skips its turn while a sync of the connection runs, which reads the sessions itself', async () => {
    const { clock, reads, flags, watcher } = rig();
    flags.syncing = true;
    watcher.start();
    await clock.next();
    expect(reads).toHaveLength(0);
    expect(clock.pending()).toEqual([30_000]);
    flags.syncing = false;
    await clock.next();
    expect(reads).toHaveLength(1);
  });

  it('closing ends the cadence and waits for the read in flight', async () => {
    let release!: () => void;
    let finished = false;
    const { clock, watcher } = rig({
      reread: () =>
        new Promise((resolve) => {
          release = () => {
            finished = true;
            resolve({ requests: 1, changed: false, allowedPerMinute: null });
          };
        }),
    });
    watcher.start();
    await clock.next();
    const closing = watcher.close();
    release();
    await closing;
    expect(finished).toBe(true);
    expect(clock.pending()).toEqual([]);
    watcher.start();
    expect(clock.pending()).toEqual([]);
  });
});
