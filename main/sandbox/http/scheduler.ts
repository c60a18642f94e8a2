import type { Scheduler } from '../runtime';

/** Timers the sandbox owns; `close()` cancels them all so tests end cleanly. */
export function createScheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  return {
    later(ms, fn) {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      t.unref();
      timers.add(t);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
