/**
 * A hand-turned clock for the live script-session tests: `now()` moves only
 * when a timer is run, so a morning of 30-second re-reads passes in a few
 * real seconds, and the sandbox, the services and their timers agree on it.
 */
import type { WatchTimers } from '../../main/services/script-sessions/watcher';

export function handClock(startIso: string) {
  let nowMs = Date.parse(startIso);
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
    /** How far ahead each pending timer is, in ms. */
    pending: () => [...pending.values()].map((t) => t.at - nowMs).sort((a, b) => a - b),
    /** Moves the clock to the earliest pending timer and runs it; answers how far the clock moved. */
    runNext(): number {
      const [id, t] = [...pending].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !t) throw new Error('no timer is pending');
      pending.delete(id);
      const moved = t.at - nowMs;
      nowMs = t.at;
      t.run();
      return moved;
    },
  };
}
