/**
 * The Electron entry against a mocked `electron`: the binary cannot run on
 * our machines, so this asserts the wiring a real launch would perform. The
 * utility process is a fake that runs the real services-process code (and
 * the real services) in this process, over Node's MessageChannel.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FakeUtilityProcess } from '../../test/contract/fake-electron';

const h = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  const userData = mkdtempSync(`${os.tmpdir()}/pd-electron-`);
  const appListeners = new Map<string, (...a: unknown[]) => void>();
  const windows: Array<{ options: unknown; loaded: string | null; webContents: { send: (...a: unknown[]) => void } }> =
    [];
  const forks: Array<{ modulePath: string; options: unknown; proc: FakeUtilityProcess }> = [];
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  return { appListeners, windows, forks, ready, readyResolve: () => readyResolve(), userData };
});

const ipcHandlers = new Map<string, unknown>();
const session = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onHeadersReceived: vi.fn() },
};
const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: vi.fn((s: string) => Buffer.from(s.split('').reverse().join(''))),
  decryptString: vi.fn((b: Buffer) => b.toString().split('').reverse().join('')),
};
const quit = vi.fn();

vi.mock('electron', async () => {
  const { FakeUtilityProcess, fakeMessageChannelMain } = await import('../../test/contract/fake-electron');
  const { runServicesChild } = await import('./services-child');
  class BrowserWindow {
    static getAllWindows = () => h.windows;
    webContents = { id: 42, send: vi.fn(), isDestroyed: () => false };
    constructor(public options: unknown) {
      h.windows.push(this as unknown as (typeof h.windows)[number]);
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
  class MessageChannelMain {
    port1;
    port2;
    constructor() {
      ({ port1: this.port1, port2: this.port2 } = fakeMessageChannelMain());
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
      quit,
    },
    BrowserWindow,
    MessageChannelMain,
    utilityProcess: {
      fork: (modulePath: string, _args: string[], options: unknown) => {
        const proc = new FakeUtilityProcess((parentPort, exit) =>
          runServicesChild(parentPort, { exit, log: () => {} }),
        );
        h.forks.push({ modulePath, options, proc });
        return proc;
      },
    },
    ipcMain: { handle: (c: string, l: unknown) => ipcHandlers.set(c, l), removeHandler: vi.fn() },
    session: { defaultSession: session },
    safeStorage,
    shell: { openExternal: vi.fn() },
  };
});

type Invoke = (
  e: unknown,
  m: string,
  a: unknown,
) => Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>;
const invoke: Invoke = (e, m, a) => (ipcHandlers.get('ops:invoke') as Invoke)(e, m, a);
const page = '/opt/Publish Desk/resources/app.asar/out/renderer/index.html';
const fromWindow = { sender: { id: 42 }, senderFrame: { url: `file://${page}`, parent: null } };
const clientSecret = 'cs-9f2e-only-main-and-services-see-this';

describe('Electron main entry', () => {
  afterAll(() => vi.resetModules());

  it('guards every webContents and the session, starts the services process, and opens one secure window on ready', async () => {
    await import('./main');
    expect(h.appListeners.has('web-contents-created')).toBe(true);
    expect(h.appListeners.has('window-all-closed')).toBe(true);
    h.readyResolve();
    await vi.waitFor(() => expect(h.windows).toHaveLength(1));

    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect([...ipcHandlers.keys()]).toEqual(['ops:invoke']);
    expect(h.forks).toHaveLength(1);
    expect(h.forks[0]!.modulePath).toBe('/opt/Publish Desk/resources/app.asar/out/main/services.cjs');
    expect(h.forks[0]!.options).toMatchObject({ serviceName: 'Publish Desk services' });
    expect(h.forks[0]!.proc.received[0]).toMatchObject({
      type: 'start',
      appName: 'Publish Desk',
      dataDir: h.userData,
      secrets: {
        filePath: path.join(h.userData, 'secrets.json'),
        encryptionAvailable: true,
        allowPlaintextBackend: false,
      },
    });
    const win = h.windows[0]!;
    const prefs = (win.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe('/opt/Publish Desk/resources/app.asar/out/preload/index.cjs');
    expect(win.loaded).toBe(page);
  });

  it('relays app.info from the window it created to the services process, and refuses anyone else', async () => {
    const outcome = await invoke(fromWindow, 'app.info', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.result).toMatchObject({ mode: 'electron', transport: 'ipc', dataDir: h.userData });
    const stranger = { sender: { id: 99 }, senderFrame: { url: `file://${page}`, parent: null } };
    expect(await invoke(stranger, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("keeps a client secret in the services' vault, encrypted by main's safeStorage, never in an answer", async () => {
    const draft = {
      name: 'Prod',
      kind: 'region',
      region: 'mypurecloud.com',
      grantType: 'client_credentials',
      clientId: 'c-1',
      clientSecret,
    };
    const saved = await invoke(fromWindow, 'connections.save', draft);
    expect(saved).toMatchObject({ ok: true, result: { hasSecret: true } });
    expect(JSON.stringify(saved)).not.toContain(clientSecret);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(clientSecret);
    const file = path.join(h.userData, 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(clientSecret);
    expect(await invoke(fromWindow, 'connections.vault', {})).toMatchObject({
      ok: true,
      result: { backend: 'safeStorage', persistent: true },
    });
  });

  it('restarts the services process when it dies, tells the window, and the new one reads the vault through main', async () => {
    const send = h.windows[0]!.webContents.send as ReturnType<typeof vi.fn>;
    const decrypted = safeStorage.decryptString.mock.calls.length;
    h.forks[0]!.proc.crash(139);
    await vi.waitFor(() => expect(h.forks).toHaveLength(2), { timeout: 5000 });
    expect(send).toHaveBeenCalledWith('ops:event', {
      event: 'app.notice',
      payload: expect.objectContaining({ level: 'warning', message: expect.stringContaining('exit code 139') }),
    });
    const list = await invoke(fromWindow, 'connections.list', {});
    expect(list).toMatchObject({
      ok: true,
      result: expect.arrayContaining([expect.objectContaining({ name: 'Prod', hasSecret: true })]),
    });
    expect(safeStorage.decryptString.mock.calls.length).toBeGreaterThan(decrypted);
  });

  it('on quit, waits for the services to close before quitting', async () => {
    const willQuit = h.appListeners.get('will-quit')!;
    const event = { preventDefault: vi.fn() };
    willQuit(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(h.forks[1]!.proc.alive).toBe(false);
    expect(h.forks[1]!.proc.received).toContainEqual({ type: 'stop' });
    const again = { preventDefault: vi.fn() };
    willQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
