/**
 * The caller's side of the port transport. `call` answers with the same
 * serialisable outcome the in-process dispatcher returns, matched to its
 * request by id, so any number of calls may be in flight. It rejects with a
 * `PortClosedError` only when the port goes away before the answer comes.
 */
import type { OpsEventName, OpsEvents, OpsMethodName, OpsOutcome, TransportKind } from '../../../shared/contract';
import { eventFrame, outcomeSchema, responseEnvelope, type RequestFrame } from './frames';
import { createPendingCalls } from './pending-calls';
import type { PortLike } from './port-like';

export type AnyEventListener = (event: OpsEventName, payload: unknown) => void;

export interface PortClient {
  /** `via`: the transport a relay received this call on; the services report it as the call's transport. */
  call(method: unknown, args: unknown, via?: TransportKind): Promise<OpsOutcome<OpsMethodName>>;
  on<E extends OpsEventName>(event: E, callback: (payload: OpsEvents[E]) => void): () => void;
  /** Every event, whatever its name: what a relay forwards. */
  onAny(listener: AnyEventListener): () => void;
  /** Called once when the port closes, from either end. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
  close(): void;
}

const garbled: OpsOutcome<OpsMethodName> = {
  ok: false,
  error: {
    code: 'failed',
    message: 'The services sent an answer Publish Desk does not understand. Try again.',
    category: 'internal',
  },
};

export function createPortClient(port: PortLike): PortClient {
  const pending = createPendingCalls<OpsOutcome<OpsMethodName>>();
  const listeners = new Set<AnyEventListener>();
  const closeListeners: Array<() => void> = [];

  function receive(data: unknown): void {
    const response = responseEnvelope.safeParse(data);
    if (response.success) {
      const outcome = outcomeSchema.safeParse(response.data.outcome);
      // An answer to no waiting call (late, repeated or forged) is dropped by settle.
      pending.settle(response.data.id, outcome.success ? (outcome.data as OpsOutcome<OpsMethodName>) : garbled);
      return;
    }
    const event = eventFrame.safeParse(data);
    if (!event.success) return;
    for (const listener of [...listeners]) {
      try {
        listener(event.data.event, event.data.payload);
      } catch {
        // One subscriber's fault must not stop delivery to the others.
      }
    }
  }

  function shut(): void {
    if (pending.closed) return;
    pending.closeAll();
    listeners.clear();
    for (const listener of closeListeners.splice(0)) listener();
  }

  function onAny(listener: AnyEventListener): () => void {
    if (pending.closed) return () => {};
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  port.on('message', receive);
  port.on('close', shut);
  port.start();

  return {
    call(method, args, via) {
      return pending.open((id) => {
        const frame: RequestFrame = via ? { id, method, args, via } : { id, method, args };
        port.postMessage(frame);
      });
    },
    on(event, callback) {
      const listener: AnyEventListener = (name, payload) => {
        if (name === event) callback(payload as OpsEvents[typeof event]);
      };
      return onAny(listener);
    },
    onAny,
    onClose(listener) {
      if (pending.closed) listener();
      else closeListeners.push(listener);
    },
    get closed() {
      return pending.closed;
    },
    close() {
      shut();
      port.close();
    },
  };
}
