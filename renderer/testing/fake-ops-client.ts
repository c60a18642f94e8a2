/**
 * A stand-in for the live transport in unit tests: answers from per-method handlers, records every
 * call, and pushes events to subscribers the way the bridge does.
 */
import type { OpsArgs, OpsEventName, OpsEvents, OpsMethodName, OpsResult } from '../../shared/contract';
import type { OpsClient } from '../bridge/types';

export type FakeHandlers = { [M in OpsMethodName]?: (args: OpsArgs<M>) => Promise<OpsResult<M>> | OpsResult<M> };

export interface FakeOpsClient {
  client: OpsClient;
  calls: Array<{ method: OpsMethodName; args: unknown }>;
  callsTo(method: OpsMethodName): unknown[];
  emit<E extends OpsEventName>(event: E, payload: OpsEvents[E]): void;
  listenerCount(): number;
}

export function fakeOpsClient(handlers: FakeHandlers = {}): FakeOpsClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeOpsClient['calls'] = [];
  const client: OpsClient = {
    transport: 'http',
    async call(method, args) {
      calls.push({ method, args });
      const handler = handlers[method] as ((a: typeof args) => unknown) | undefined;
      if (!handler) throw new Error(`fake client: no answer for ${method}`);
      return (await handler(args)) as OpsResult<typeof method>;
    },
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(callback as (payload: unknown) => void);
    },
  };
  return {
    client,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    emit: (event, payload) => {
      for (const cb of listeners.get(event) ?? []) cb(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

/** A promise and the handle to settle it later: an answer that is slow on purpose. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks (and the query cache's notifications) run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
