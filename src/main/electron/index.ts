// The Electron shell: one window, hardened, serving the renderer from app://threshold and the
// services over IPC. Everything beneath it is shared with the CLI and browser mode.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/connection';
import { createContext } from '../context';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../services';
import { DB_FILE_NAME } from '../paths';
import { bindIpc } from './ipc';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, hardenApp, hardenSession, isAllowedExternal, secureWebPreferences } from './security';
import { saveFileHandler } from './save-file';

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const windows = new Set<BrowserWindow>();
let db: Db | undefined;

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
  const root = rendererDir();
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    let file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) file = path.join(root, 'index.html');
    return new Response(fs.readFileSync(file), {
      headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Threshold',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '..', 'preload', 'index.cjs')),
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  hardenApp(app, openExternal);
  hardenSession(session.defaultSession);
  serveRenderer();

  const dbPath = process.env.THRESHOLD_DB || path.join(app.getPath('userData'), DB_FILE_NAME);
  try {
    db = openDatabase(dbPath, { nativeBinding: electronNativeBinding() });
  } catch (err) {
    dialog.showErrorBox('Threshold cannot open its database', `${(err as Error).message}\n\nNothing was changed. The file is ${dbPath}.`);
    app.exit(1);
    return;
  }
  const ctx = createContext(db, { dbPath, assetsDir: path.join(app.getAppPath(), 'assets'), mode: 'electron', appVersion: app.getVersion() });
  const handlers = { ...createHandlers(ctx), 'files:save': saveFileHandler(() => BrowserWindow.getFocusedWindow()) };
  bindIpc(ipcMain, createDispatcher(handlers), (wc) => BrowserWindow.fromWebContents(wc), windows);
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
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    if (db) closeDatabase(db);
  });
}
