/**
 * Finished operations, kept for a while, and the callers waiting for them.
 * The notification can beat the HTTP answer that names the operation, so a
 * wait must also find an event that arrived just before it began.
 */
import type { OperationFinished } from '../client/operation-events';

export interface OperationBuffer {
  deliver(event: OperationFinished): void;
  wait(businessUnitId: string, operationId: string, timeoutMs: number): Promise<OperationFinished | null>;
  /** Ends every wait with null (the client is closing). */
  cancelAll(): void;
}

export function createOperationBuffer(
  options: { keepMs?: number; maxEntries?: number; now?: () => number } = {},
): OperationBuffer {
  const keepMs = options.keepMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const recent = new Map<string, { event: OperationFinished; at: number }>();
  const waiters = new Map<string, Set<(event: OperationFinished | null) => void>>();

  function trim(): void {
    const oldest = now() - keepMs;
    // Map keeps insertion order: the first entries are the oldest.
    for (const [id, entry] of recent) {
      if (entry.at >= oldest && recent.size <= maxEntries) break;
      recent.delete(id);
    }
  }

  return {
    deliver(event) {
      recent.set(event.operationId, { event, at: now() });
      trim();
      const waiting = waiters.get(event.operationId);
      waiters.delete(event.operationId);
      for (const resolve of waiting ?? []) resolve(event);
    },

    wait(businessUnitId, operationId, timeoutMs) {
      trim();
      const seen = recent.get(operationId)?.event;
      if (seen && seen.businessUnitId === businessUnitId) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const set = waiters.get(operationId) ?? new Set();
        waiters.set(operationId, set);
        const done = (event: OperationFinished | null) => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0 && waiters.get(operationId) === set) waiters.delete(operationId);
          resolve(event);
        };
        const timer = setTimeout(() => done(null), Math.max(0, timeoutMs));
        set.add(done);
      });
    },

    cancelAll() {
      const all = [...waiters.values()].flatMap((set) => [...set]);
      waiters.clear();
      for (const resolve of all) resolve(null);
    },
  };
}
