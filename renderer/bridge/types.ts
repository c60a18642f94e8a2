import type { OpsEventName, OpsEvents, OpsMethodName, OpsArgs, OpsResult, TransportKind } from '../../shared/contract';

/** The typed face of whichever transport is live. */
export interface OpsClient {
  readonly transport: TransportKind;
  call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>>;
  on<E extends OpsEventName>(event: E, callback: (payload: OpsEvents[E]) => void): () => void;
}

/** What the Electron preload exposes as `window.ops` (untyped on the wire). */
export interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    ops?: PreloadBridge;
  }
}
