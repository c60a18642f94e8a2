/** Words for each transport of the contract, as the Overview and the status bar show them. */
import type { TransportKind } from '../../../shared/contract';

const long: Record<TransportKind, string> = {
  ipc: 'Electron IPC',
  http: 'HTTP + WebSocket on 127.0.0.1',
  port: 'MessagePort to the services process',
  inProcess: 'In-process (command line)',
};

const short: Record<TransportKind, string> = {
  ipc: 'IPC transport',
  http: 'HTTP transport',
  port: 'MessagePort transport',
  inProcess: 'In-process',
};

export const transportLabel = (t: TransportKind): string => long[t];
export const transportShortLabel = (t: TransportKind): string => short[t];
