/**
 * The services' side of the port transport: answers each request with the
 * one dispatcher every transport uses, and forwards every contract event.
 * A message that is not a request is ignored (there is no id to answer);
 * a request with an id but a bad shape is answered with an error.
 */
import type { OpsMethodName, OpsOutcome } from '../../../shared/contract';
import type { Dispatch } from '../dispatch';
import type { EventHub } from '../event-hub';
import { requestEnvelope, requestFrame } from './frames';
import type { PortLike } from './port-like';

export interface PortServices {
  dispatch: Dispatch;
  events: Pick<EventHub, 'attach'>;
}

export interface ServedPort {
  /** Stops answering and forwarding, and closes the port. */
  close(): void;
  /** Called once when the port closes, from either end. */
  onClose(listener: () => void): void;
}

export function servePort(port: PortLike, services: PortServices, log: (line: string) => void = () => {}): ServedPort {
  let open = true;
  const closeListeners: Array<() => void> = [];

  const post = (frame: unknown): boolean => {
    if (!open) return false;
    try {
      port.postMessage(frame);
      return true;
    } catch (err) {
      log(`The services port could not send a message: ${(err as Error).message}`);
      return false;
    }
  };

  const detach = services.events.attach((event, payload) => void post({ event, payload }));

  async function answer(data: unknown): Promise<void> {
    const envelope = requestEnvelope.safeParse(data);
    if (!envelope.success) return;
    const { id } = envelope.data;
    const frame = requestFrame.safeParse(data);
    let outcome: OpsOutcome<OpsMethodName>;
    if (!frame.success) {
      outcome = {
        ok: false,
        error: {
          code: 'badArguments',
          message: `Request ${id} is malformed: ${frame.error.issues[0]?.message ?? 'invalid'}`,
          category: 'badInput',
        },
      };
    } else {
      try {
        outcome = await services.dispatch(frame.data.method, frame.data.args, { transport: frame.data.via ?? 'port' });
      } catch (err) {
        // The dispatcher turns handler failures into outcomes; this is a fault in the dispatcher itself.
        outcome = {
          ok: false,
          error: {
            code: 'failed',
            message: `Publish Desk ran into a problem it did not expect (${(err as Error).message}).`,
            category: 'internal',
          },
        };
      }
    }
    if (post({ id, outcome })) return;
    // Most likely a result structured clone refuses; the caller must still get an answer.
    post({
      id,
      outcome: {
        ok: false,
        error: {
          code: 'failed',
          message: 'The services could not send this answer across the port.',
          category: 'internal',
        },
      },
    });
  }

  function stop(): void {
    if (!open) return;
    open = false;
    detach();
    for (const listener of closeListeners.splice(0)) listener();
  }

  port.on('message', (data) => void answer(data));
  port.on('close', stop);
  port.start();

  return {
    close() {
      stop();
      port.close();
    },
    onClose(listener) {
      if (open) closeListeners.push(listener);
      else listener();
    },
  };
}
