/**
 * The calls a port client has sent and not yet had answered, by id. When the
 * port goes away every one of them is rejected at once, so no caller waits
 * for an answer that cannot come.
 */
import { PortClosedError } from './port-like';

export interface PendingCalls<T> {
  /** Registers a call under a fresh id, then hands the id to `send`. */
  open(send: (id: number) => void): Promise<T>;
  /** Resolves the call with this id; false when no such call waits (late, duplicate or forged answer). */
  settle(id: number, value: T): boolean;
  /** Rejects everything waiting, and every later `open`, with `error`. */
  closeAll(error?: Error): void;
  readonly size: number;
  readonly closed: boolean;
}

export function createPendingCalls<T>(): PendingCalls<T> {
  const waiting = new Map<number, { resolve(value: T): void; reject(err: Error): void }>();
  let nextId = 1;
  let closedWith: Error | null = null;
  return {
    open(send) {
      if (closedWith) return Promise.reject(closedWith);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        try {
          send(id);
        } catch (err) {
          // A value structured clone refuses, or a port closed under us: this call fails, the port stays usable.
          waiting.delete(id);
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
    settle(id, value) {
      const call = waiting.get(id);
      if (!call) return false;
      waiting.delete(id);
      call.resolve(value);
      return true;
    },
    closeAll(error = new PortClosedError()) {
      closedWith ??= error;
      const calls = [...waiting.values()];
      waiting.clear();
      for (const call of calls) call.reject(closedWith);
    },
    get size() {
      return waiting.size;
    },
    get closed() {
      return closedWith !== null;
    },
  };
}
