/**
 * Finished operations, kept for a while, and the callers waiting for them.
 * The notification can beat the HTTP answer that names the operation, so a
 * wait must also find an event that arrived just before it began. One buffer
 * per kind of event (the BU's schedule operations, the user's query results).
 */

export interface OperationBuffer<E extends { operationId: string }> {
  deliver(event: E): void;
  /** The event of `operationId` that `accept`s (e.g. is of the right business unit); null after `timeoutMs`. */
  wait(operationId: string, timeoutMs: number, accept?: (event: E) => boolean): Promise<E | null>;
  /** Ends every wait with null (the client is closing). */
  cancelAll(): void;
}

export function createOperationBuffer<E extends { operationId: string }>(
  options: { keepMs?: number; maxEntries?: number; now?: () => number } = {},
): OperationBuffer<E> {
  const keepMs = options.keepMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const recent = new Map<string, { event: E; at: number }>();
  const waiters = new Map<string, Set<(event: E | null) => boolean>>();

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
      for (const offer of [...(waiters.get(event.operationId) ?? [])]) offer(event);
    },

    wait(operationId, timeoutMs, accept = () => true) {
      trim();
      const seen = recent.get(operationId)?.event;
      if (seen && accept(seen)) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const set = waiters.get(operationId) ?? new Set();
        waiters.set(operationId, set);
        /** Takes the event if it is the one waited for; null ends the wait empty-handed. */
        const offer = (event: E | null): boolean => {
          if (event && !accept(event)) return false;
          clearTimeout(timer);
          set.delete(offer);
          if (set.size === 0 && waiters.get(operationId) === set) waiters.delete(operationId);
          resolve(event);
          return true;
        };
        const timer = setTimeout(() => offer(null), Math.max(0, timeoutMs));
        set.add(offer);
      });
    },

    cancelAll() {
      const all = [...waiters.values()].flatMap((set) => [...set]);
      waiters.clear();
      for (const offer of all) offer(null);
    },
  };
}
