/** Electron transport: everything goes through the preload's two functions. */
import type { OpsClient, PreloadBridge } from './types';
import { unwrapOutcome } from './call-error';

export function createIpcClient(bridge: PreloadBridge): OpsClient {
  return {
    transport: 'ipc',
    call: async (method, args) => unwrapOutcome(await bridge.invoke(method, args)),
    on: (event, callback) => bridge.on(event, callback as (payload: unknown) => void),
  };
}
