/**
 * The Electron transport of the contract. Written against `IpcMainLike` so it
 * runs (and is tested) without Electron; main.ts passes the real ipcMain.
 */
import type { OpsOutcome, OpsMethodName } from '../../shared/contract';
import { ipcChannels } from '../../shared/transport';
import type { Dispatch } from '../services';

/** The part of a frame the trust check reads. */
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

export interface IpcInvokeEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface TrustedRenderer {
  /** webContents id of the app window. */
  webContentsId: number;
  /** URL of the app's own page; query and hash are ignored. */
  pageUrl: string;
}

/** True only for the top frame of our window showing our own page. */
export function isTrustedSender(event: IpcInvokeEventLike, trusted: TrustedRenderer | null): boolean {
  if (!trusted || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return stripQueryAndHash(frame.url) === stripQueryAndHash(trusted.pageUrl);
}

function stripQueryAndHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return `invalid:${url}`;
  }
}

/**
 * Registers the one invoke channel. `getTrusted` is read per call because the
 * window may be re-created (macOS activate) after registration. In the app,
 * `dispatch` is the relay to the services process (services-relay.ts): the
 * trust check happens here, in main, before anything is forwarded.
 */
export function registerIpcTransport(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  getTrusted: () => TrustedRenderer | null,
): () => void {
  ipcMain.handle(ipcChannels.invoke, async (event, method, args): Promise<OpsOutcome<OpsMethodName>> => {
    if (!isTrustedSender(event, getTrusted())) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted only from the Publish Desk window' },
      };
    }
    return dispatch(method, args, { transport: 'ipc' });
  });
  return () => ipcMain.removeHandler(ipcChannels.invoke);
}

/** Sends one contract event to a window, if it is still open. */
export function sendEvent(
  target: { isDestroyed(): boolean; send(channel: string, frame: unknown): void } | null,
  event: string,
  payload: unknown,
): void {
  if (!target || target.isDestroyed()) return;
  target.send(ipcChannels.event, { event, payload });
}
