/**
 * Picks the transport: the Electron preload's `window.ops` when present,
 * otherwise the loopback host that served this page.
 */
import { createHostClient } from './host-client';
import { createIpcClient } from './ipc-client';
import type { OpsClient } from './types';

export function detectClient(win: Window = window): OpsClient {
  if (win.ops) return createIpcClient(win.ops);
  const token = win.document.querySelector<HTMLMetaElement>('meta[name="publish-desk-token"]')?.content ?? '';
  // The launch key has done its job once the page loaded; keep it out of history and screenshots.
  if (win.location.search) win.history.replaceState(null, '', win.location.pathname);
  return createHostClient({ origin: win.location.origin, token });
}

export { OpsCallError } from './call-error';
export type { OpsClient } from './types';
