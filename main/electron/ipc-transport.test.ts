import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/transport';
import { tempServices } from '../../test/support/temp-services';
import {
  isTrustedSender,
  registerIpcTransport,
  sendEvent,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from './ipc-transport';

const pageUrl = 'file:///opt/Publish%20Desk/resources/app.asar/out/renderer/index.html';
const trusted = { webContentsId: 7, pageUrl };

function invokeEvent(
  overrides: Partial<{ id: number; url: string; parent: IpcInvokeEventLike['senderFrame'] }> = {},
): IpcInvokeEventLike {
  return {
    sender: { id: overrides.id ?? 7 },
    senderFrame: { url: overrides.url ?? pageUrl, parent: overrides.parent ?? null },
  };
}

describe('isTrustedSender', () => {
  it('trusts only the top frame of our window on our page', () => {
    expect(isTrustedSender(invokeEvent(), trusted)).toBe(true);
    expect(isTrustedSender(invokeEvent({ url: pageUrl + '#/timeline' }), trusted)).toBe(true);
    expect(isTrustedSender(invokeEvent({ id: 8 }), trusted)).toBe(false);
    expect(isTrustedSender(invokeEvent({ url: 'https://evil.example/' }), trusted)).toBe(false);
    expect(isTrustedSender(invokeEvent({ url: 'file:///tmp/other.html' }), trusted)).toBe(false);
    expect(isTrustedSender(invokeEvent({ parent: { url: pageUrl, parent: null } }), trusted)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, trusted)).toBe(false);
    expect(isTrustedSender(invokeEvent(), null)).toBe(false);
  });
});

describe('registerIpcTransport', () => {
  async function setup() {
    const handlers = new Map<string, (e: IpcInvokeEventLike, ...a: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    };
    const services = await tempServices({ mode: 'electron' });
    const unregister = registerIpcTransport(ipcMain, services.dispatch, () => trusted);
    return { handlers, unregister };
  }

  it('registers exactly one invoke channel and removes it on unregister', async () => {
    const { handlers, unregister } = await setup();
    expect([...handlers.keys()]).toEqual([ipcChannels.invoke]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from a foreign frame before dispatching', async () => {
    const { handlers } = await setup();
    const invoke = handlers.get(ipcChannels.invoke)!;
    const outcome = await invoke(invokeEvent({ url: 'https://evil.example/' }), 'app.info', {});
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Calls are accepted only from the Publish Desk window' },
    });
    const ok = (await invoke(invokeEvent(), 'app.info', {})) as { ok: boolean; result: { transport: string } };
    expect(ok.ok).toBe(true);
    expect(ok.result.transport).toBe('ipc');
  });

  it('sends events only to a live window', () => {
    const send = vi.fn();
    sendEvent({ isDestroyed: () => false, send }, 'app.notice', { message: 'hi' });
    sendEvent({ isDestroyed: () => true, send }, 'app.notice', { message: 'gone' });
    sendEvent(null, 'app.notice', {});
    expect(send).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledWith(ipcChannels.event, { event: 'app.notice', payload: { message: 'hi' } });
  });
});
