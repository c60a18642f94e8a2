/**
 * Electron entry: app lifecycle, the one window, the security guards and the
 * IPC relay. The services (SQLite, the Genesys client, sync) run in a utility
 * process (services-process.ts) reached over a MessagePort; main only checks
 * who is calling, forwards, and lends the services safeStorage and the system
 * browser. Nothing here is business logic.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { app, BrowserWindow, ipcMain, MessageChannelMain, safeStorage, session, shell, utilityProcess } from 'electron';
import { registerIpcTransport, sendEvent, type TrustedRenderer } from './ipc-transport';
import { safeStorageStatus } from './platform-relay';
import { guardSession, guardWebContents, mainWindowOptions } from './security';
import { relayDispatch } from './services-relay';
import { superviseServices, type ServicesSupervisor } from './services-supervisor';

// The app root (the folder of package.json, or app.asar when packaged) holds out/.
const outDir = path.join(app.getAppPath(), 'out');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');
const pagePath = path.join(outDir, 'renderer', 'index.html');
const servicesEntry = path.join(outDir, 'main', 'services.cjs');

let mainWindow: BrowserWindow | null = null;
let trusted: TrustedRenderer | null = null;

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = win;
  trusted = { webContentsId: win.webContents.id, pageUrl: pathToFileURL(pagePath).href };
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) {
      mainWindow = null;
      trusted = null;
    }
  });
  void win.loadFile(pagePath);
}

function startServices(): ServicesSupervisor {
  const dataDir = app.getPath('userData');
  // Electron's ABI build of better-sqlite3 (build/native-for-electron.mjs), unpacked beside the asar when packaged.
  const nativeBinding = path.join(outDir, 'native', 'better_sqlite3.node').replace('app.asar', 'app.asar.unpacked');
  return superviseServices({
    fork: () => utilityProcess.fork(servicesEntry, [], { serviceName: 'Publish Desk services', stdio: 'inherit' }),
    createChannel: () => new MessageChannelMain(),
    start: {
      appName: app.getName(),
      appVersion: app.getVersion(),
      dataDir,
      ...(existsSync(nativeBinding) ? { nativeBinding } : {}),
      secrets: {
        filePath: path.join(dataDir, 'secrets.json'),
        // Without a keyring, secrets stay in memory unless the supervisor explicitly opts in.
        allowPlaintextBackend: process.env.PUBLISH_DESK_ALLOW_PLAINTEXT_SECRETS === '1',
        ...safeStorageStatus(safeStorage),
      },
    },
    abilities: { safeStorage, openExternal: (url) => shell.openExternal(url) },
    onEvent: (event, payload) => sendEvent(mainWindow?.webContents ?? null, event, payload),
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));

  void app.whenReady().then(() => {
    guardSession(session.defaultSession);
    const services = startServices();
    let servicesClosed = false;
    // Quit waits for the services to close the database (a sync ends whole or rolled back).
    app.on('will-quit', (event) => {
      if (servicesClosed) return;
      event.preventDefault();
      void services.stop().finally(() => {
        servicesClosed = true;
        app.quit();
      });
    });
    registerIpcTransport(ipcMain, relayDispatch(services), () => trusted);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
