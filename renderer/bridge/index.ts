/**
 * Picks the transport: the Electron preload's `window.ops` when present,
 * otherwise the loopback host that served this page. Null when this is a
 * host page opened without its launch link (nothing can be called then).
 */
import { createHostClient } from './host-client';
import { createIpcClient } from './ipc-client';
import { sessionSeqStore } from './job-feed';
import { launchKey } from './launch-key';
import type { OpsClient } from './types';

export function detectClient(win: Window = window): OpsClient | null {
  const seqStore = sessionSeqStore(safeSessionStorage(win));
  if (win.ops) return createIpcClient(win.ops, seqStore);
  const token = launchKey(win);
  // The launch key has done its job once the page has it; keep it out of history and screenshots.
  if (win.location.search) win.history.replaceState(null, '', win.location.pathname);
  return token ? createHostClient({ origin: win.location.origin, token, seqStore }) : null;
}

function safeSessionStorage(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

export { OpsCallError } from './call-error';
export type { OpsClient } from './types';
