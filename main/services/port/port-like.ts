/**
 * The one end of a message channel the port transport talks through: the
 * part Node's `worker_threads` MessagePort and Electron's MessagePortMain
 * share. They differ in one thing: Node hands a message listener the data
 * itself, Electron a `{data, ports}` event. `PortLike` is the Node shape;
 * `fromMessagePortMain` adapts Electron's, so this folder never imports
 * electron and its tests run on Node's MessageChannel.
 */

export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  /** Either end was closed, or the process holding the other end went away. */
  on(event: 'close', listener: () => void): unknown;
  /** Delivers the messages queued until now; Electron's ports stay silent without it. */
  start(): void;
  close(): void;
}

/** The shape of Electron's MessagePortMain (and of what a utility process receives). */
export interface MessagePortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export function fromMessagePortMain(port: MessagePortMainLike): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    on(event: 'message' | 'close', listener: (data?: unknown) => void) {
      if (event === 'close') return port.on('close', () => listener());
      // A foreign sender could post a bare value; it becomes an undefined message, which every reader ignores.
      return port.on('message', (e) => listener(e && typeof e === 'object' ? e.data : undefined));
    },
    start: () => port.start(),
    close: () => port.close(),
  } as PortLike;
}

/** What every call still waiting gets when the services process (the far end of the port) goes away. */
export const portClosedMessage = "The console's services process stopped; Publish Desk is restarting it.";

export class PortClosedError extends Error {
  readonly code = 'transport';
  constructor(message = portClosedMessage) {
    super(message);
    this.name = 'PortClosedError';
  }
}
