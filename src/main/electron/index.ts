// The Electron shell: one window, hardened, serving the renderer from app://threshold and the
// services over IPC. Everything beneath it is shared with the CLI and browser mode.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { AppHost } from '../app-host';
import { DB_FILE_NAME } from '../paths';
import { openDesktopDatabase } from './database';
import { bindIpc } from './ipc';
import { LIVE_CHANNEL } from '../../shared/ipc/menu-commands';
import { APP_ORIGIN, hardenApp, hardenSession, isAllowedExternal } from './security';
import { appProtocolHandler } from './app-protocol';
import { openDialogPort, saveDialogPort } from './file-dialogs';
import { guardUnload } from './unload-guard';
import { createAppWindow } from './window';
import { aboutText, menuTemplate } from './menu';
import { DEFAULT_STATE, readState, writeState } from './window-state';
import { teamWindowPort } from './team-window';
import { PinStore, PINS_FILE_NAME } from '../team/pins-store';
import { TeamServers } from '../team/service';
import { schemaVersion } from '../db/connection';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const windows = new Set<BrowserWindow>();
let host: AppHost | null = null;

const openExternal = (url: string) => {
  if (isAllowedExternal(url)) void shell.openExternal(url);
};

function rendererDir(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

/** In development (`npm start`) better-sqlite3 is built for Electron into its own folder. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return !app.isPackaged && fs.existsSync(candidate) ? candidate : undefined;
}

function serveRenderer(): void {
  protocol.handle('app', appProtocolHandler(rendererDir()));
}

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function createWindow(): BrowserWindow {
  const saved = readState(
    windowStateFile(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const bounds = saved?.bounds ?? DEFAULT_STATE.bounds;
  const win = createAppWindow(path.join(__dirname, '..', 'preload', 'index.cjs'), {
    ...(saved ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    icon: path.join(app.getAppPath(), 'assets', 'icons', '512x512.png'),
  });
  windows.add(win);
  guardUnload(win.webContents, (options) => dialog.showMessageBoxSync(win, options));
  const remember = () =>
    writeState(windowStateFile(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  win.on('close', remember);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function showAbout(dbPath: string): void {
  const text = aboutText({
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    dbPath,
    schemaVersion: host ? schemaVersion(host.db) : 0,
  });
  const win = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: 'About Threshold',
    message: 'Threshold',
    detail: text,
    buttons: ['OK'],
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

function installMenu(dbPath: string): void {
  const send = (command: MenuCommand) => {
    const win = BrowserWindow.getFocusedWindow() ?? [...windows][0];
    win?.webContents.send('menu:command', command);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        send,
        about: () => showAbout(dbPath),
        isMac: process.platform === 'darwin',
        devTools: !app.isPackaged,
      }),
    ),
  );
}

function teamServersFor(file: string): TeamServers {
  const pins = new PinStore(file);
  return new TeamServers(
    pins,
    teamWindowPort(pins, path.join(app.getAppPath(), 'assets', 'icons', '512x512.png')),
  );
}

async function start(): Promise<void> {
  hardenApp(app, openExternal);
  hardenSession(session.defaultSession);
  serveRenderer();

  const dbPath = process.env.THRESHOLD_DB || path.join(app.getPath('userData'), DB_FILE_NAME);
  const nativeBinding = electronNativeBinding();
  // Opens (on first use: encrypts) the database with the key the OS keeps, takes the automatic
  // backup, and says in a dialog whatever the official must know or decide; null: the app cannot go on.
  host = await openDesktopDatabase({
    dbPath,
    assetsDir: path.join(app.getAppPath(), 'assets'),
    appVersion: app.getVersion(),
    ...(nativeBinding ? { nativeBinding } : {}),
    parent: () => BrowserWindow.getFocusedWindow(),
    saveFile: saveDialogPort(dialog, () => BrowserWindow.getFocusedWindow()),
    openFile: openDialogPort(dialog, () => BrowserWindow.getFocusedWindow()),
    // File → Connect to a team server…: the servers and their pinned certificates, in the app's settings.
    teamServers: teamServersFor(path.join(app.getPath('userData'), PINS_FILE_NAME)),
  });
  if (!host) {
    app.exit(1);
    return;
  }
  // host.dispatch always reaches the database currently open, also after a restore from Settings.
  bindIpc(ipcMain, host.dispatch, (wc) => BrowserWindow.fromWebContents(wc), windows);
  // Live updates: what changed (ids, never content) goes to every window, which refetches it.
  host.live.subscribe((notice) => {
    for (const win of windows) win.webContents.send(LIVE_CHANNEL, notice);
  });
  installMenu(dbPath);
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = windows;
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // A failure to start must not leave an invisible process holding the single-instance lock.
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox(
        'Threshold could not start',
        `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\nStart Threshold ` +
          `again; if it fails again, report the text above.`,
      );
      host?.close(); // app.exit skips will-quit
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    host?.close();
  });
}
