/**
 * Electron entry: app lifecycle, the one window, and wiring of the IPC
 * transport to the Electron-free services. Nothing here is business logic.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { createServices } from '../services';
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

  void app.whenReady().then(() => {
    guardSession(session.defaultSession);
    const services = createServices({
      appName: app.getName(),
      appVersion: app.getVersion(),
      dataDir: app.getPath('userData'),
      mode: 'electron',
    });
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
