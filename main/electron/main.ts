/**
 * Electron entry: app lifecycle, the one window, and wiring of the IPC
 * transport to the Electron-free services. Nothing here is business logic.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { createServices } from '../services';
import { createSafeStorageVault } from './safe-storage-vault';
import { registerIpcTransport, sendEvent, type TrustedRenderer } from './ipc-transport';
import { guardSession, guardWebContents, mainWindowOptions } from './security';

// The app root (the folder of package.json, or app.asar when packaged) holds out/.
const outDir = path.join(app.getAppPath(), 'out');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');
const pagePath = path.join(outDir, 'renderer', 'index.html');

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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession);
    const dataDir = app.getPath('userData');
    // Electron's ABI build of better-sqlite3 (build/native-for-electron.mjs), unpacked beside the asar when packaged.
    const nativeBinding = path.join(outDir, 'native', 'better_sqlite3.node').replace('app.asar', 'app.asar.unpacked');
    const services = await createServices({
      appName: app.getName(),
      appVersion: app.getVersion(),
      dataDir,
      mode: 'electron',
      vault: createSafeStorageVault({
        safeStorage,
        filePath: path.join(dataDir, 'secrets.json'),
        // Without a keyring, secrets stay in memory unless the supervisor explicitly opts in.
        allowPlaintextBackend: process.env.PUBLISH_DESK_ALLOW_PLAINTEXT_SECRETS === '1',
      }),
      openBrowser: (url) => shell.openExternal(url),
      ...(existsSync(nativeBinding) ? { nativeBinding } : {}),
      log: (line) => console.error(line),
    });
    app.on('will-quit', () => void services.close());
    registerIpcTransport(ipcMain, services.dispatch, () => trusted);
    services.events.attach((event, payload) => sendEvent(mainWindow?.webContents ?? null, event, payload));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
