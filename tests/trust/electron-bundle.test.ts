// The bundles the desktop app ships (scripts/build-electron.mjs: dist/main/index.cjs and
// dist/preload/index.cjs) start under Node with the fake `electron` module: every dependency is
// bundled or resolvable, the window opens on the app's page with every channel bound, and the preload
// exposes window.threshold. (This caught a real bug: jsonc-parser's UMD build left a require() that
// only fails at run time.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { sniffFile } from '../../src/main/db/encryption';
import { REPO_ROOT, tempDir } from '../helpers/db';

const REGISTER = `
const Module = require('node:module');
const { createFakeElectron } = require('./fake-electron.cjs');
const fake = createFakeElectron();
fake.app.paths.userData = process.env.FAKE_USERDATA;
fake.app.appPath = process.env.FAKE_APPPATH;
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake.module : load.call(this, request, ...rest);
};
// Waits for the window (or an error box) however long start-up takes; the test's timeout guards a hang.
const timer = setInterval(() => {
  if (fake.windows.length === 0 && fake.calls.errorBoxes.length === 0) return;
  clearInterval(timer);
  require(process.env.FAKE_PRELOAD);
  const api = fake.calls.exposed.get('threshold') || {};
  const preloadChannels = Object.entries(api).flatMap(([d, v]) => (typeof v === 'object' ? Object.keys(v).map((m) => d + ':' + m) : []));
  process.stdout.write(JSON.stringify({
    windows: fake.windows.length,
    url: fake.windows[0] && fake.windows[0].loadedUrl,
    prefs: fake.windows[0] && fake.windows[0].options.webPreferences,
    channels: [...fake.ipcHandlers.keys()],
    preloadChannels,
    errorBoxes: fake.calls.errorBoxes,
    sandbox: fake.calls.enableSandbox,
  }));
  fake.app.emit('will-quit');
  process.exit(0);
}, 20);
`;

describe('the shipped Electron bundles', () => {
  it('build, load every dependency, open the window and bind every channel', async () => {
    const work = tempDir('trust-bundle-');
    fs.symlinkSync(path.join(REPO_ROOT, 'src'), path.join(work, 'src'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(work, 'node_modules'));
    const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);

    await build({
      entryPoints: [path.join(__dirname, 'fake-electron.ts')],
      outfile: path.join(work, 'fake-electron.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    fs.writeFileSync(path.join(work, 'register.cjs'), REGISTER);
    const userData = tempDir('trust-bundle-userdata-');
    const appPath = tempDir('trust-bundle-app-');
    fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    fs.symlinkSync(path.join(REPO_ROOT, 'assets'), path.join(appPath, 'assets'));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAKE_USERDATA: userData,
      FAKE_APPPATH: appPath,
      FAKE_PRELOAD: path.join(work, 'dist', 'preload', 'index.cjs'),
      THRESHOLD_DB: path.join(userData, 'threshold.db'),
    };
    delete env.THRESHOLD_DB_KEY;
    const run = spawnSync(
      process.execPath,
      ['-r', path.join(work, 'register.cjs'), path.join(work, 'dist', 'main', 'index.cjs')],
      { cwd: work, encoding: 'utf8', env, timeout: 600_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      windows: number;
      url: string;
      prefs: Record<string, unknown>;
      channels: string[];
      preloadChannels: string[];
      errorBoxes: unknown[];
      sandbox: number;
    };
    expect(report.errorBoxes).toEqual([]);
    expect(report.windows).toBe(1);
    expect(report.url).toBe('app://threshold/index.html');
    expect(report.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(report.sandbox).toBe(1);
    expect(report.channels.sort()).toEqual([...CHANNELS].sort());
    expect(report.preloadChannels.sort()).toEqual([...CHANNELS].sort());
    expect(sniffFile(path.join(userData, 'threshold.db'))).toBe('encrypted');
  });
});
