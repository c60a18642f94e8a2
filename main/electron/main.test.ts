/**
 * The Electron entry against a mocked `electron`: the binary cannot run on
 * our machines, so this asserts the wiring a real launch would perform.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  const userData = mkdtempSync(`${os.tmpdir()}/pd-electron-`);
  const appListeners = new Map<string, (...a: unknown[]) => void>();
  const windows: Array<{ options: unknown; loaded: string | null }> = [];
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  return { appListeners, windows, ready, readyResolve: () => readyResolve(), userData };
});

const ipcHandlers = new Map<string, unknown>();
const session = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onHeadersReceived: vi.fn() },
};

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => h.windows;
    webContents = { id: 42, send: vi.fn(), isDestroyed: () => false };
    constructor(public options: unknown) {
      h.windows.push(this as unknown as { options: unknown; loaded: string | null });
    }
    loaded: string | null = null;
    once() {}
    on() {}
    isMinimized = () => false;
    focus() {}
    loadFile(p: string) {
      this.loaded = p;
      return Promise.resolve();
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: (...a: unknown[]) => void) => h.appListeners.set(name, fn),
      whenReady: () => h.ready,
      getName: () => 'Publish Desk',
      getAppPath: () => '/opt/Publish Desk/resources/app.asar',
      getVersion: () => '0.1.0',
      getPath: () => h.userData,
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (c: string, l: unknown) => ipcHandlers.set(c, l), removeHandler: vi.fn() },
    session: { defaultSession: session },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s.split('').reverse().join('')),
      decryptString: (b: Buffer) => b.toString().split('').reverse().join(''),
    },
    shell: { openExternal: vi.fn() },
  };
});

describe('Electron main entry', () => {
  afterAll(() => vi.resetModules());

  it('guards every webContents, the session, and opens one secure window on ready', async () => {
    await import('./main');
    expect(h.appListeners.has('web-contents-created')).toBe(true);
    expect(h.appListeners.has('window-all-closed')).toBe(true);
    h.readyResolve();
    await h.ready;
    // Services open the database and vault before the window appears.
    await vi.waitFor(() => expect(h.windows).toHaveLength(1));

    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect([...ipcHandlers.keys()]).toEqual(['ops:invoke']);
    expect(h.windows).toHaveLength(1);
    const win = h.windows[0]!;
    const prefs = (win.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe('/opt/Publish Desk/resources/app.asar/out/preload/index.cjs');
    expect(win.loaded).toBe('/opt/Publish Desk/resources/app.asar/out/renderer/index.html');
  });

  it('answers app.info over IPC only for the window it created', async () => {
    const invoke = ipcHandlers.get('ops:invoke') as (e: unknown, m: string, a: unknown) => Promise<unknown>;
    const page = (h.windows[0] as unknown as { loaded: string }).loaded;
    const fromWindow = { sender: { id: 42 }, senderFrame: { url: `file://${page}`, parent: null } };
    const outcome = (await invoke(fromWindow, 'app.info', {})) as { ok: boolean; result: Record<string, unknown> };
    expect(outcome.ok).toBe(true);
    expect(outcome.result).toMatchObject({ mode: 'electron', transport: 'ipc', dataDir: h.userData });
    const stranger = { sender: { id: 99 }, senderFrame: { url: `file://${page}`, parent: null } };
    expect(await invoke(stranger, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
