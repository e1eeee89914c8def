// The Electron main process as it starts, against the fake `electron` module: sandbox for every
// renderer, the app:// protocol serving only the renderer folder, the session and every web contents
// hardened, the database opened encrypted, every channel bound behind the sender check.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { sniffFile } from '../../src/main/db/encryption';
import { REPO_ROOT, tempDir } from '../helpers/db';
import type { FakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.electron = createFakeElectron({ ready: false });
  return fake.electron.module;
});

describe('the main process', () => {
  it('starts hardened, with its database encrypted, and serves IPC only to its own window', async () => {
    const userData = tempDir('trust-main-userdata-');
    const appPath = tempDir('trust-main-app-');
    fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(
      path.join(appPath, 'dist', 'renderer', 'index.html'),
      '<!doctype html><title>app</title>',
    );
    fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(appPath, 'secret.txt'), 'outside the renderer folder');
    fs.symlinkSync(path.join(REPO_ROOT, 'assets'), path.join(appPath, 'assets'));
    const dbPath = path.join(userData, 'threshold.db');
    process.env.THRESHOLD_DB = dbPath;
    delete process.env.THRESHOLD_DB_KEY;

    const electronModule = await import('electron');
    const e = fake.electron;
    e.app.paths.userData = userData;
    e.app.appPath = appPath;
    expect(electronModule.app).toBe(e.app as unknown);

    await import('../../src/main/electron/index');
    // However long start-up takes on a busy machine (the test's own timeout guards against a hang).
    while (e.windows.length === 0 && e.calls.errorBoxes.length === 0)
      await new Promise((r) => setTimeout(r, 10));

    // Sandbox for every renderer, and the app's own privileged, secure scheme.
    expect(e.calls.enableSandbox).toBe(1);
    expect(e.calls.registeredSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    // Session hardened before anything loads.
    expect(e.permissionHandlers.request).toBeTypeOf('function');
    expect(e.permissionHandlers.beforeRequest).toBeTypeOf('function');
    // One window, hardened (the fake emits web-contents-created for it), loading the app's own page.
    expect(e.windows).toHaveLength(1);
    const [win] = e.windows;
    expect(win!.loadedUrl).toBe('app://threshold/index.html');
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win!.webContents.windowOpenHandler).toBeTypeOf('function');
    // The database: created encrypted, with the OS-protected key beside it.
    expect(sniffFile(dbPath)).toBe('encrypted');
    expect(fs.existsSync(path.join(userData, 'threshold.key'))).toBe(true);

    // Every channel bound; the window's top frame is served, anything else refused.
    expect([...e.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const info = (await e.ipcHandlers.get('app:info')!(
      { sender: win!.webContents, senderFrame: { url: 'app://threshold/index.html', parent: null } },
      {},
    )) as { ok: boolean; value: { mode: string; dbPath: string } };
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dbPath } });
    const refused = await e.ipcHandlers.get('app:info')!(
      { sender: win!.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The app:// protocol serves the renderer folder and nothing outside it.
    const serve = e.calls.protocolHandlers.get('app')!;
    const body = async (url: string) => {
      const res = (await serve({ url })) as Response;
      return { text: await res.text(), csp: res.headers.get('content-security-policy') };
    };
    expect((await body('app://threshold/app.js')).text).toBe('console.log(1)');
    for (const url of [
      'app://threshold/../secret.txt',
      'app://threshold/%2e%2e/secret.txt',
      'app://threshold/..%2fsecret.txt',
      'app://threshold/%2e%2e%2fsecret.txt',
    ]) {
      const r = await body(url);
      expect(r.text, url).not.toContain('outside the renderer folder');
    }
    expect((await body('app://threshold/index.html')).csp).toMatch(/default-src 'none'/);
    // A malformed escape is a bad request, not an exception; a missing file is not the page.
    const status = async (url: string) => ((await serve({ url })) as Response).status;
    expect(await status('app://threshold/%E0%A4%A')).toBe(400);
    expect(await status('app://threshold/%')).toBe(400);
    expect(await status('app://threshold/api/threats%3Alist')).toBe(404);
    expect(await status('app://threshold/')).toBe(200);

    // A page that cancels unloading (an unsaved form) gets Electron's missing prompt: Leave or Stay.
    const unload = () => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      win!.webContents.emit('will-prevent-unload', event);
      return event.prevented;
    };
    e.messageBoxAnswers.push(0);
    expect(unload()).toBe(true); // Leave: the window closes, the app quits, the page reloads
    const [box] = e.calls.messageBoxes.slice(-1);
    expect(box).toMatchObject({ buttons: ['Leave', 'Stay'], defaultId: 1, cancelId: 1 });
    e.messageBoxAnswers.push(1);
    expect(unload()).toBe(false); // Stay: nothing is lost

    e.app.emit('will-quit');
    delete process.env.THRESHOLD_DB;
  });
});
