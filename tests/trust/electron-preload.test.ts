// The built preload (scripts/build-electron.mjs → preload/index.cjs) run as Electron runs it in a
// sandboxed renderer (tests/helpers/electron/sandboxed-preload.ts: exactly the globals and the require
// allow-list Electron documents), its ipcRenderer reaching the shell's real IPC binding and sender
// check over a real database. Loading it with Node's require would hide what the sandbox lacks: the
// preload once read __filename, which a sandboxed preload does not have, and window.threshold never
// existed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { LIVE_CHANNEL, MENU_COMMANDS } from '../../src/shared/ipc/menu-commands';
import { ADMIN, ASSETS_DIR, openTestApp, tempDir } from '../helpers/db';
import { buildElectronBundles, type ElectronBundles } from '../helpers/electron/bundles';
import { connectPreload, createMainSide } from '../helpers/electron/main-side';
import { runSandboxedPreload } from '../helpers/electron/sandboxed-preload';

type Fn = (request?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
type Api = Record<string, Record<string, Fn>> & {
  onMenuCommand(listener: (command: string) => void): () => void;
  onLiveUpdate(listener: (notice: unknown) => void): () => void;
};

let bundles: ElectronBundles;
beforeAll(() => {
  bundles = buildElectronBundles(tempDir('trust-preload-build-', { keep: true }));
});

afterAll(() => fs.rmSync(bundles.dir, { recursive: true, force: true }));

/** The shell's side over a set-up database, with the window's session signed in as the administrator. */
async function start() {
  const app = await openTestApp();
  const main = createMainSide((channel, payload, caller) => app.host.dispatch(channel, payload, caller));
  await app.host.dispatch('session:signIn', ADMIN, { session: `window:${main.window.webContents.id}` });
  const preload = connectPreload(bundles.preload, main);
  return { app, main, preload, api: preload.exposed.get('threshold') as Api };
}

describe('the built preload in a sandboxed renderer', () => {
  it('asks only for electron, and exposes window.threshold: one function per channel and the menu listener', async () => {
    const { preload, api } = await start();
    expect(preload.required).toEqual(['electron']);
    expect([...preload.exposed.keys()]).toEqual(['threshold']);
    const channels = Object.entries(api).flatMap(([domain, v]) =>
      typeof v === 'object' ? Object.keys(v).map((m) => `${domain}:${m}`) : [],
    );
    expect(channels.sort()).toEqual([...CHANNELS].sort());
    expect(typeof api.onMenuCommand).toBe('function');
  });

  it('reaches the real services through the IPC binding, with result envelopes', async () => {
    const { api, app } = await start();
    const info = await api.app!.info!({});
    expect(info).toMatchObject({ ok: true, value: { empty: true } });
    const sample = fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8');
    const imported = await api.workspace!.import!({
      format: 'json',
      content: sample,
      fileName: 'sample.json',
    });
    expect(imported).toMatchObject({ ok: true, value: { threats: { created: 34 } } });
    expect(app.db.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(34);
    const list = await api.threats!.list!({ limit: 5 });
    expect(list).toMatchObject({ ok: true, value: { total: 34 } });
    // Bad input comes back as a typed error, not an exception.
    expect(await api.threats!.get!({ id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('is refused by the sender check when the frame is not the app\u2019s page', async () => {
    const { api, main } = await start();
    main.frame.url = 'https://evil.example/';
    expect(await api.app!.info!({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('passes known menu commands from main to the page, and nothing else', async () => {
    const { api, main } = await start();
    const got: string[] = [];
    const unsubscribe = api.onMenuCommand((c) => got.push(c));
    for (const command of MENU_COMMANDS) main.window.webContents.send('menu:command', command);
    main.window.webContents.send('menu:command', 'rm -rf /');
    main.window.webContents.send('menu:command', { command: 'go-log' });
    main.window.webContents.send('menu:command', 7);
    expect(got).toEqual([...MENU_COMMANDS]);
    unsubscribe();
    main.window.webContents.send('menu:command', 'go-log');
    expect(got).toHaveLength(MENU_COMMANDS.length);
  });
});

describe('live updates through the preload', () => {
  it('passes what the host announces to the page, and drops anything that is not a live notice', async () => {
    const { app, main, api } = await start();
    // As the desktop shell wires it (src/main/electron/index.ts): every notice to every window.
    app.host.live.subscribe((notice) => main.window.webContents.send(LIVE_CHANNEL, notice));
    const got: unknown[] = [];
    const unsubscribe = api.onLiveUpdate((n) => got.push(n));
    await app.call('elections:save', {
      election: {
        id: 'el-live',
        name: 'Live',
        jurisdiction: 'Testland',
        writIssued: '2027-04-10',
        pollingDay: '2027-05-17',
        languages: ['en'],
      },
    });
    main.window.webContents.send(LIVE_CHANNEL, { kind: 'changed', topics: ['nope'], ids: [], by: null });
    main.window.webContents.send(LIVE_CHANNEL, 'rm -rf /');
    main.window.webContents.send(LIVE_CHANNEL, { kind: 'offline', by: 'Dana', extra: 1 });
    expect(got).toEqual([{ kind: 'changed', topics: ['elections', 'threats'], ids: [], by: ADMIN.name }]);
    unsubscribe();
    main.window.webContents.send(LIVE_CHANNEL, { kind: 'offline', by: null });
    expect(got).toHaveLength(1);
  });
});

describe('the sandbox harness', () => {
  // Each of these would fail in Electron's sandboxed preload, so it must fail here too.
  const cases: [string, string, RegExp][] = [
    ['__filename', 'const f = __filename;', /__filename is not defined/],
    ['__dirname', 'const d = __dirname;', /__dirname is not defined/],
    ['a Node module', "require('fs');", /module not found: fs/],
    ['node:path', "require('node:path');", /module not found: node:path/],
    ['process.cwd()', 'process.cwd();', /process\.cwd is not available/],
    ['process.binding', "process.binding('fs');", /process\.binding is not available/],
    [
      'a main-process module',
      "require('electron').ipcMain.handle('x', () => 1);",
      /Cannot read properties of undefined/,
    ],
    [
      'a class instance over the bridge',
      "require('electron').contextBridge.exposeInMainWorld('x', new Map());",
      /drops the prototype/,
    ],
  ];
  for (const [what, code, error] of cases) {
    it(`fails a preload that uses ${what}`, () => {
      const file = path.join(tempDir('trust-preload-bad-'), 'preload.cjs');
      fs.writeFileSync(file, code);
      expect(() => runSandboxedPreload(file, { invoke: () => Promise.resolve(null) })).toThrow(error);
    });
  }

  it('gives what Electron documents: events, timers, url, Buffer, process.platform, setImmediate', () => {
    const file = path.join(tempDir('trust-preload-good-'), 'preload.cjs');
    fs.writeFileSync(
      file,
      `const { EventEmitter } = require('events'); require('node:timers'); const { URL: U } = require('url');
       const { contextBridge } = require('electron');
       contextBridge.exposeInMainWorld('probe', { platform: process.platform, sandboxed: process.sandboxed,
         b: Buffer.from('hi').toString('hex'), e: typeof EventEmitter, u: new U('app://threshold/x').host,
         i: typeof setImmediate, g: global === window });`,
    );
    const { exposed } = runSandboxedPreload(file, { invoke: () => Promise.resolve(null) });
    expect(exposed.get('probe')).toEqual({
      platform: process.platform,
      sandboxed: true,
      b: '6869',
      e: 'function',
      u: 'threshold',
      i: 'function',
      g: true,
    });
  });
});
