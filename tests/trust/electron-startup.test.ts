// The main process as it ships (scripts/build-electron.mjs → main/index.cjs), started under Node with
// a recording fake of `electron` (tests/trust/fake-electron.ts) that, like Electron, refuses what needs
// a ready app before `ready` and what must come before it after. It checks: every dependency bundled or
// resolvable (this once caught jsonc-parser's UMD build, whose require() only failed at run time), the
// start-up order, every channel bound before the page loads, the hardened web preferences, the menu's
// commands reaching the page, and the page's address resolving, through the app:// handler, to the
// real built renderer. A start-up failure ends in an error box and an exit, never an invisible process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { MENU_COMMANDS } from '../../src/shared/ipc/menu-commands';
import { sniffFile } from '../../src/main/db/encryption';
import { REPO_ROOT, tempDir } from '../helpers/db';
import { buildElectronBundles, type ElectronBundles } from '../helpers/electron/bundles';
// @ts-expect-error: a plain ES module script, without types
import { ensureRenderer } from '../../scripts/renderer-fresh.mjs';

/** Runs in the child before main/index.cjs: installs the fake, lets main load, then makes the app
 *  ready, drives the menu and the protocol handler, and writes what it saw to FAKE_REPORT. */
const REGISTER = String.raw`
const Module = require('node:module');
const fs = require('node:fs');
const { createFakeElectron } = require(process.env.FAKE_ELECTRON);
const fake = createFakeElectron({ ready: false, autoReady: false });
if (process.env.FAKE_USERDATA) fake.app.paths.userData = process.env.FAKE_USERDATA;
fake.app.appPath = process.env.FAKE_APPPATH;
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake.module : load.call(this, request, ...rest);
};
function menuItems(items) {
  return (items || []).flatMap((i) => [i, ...menuItems(Array.isArray(i.submenu) ? i.submenu : [])]);
}
async function resolveUrl(url) {
  const handler = fake.calls.protocolHandlers.get('app');
  const res = await handler({ url });
  const body = Buffer.from(await res.arrayBuffer());
  return { url, status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: body.toString('base64') };
}
async function afterStart() {
  const report = { beforeReady: [], log: [], errorBoxes: fake.calls.errorBoxes, exitCode: fake.calls.exitCode };
  const win = fake.windows[0];
  report.log = fake.calls.log;
  report.beforeReady = fake.calls.log.slice(0, fake.calls.log.indexOf('ready'));
  report.channels = [...fake.ipcHandlers.keys()];
  if (win) {
    report.url = win.loadedUrl;
    report.prefs = win.options.webPreferences;
    report.unloadGuards = win.webContents.listenerCount('will-prevent-unload');
    for (const item of menuItems(fake.calls.menu)) if (typeof item.click === 'function' && item.label && !/About/.test(item.label)) item.click();
    report.menuSent = win.webContents.sent.filter(([c]) => c === 'menu:command').map(([, v]) => v);
    const page = await resolveUrl(win.loadedUrl);
    const html = Buffer.from(page.body, 'base64').toString();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], win.loadedUrl).href);
    report.page = page;
    report.assets = await Promise.all(refs.map(resolveUrl));
  }
  fs.writeFileSync(process.env.FAKE_REPORT, JSON.stringify(report));
  fake.app.emit('will-quit');
  process.exit(0);
}
setImmediate(() => {
  fake.app.becomeReady();
  // However long start-up takes on a busy machine: the test's own timeout guards against a hang.
  const timer = setInterval(() => {
    const done = fake.windows.length > 0 || fake.calls.exitCode !== null;
    if (!done) return;
    clearInterval(timer);
    void afterStart();
  }, 20);
});
`;

interface Served {
  url: string;
  status: number;
  type: string;
  csp: string;
  body: string;
}
interface Report {
  beforeReady: string[];
  log: string[];
  errorBoxes: { title: string; content: string }[];
  exitCode: number | null;
  channels: string[];
  url?: string;
  prefs?: Record<string, unknown>;
  unloadGuards?: number;
  menuSent?: string[];
  page?: Served;
  assets?: Served[];
}

