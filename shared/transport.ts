/**
 * Wire names both transports agree on. Kept apart from contract.ts so the
 * sandboxed preload bundles nothing but these strings.
 */

/** Channels of the Electron transport: one invoke channel, one event channel. */
export const ipcChannels = { invoke: 'ops:invoke', event: 'ops:event' } as const;

/** Paths, header and query key of the loopback host transport. */
export const hostProtocol = {
  callPath: '/ops/call',
  eventsPath: '/ops/events',
  tokenHeader: 'x-publish-desk-token',
  tokenQuery: 'launch',
} as const;

/** One pushed event as it travels on either wire. */
export interface EventFrame {
  event: string;
  payload: unknown;
}
