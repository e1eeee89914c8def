// Nobody in: the Electron shell's glue, against a small fake of the `electron` module (its binary
// cannot run here). Navigation, new windows, <webview>, permissions and remote content refused; only
// allow-listed links open outside; IPC only from the app's own top frame; the window's web preferences;
// what the preload exposes; the key dialogs of the desktop app.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { CONTENT_SECURITY_POLICY as BROWSER_CSP } from '../../src/main/browser/server';
import { sniffFile } from '../../src/main/db/encryption';
import { KEY_FILE_NAME } from '../../src/main/db/keys';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { ADMIN, ORGANISATION, REPO_ROOT, tempDir } from '../helpers/db';
import { createFakeElectron, FakeWebContents, type FakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./fake-electron');
  fake.electron = create();
  return fake.electron.module;
});

const {
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedExternal,
  isAppUrl,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_ALLOW_LIST,
} = await import('../../src/main/electron/security');
const { bindIpc, isTrustedSender } = await import('../../src/main/electron/ipc');
const { createAppWindow } = await import('../../src/main/electron/window');
const { openDesktopDatabase } = await import('../../src/main/electron/database');

beforeEach(() => {
  fake.electron.messageBoxAnswers.length = 0;
  fake.electron.calls.messageBoxes.length = 0;
  fake.electron.calls.errorBoxes.length = 0;
  fake.electron.safeStorage.available = true;
  fake.electron.safeStorage.backend = 'gnome_libsecret';
  delete process.env.THRESHOLD_DB_KEY;
});

const EVIL = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'app://threshold.evil/x',
  'app://thresholdx/',
  'chrome://settings',
  'about:blank',
];

function navEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('web contents', () => {
  it('refuses navigation (main frame, any frame, redirects) away from the app and every <webview>', () => {
    const wc = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(wc as never, (u) => opened.push(u));
    for (const url of EVIL) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const e = navEvent();
        wc.emit(name, e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const frame = { ...navEvent(), url };
      wc.emit('will-frame-navigate', frame);
      expect(frame.prevented, `will-frame-navigate ${url}`).toBe(true);
    }
    const inside = navEvent();
    wc.emit('will-navigate', inside, 'app://threshold/index.html#/log');
    expect(inside.prevented).toBe(false);
    const webview = navEvent();
    wc.emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('denies every new window; opens only allow-listed https links in the browser', () => {
    const wc = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(wc as never, (u) => opened.push(u));
    const handler = wc.windowOpenHandler!;
    expect(handler).toBeTypeOf('function');
    for (const url of [
      ...EVIL,
      'https://www.disarm.foundation/',
      'https://oasis-open.github.io/cti-documentation/stix/intro',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([
      'https://www.disarm.foundation/',
      'https://oasis-open.github.io/cti-documentation/stix/intro',
    ]);
  });

  it('judges external links on the parsed address: no look-alikes, no credentials, no other schemes', () => {
    expect(EXTERNAL_ALLOW_LIST.every((u) => u.startsWith('https://') && u.endsWith('/'))).toBe(true);
    const refused = [
      'http://www.disarm.foundation/',
      'https://www.disarm.foundation.evil.example/',
      'https://www.disarm.foundation@evil.example/',
      'https://user:pass@www.disarm.foundation/',
      'https://evil.example/https://www.disarm.foundation/',
      'https://oasis-open.github.io/cti-documentation-evil/',
      'https://oasis-open.github.io/other/',
      'file:///C:/Windows/System32/calc.exe',
      'not a url',
      '',
    ];
    for (const url of refused) expect(isAllowedExternal(url), url).toBe(false);
    expect(isAllowedExternal('https://www.disarm.foundation/framework')).toBe(true);
    expect(isAppUrl('app://threshold')).toBe(true);
    expect(isAppUrl('app://threshold.evil')).toBe(false);
  });

  it('hardens every web contents the app creates', () => {
    const electron = createFakeElectron();
    hardenApp(electron.app as never, () => undefined);
    const wc = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler).not.toBeNull();
    expect(wc.listenerCount('will-navigate')).toBe(1);
  });
});

describe('session', () => {
  it('denies every permission request and check, and every device', () => {
    const electron = createFakeElectron();
    hardenSession(electron.module.session.defaultSession as never);
    const { request, check, device } = electron.permissionHandlers;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'openExternal',
      'pointerLock',
      'hid',
      'serial',
      'usb',
      'midiSysex',
    ]) {
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://threshold/' });
      expect(answers, permission).toEqual([false]);
      expect(check!({}, permission, 'app://threshold', {}), permission).toBe(false);
    }
    expect(device!({ deviceType: 'usb' })).toBe(false);
  });

  it("loads no remote content: only the app's own protocol (and inline data, blobs, devtools)", () => {
    const electron = createFakeElectron();
    hardenSession(electron.module.session.defaultSession as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      electron.permissionHandlers.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of [
      'https://evil.example/x.js',
      'http://127.0.0.1:9/',
      'ws://evil.example/',
      'file:///etc/passwd',
      'ftp://x/',
    ])
      expect(decide(url), url).toBe(true);
    for (const url of ['app://threshold/index.html', 'app://threshold/assets/app.js'])
      expect(decide(url), url).toBe(false);
  });

  it('sets one strict Content-Security-Policy everywhere the page is served', () => {
    const html = fs.readFileSync(path.join(REPO_ROOT, 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    for (const csp of [CONTENT_SECURITY_POLICY, BROWSER_CSP, meta!]) {
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    }
  });
});

describe('IPC', () => {
  function setup() {
    const electron = createFakeElectron();
    // (The third argument, the caller, is checked from the recorded calls.)
    const dispatch = vi.fn(
      async (...[channel, payload]: [channel: unknown, payload: unknown, caller?: unknown]) => ({
        ok: true as const,
        value: { channel, payload },
      }),
    );
    const win = new electron.FakeBrowserWindow({});
    const windows = new Set([win]);
    bindIpc(
      electron.module.ipcMain as never,
      dispatch,
      (wc) => electron.FakeBrowserWindow.fromWebContents(wc) as never,
      windows as never,
    );
    return { electron, dispatch, win, windows };
  }

  it('binds every channel of the contract, once', () => {
    const { electron } = setup();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it("serves the app's own top frame, and refuses unknown senders, other windows, subframes and other pages without calling the dispatcher", async () => {
    const { electron, dispatch, win } = setup();
    const handler = electron.ipcHandlers.get('threats:list')!;
    const top = { url: 'app://threshold/index.html', parent: null };
    const good = await handler({ sender: win.webContents, senderFrame: top }, { limit: 5 });
    expect(good).toEqual({ ok: true, value: { channel: 'threats:list', payload: { limit: 5 } } });
    expect(dispatch).toHaveBeenCalledTimes(1);
    // The window's own session: the host knows who is signed in there; the page cannot say.
    expect(dispatch.mock.calls[0]?.[2]).toEqual({ session: `window:${win.webContents.id}` });

    const stranger = new electron.FakeBrowserWindow({}); // a window the app did not register
    const cases = [
      { sender: new FakeWebContents(), senderFrame: top },
      { sender: stranger.webContents, senderFrame: top },
      { sender: win.webContents, senderFrame: { url: 'app://threshold/index.html', parent: top } },
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: win.webContents, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of cases) {
      for (const channel of ['threats:list', 'backups:restore', 'security:showDatabaseKey', 'files:save']) {
        const r = await electron.ipcHandlers.get(channel)!(event, { name: 'x', confirm: true });
        expect(r).toEqual({
          ok: false,
          error: { code: 'forbidden', message: expect.any(String), messageId: 'ipc/window-may-not-call' },
        });
      }
      expect(
        isTrustedSender(
          event as never,
          (wc) => electron.FakeBrowserWindow.fromWebContents(wc) as never,
          new Set([win]) as never,
        ),
      ).toBe(false);
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('the window', () => {
  it('is created isolated, sandboxed, without Node, with web security on and no webview or auxclick', () => {
    const win = createAppWindow('/app/preload.cjs', { width: 800, height: 600, x: 10, y: 20 }) as unknown as {
      options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    };
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options).toMatchObject({ width: 800, height: 600, x: 10, y: 20, show: false });
  });

  it("the shell's source never turns a protection off", () => {
    const dir = path.join(REPO_ROOT, 'src', 'main', 'electron');
    const source = fs
      .readdirSync(dir)
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(source).not.toMatch(
      /webSecurity:\s*false|contextIsolation:\s*false|sandbox:\s*false|nodeIntegration:\s*true|allowRunningInsecureContent:\s*true|webviewTag:\s*true/,
    );
    expect(source).not.toMatch(/\bremote\b.*require|enableRemoteModule/);
    expect(source).toMatch(/app\.enableSandbox\(\)/);
  });

  it('every window of the shell is made by the one constructor call that holds the secure web preferences', () => {
    const dir = path.join(REPO_ROOT, 'src', 'main', 'electron');
    const made = fs
      .readdirSync(dir)
      .flatMap((f) =>
        [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/new BrowserWindow\(/g)].map(() => f),
      );
    expect(made).toEqual(['window.ts']);
    const written = fs
      .readdirSync(dir)
      .filter((f) => /contextIsolation|webPreferences:/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(written).toEqual(['window.ts']);
  });
});

describe('the preload', () => {
  it('exposes one object, window.threshold: a function per channel and the menu listener, nothing of Electron', async () => {
    await import('../../src/preload/index');
    const { exposed, invoked } = fake.electron.calls;
    expect([...exposed.keys()]).toEqual(['threshold']);
    const api = exposed.get('threshold') as Record<string, unknown>;
    const leaves: string[] = [];
    for (const [domain, value] of Object.entries(api)) {
      if (typeof value === 'function') {
        leaves.push(domain);
        continue;
      }
      for (const [method, fn] of Object.entries(value as Record<string, unknown>)) {
        expect(typeof fn, `${domain}.${method}`).toBe('function');
        leaves.push(`${domain}:${method}`);
      }
    }
    expect(leaves.filter((l) => l.includes(':')).sort()).toEqual([...CHANNELS].sort());
    expect(leaves.filter((l) => !l.includes(':'))).toEqual(['onMenuCommand', 'onLiveUpdate']);
    const text = JSON.stringify(Object.keys(api));
    expect(text).not.toMatch(/ipcRenderer|send|invoke|require|process/);
    await (api.threats as Record<string, (r: unknown) => Promise<unknown>>).list!({ limit: 1 });
    expect(invoked).toEqual([['threats:list', { limit: 1 }]]);
    // Only known menu commands reach the page.
    const got: unknown[] = [];
    (api.onMenuCommand as (l: (c: unknown) => void) => () => void)((c) => got.push(c));
    for (const listener of fake.electron.module.ipcRenderer.listeners.get('menu:command') ?? []) {
      listener({}, 'go-log');
      listener({}, 'rm -rf /');
      listener({}, { toString: () => 'go-log' });
    }
    expect(got).toEqual(['go-log']);
  });
});

describe("the desktop app's key", () => {
  const open = (dbPath: string) =>
    openDesktopDatabase({
      dbPath,
      assetsDir: path.join(REPO_ROOT, 'assets'),
      appVersion: 'test',
      parent: () => null,
    });
  const caller = { session: 'window:1' };
  const setUp = (host: NonNullable<Awaited<ReturnType<typeof open>>>) =>
    host.dispatch(
      'setup:run',
      {
        organisation: { name: ORGANISATION },
        administrator: { name: ADMIN.name, passphrase: ADMIN.passphrase },
      },
      caller,
    );

  it('waits for setup on a new database, then keeps its random key in the OS key store, without asking', async () => {
    const dbPath = path.join(tempDir('trust-shell-new-'), 'threshold.db');
    const host = await open(dbPath);
    expect(host).not.toBeNull();
    expect(host!.databaseState()).toBe('needs-setup');
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(await setUp(host!)).toMatchObject({ ok: true });
    host!.close();
    expect(sniffFile(dbPath)).toBe('encrypted');
    expect(fs.existsSync(path.join(path.dirname(dbPath), KEY_FILE_NAME))).toBe(true);
    expect(fake.electron.calls.messageBoxes).toEqual([]);
    // The next start opens it with the kept key; people still sign in.
    const again = (await open(dbPath))!;
    expect(again.keySource).toBe('os');
    expect(again.databaseState()).toBe('open');
    expect((await again.dispatch('threats:list', {}, caller)).ok).toBe(false);
    again.close();
  });

  it("leaves an earlier version's plain database to setup, which encrypts it in place", async () => {
    const dbPath = path.join(tempDir('trust-shell-plain-'), 'threshold.db');
    closeDatabase(openDatabase(dbPath));
    const host = (await open(dbPath))!;
    expect(host.databaseState()).toBe('needs-setup');
    expect(sniffFile(dbPath)).toBe('plain');
    const report = await setUp(host);
    expect(report).toMatchObject({
      ok: true,
      value: { plainBackup: expect.stringMatching(/^threshold-pre-encryption-/) },
    });
    host.close();
    expect(sniffFile(dbPath)).toBe('encrypted');
  });

  it('without protected key storage keeps no key: passphrases open the database', async () => {
    fake.electron.safeStorage.backend = 'basic_text';
    const dir = tempDir('trust-shell-unprotected-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = (await open(dbPath))!;
    expect(await setUp(host)).toMatchObject({ ok: true });
    host.close();
    expect(sniffFile(dbPath)).toBe('encrypted');
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    const locked = (await open(dbPath))!;
    expect(locked.databaseState()).toBe('locked');
    expect(
      await locked.dispatch('session:signIn', { name: ADMIN.name, passphrase: ADMIN.passphrase }, caller),
    ).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(locked.databaseState()).toBe('open');
    locked.close();
    expect(fake.electron.calls.messageBoxes).toEqual([]);
  });

  it('refuses, in an error box, an encrypted database it holds neither a key nor key slots for', async () => {
    const dir = tempDir('trust-shell-foreign-');
    const dbPath = path.join(dir, 'threshold.db');
    closeDatabase(openDatabase(dbPath, { key: { kind: 'raw', hex: 'ef'.repeat(32) } }));
    expect(await open(dbPath)).toBeNull();
    expect(fake.electron.calls.errorBoxes[0]!.content).toMatch(/encrypted.*THRESHOLD_DB_KEY/s);
  });

  it('shows the key in a native window when an administrator asks through IPC, never in the reply, and records that it was shown', async () => {
    const dbPath = path.join(tempDir('trust-shell-show-'), 'threshold.db');
    const host = (await open(dbPath))!;
    await setUp(host);
    const keyHex = (
      await fake.electron.safeStorage.decryptStringAsync(
        fs.readFileSync(path.join(path.dirname(dbPath), KEY_FILE_NAME)),
      )
    ).result;
    fake.electron.messageBoxAnswers.push(0); // "Copy to the clipboard"
    const reply = await host.dispatch('security:showDatabaseKey', { confirm: true }, caller);
    expect(reply).toEqual({ ok: true, value: { shown: true } });
    expect(JSON.stringify(reply)).not.toContain(keyHex);
    expect(String(fake.electron.calls.messageBoxes.at(-1)!.detail)).toContain(`THRESHOLD_DB_KEY=${keyHex}`);
    expect(fake.electron.calls.clipboard).toBe(keyHex);
    expect(
      host.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'database.key-shown'").pluck().get(),
    ).toBe(1);
    const unconfirmed = await host.dispatch('security:showDatabaseKey', {}, caller);
    expect(unconfirmed.ok).toBe(false);
    // Another window, nobody signed in there: refused.
    expect(
      await host.dispatch('security:showDatabaseKey', { confirm: true }, { session: 'window:2' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    host.close();
  });
});