let bundles: ElectronBundles;
let work: string;
beforeAll(async () => {
  (ensureRenderer as () => void)();
  work = tempDir('trust-startup-', { keep: true });
  bundles = buildElectronBundles(path.join(work, 'app'));
  await build({
    entryPoints: [path.join(__dirname, 'fake-electron.ts')],
    outfile: path.join(work, 'fake-electron.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(work, 'register.cjs'), REGISTER);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function startMain(env: NodeJS.ProcessEnv): { report: Report; status: number | null; stderr: string } {
  const reportFile = path.join(tempDir('trust-startup-report-'), 'report.json');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    FAKE_ELECTRON: path.join(work, 'fake-electron.cjs'),
    FAKE_APPPATH: REPO_ROOT,
    FAKE_REPORT: reportFile,
    ...env,
  };
  delete childEnv.THRESHOLD_DB_KEY;
  if (!env.THRESHOLD_DB) delete childEnv.THRESHOLD_DB;
  const run = spawnSync(process.execPath, ['-r', path.join(work, 'register.cjs'), bundles.main], {
    cwd: work,
    encoding: 'utf8',
    env: childEnv,
    timeout: 600_000,
  });
  const report = fs.existsSync(reportFile)
    ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report)
    : ({} as Report);
  return { report, status: run.status, stderr: run.stderr };
}

// Each start is a real process: on a busy two-core machine it takes what it takes (a hang guard, no goal).
describe('the shipped main process, started', { timeout: 600_000 }, () => {
  it('registers its scheme and the sandbox before ready, hardens the session, binds every channel, then opens the hardened window', () => {
    const userData = tempDir('trust-startup-userdata-');
    const { report, status, stderr } = startMain({
      FAKE_USERDATA: userData,
      THRESHOLD_DB: path.join(userData, 'threshold.db'),
    });
    expect(status, stderr).toBe(0);
    expect(report.errorBoxes).toEqual([]);
    expect(report.exitCode).toBeNull();

    // Before ready: only what Electron allows (the fake throws on anything else).
    expect(report.beforeReady).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.whenReady',
    ]);
    const at = (name: string) => {
      const i = report.log.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const window = at('new BrowserWindow');
    expect(at('session.setPermissionRequestHandler')).toBeLessThan(window);
    expect(at('session.webRequest.onBeforeRequest')).toBeLessThan(window);
    expect(at('protocol.handle')).toBeLessThan(window);
    expect(at('safeStorage.isAsyncEncryptionAvailable')).toBeLessThan(window);
    for (const channel of CHANNELS) expect(at(`ipcMain.handle ${channel}`)).toBeLessThan(at('loadURL'));
    expect(at('Menu.setApplicationMenu')).toBeLessThan(at('loadURL'));
    expect(report.channels.sort()).toEqual([...CHANNELS].sort());
    expect(sniffFile(path.join(userData, 'threshold.db'))).toBe('encrypted');

    // The window: hardened, with the built preload beside main, and the unsaved-changes prompt.
    expect(report.prefs).toEqual({
      preload: bundles.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    });
    expect(fs.existsSync(bundles.preload)).toBe(true);
    expect(report.unloadGuards).toBe(1);

    // Every command of the menu reaches the page.
    expect([...new Set(report.menuSent)].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('loads a page that resolves, with every script and style it names, to the built renderer', () => {
    const userData = tempDir('trust-startup-page-');
    const { report } = startMain({
      FAKE_USERDATA: userData,
      THRESHOLD_DB: path.join(userData, 'threshold.db'),
    });
    expect(report.url).toBe('app://threshold/index.html');
    const renderer = path.join(REPO_ROOT, 'dist', 'renderer');
    const page = report.page!;
    expect(page).toMatchObject({ status: 200, type: 'text/html' });
    expect(page.csp).toMatch(/default-src 'none'/);
    expect(Buffer.from(page.body, 'base64').equals(fs.readFileSync(path.join(renderer, 'index.html')))).toBe(
      true,
    );
    const scripts = report.assets!.filter((a) => a.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of report.assets!) {
      expect(asset.status, asset.url).toBe(200);
      const file = path.join(renderer, decodeURIComponent(new URL(asset.url).pathname));
      expect(Buffer.from(asset.body, 'base64').equals(fs.readFileSync(file)), asset.url).toBe(true);
    }
  });

  it('shows an error box and exits when starting fails, instead of staying invisible with the lock', () => {
    // No user-data folder: app.getPath throws inside start().
    const { report, status, stderr } = startMain({});
    expect(status, stderr).toBe(0);
    expect(report.errorBoxes).toEqual([
      { title: 'Threshold could not start', content: expect.stringMatching(/no path userData/) },
    ]);
    expect(report.exitCode).toBe(1);
    expect(report.log.indexOf('dialog.showErrorBox')).toBeLessThan(report.log.indexOf('app.exit'));
  });
});
