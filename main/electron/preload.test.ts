import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, result: 'pong' })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('./preload');
  });

  it('exposes exactly invoke and on, as window.ops', () => {
    expect(Object.keys(exposed)).toEqual(['ops']);
    expect(Object.keys(exposed.ops as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke goes through the one contract channel', async () => {
    const ops = exposed.ops as { invoke: (m: string, a: unknown) => Promise<unknown> };
    await ops.invoke('app.info', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('ops:invoke', 'app.info', {});
  });

  it('on filters the event channel by name and unsubscribes', () => {
    const ops = exposed.ops as { on: (e: string, cb: (p: unknown) => void) => () => void };
    const cb = vi.fn();
    const off = ops.on('app.notice', cb);
    const [channel, listener] = ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (e: unknown, f: unknown) => void,
    ];
    expect(channel).toBe('ops:event');
    listener({}, { event: 'other.event', payload: 1 });
    listener({}, { event: 'app.notice', payload: { message: 'm' } });
    expect(cb.mock.calls).toEqual([[{ message: 'm' }]]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('ops:event', listener);
  });
});
