// The desktop app connecting to a team server, in the shell (against the fake `electron`: its binary
// cannot run here): File → Connect to a Team Server… reaches the page; the team window has no preload, a
// session of its own whose certificate check accepts only the pinned certificate (a changed one is
// refused, with a message, once), nothing loaded from elsewhere, no permissions; navigation stays on the
// server; the local window's rules are unchanged.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serverCertificate } from '../../src/main/serve/certificate';
import { tempDir } from '../helpers/db';
import type { FakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./fake-electron');
  fake.electron = create();
  return fake.electron.module;
});

const { teamWindowPort } = await import('../../src/main/electron/team-window');
const { hardenApp } = await import('../../src/main/electron/security');
const { menuTemplate } = await import('../../src/main/electron/menu');
const { PinStore } = await import('../../src/main/team/pins-store');

async function certificate(): Promise<{ pem: string; fingerprint: string }> {
  const c = await serverCertificate({ dbPath: path.join(tempDir(), 'team.db'), host: '127.0.0.1' });
  return { pem: c.cert, fingerprint: c.fingerprint };
}

function navEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('File → Connect to a Team Server…', () => {
  it('is in the File menu and sends its command to the page', () => {
    const sent: string[] = [];
    const template = menuTemplate({
      send: (c) => sent.push(c),
      about: () => undefined,
      isMac: false,
      devTools: false,
    });
    const file = template.find((m) => m.label === '&File');
    const item = (file?.submenu as { label?: string; click?: () => void }[]).find(
      (i) => i.label === 'Connect to a Team Server…',
    );
    item?.click?.();
    expect(sent).toEqual(['connect-team-server']);
  });
});

describe('the team window', () => {
  it('opens the server without a preload, in a session that accepts only the pinned certificate', async () => {
    const pinned = await certificate();
    const other = await certificate();
    const origin = 'https://127.0.0.1:8443';
    const pins = new PinStore(path.join(tempDir(), 'team-servers.json'));
    pins.pin(origin, pinned.fingerprint, new Date());
    hardenApp(fake.electron.module.app as never, () => undefined);
    teamWindowPort(pins).open(origin);

    const win = fake.electron.windows.at(-1)!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBeUndefined();
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(prefs.partition).toMatch(/^persist:team-[0-9a-f]{16}$/);
    expect((win as unknown as { loadedUrl: string }).loadedUrl).toBe(`${origin}/`);

    const ses = fake.electron.partitions.get(prefs.partition as string)!;
    const verify = (hostname: string, pem: string) =>
      new Promise<number>((resolve) => ses.verifyProc!({ hostname, certificate: { data: pem } }, resolve));
    expect(await verify('127.0.0.1', pinned.pem)).toBe(0);
    expect(fake.electron.calls.messageBoxes).toEqual([]);
    // Another certificate for the pinned server: refused, and the person is told why, once.
    expect(await verify('127.0.0.1', other.pem)).toBe(-2);
    expect(await verify('127.0.0.1', other.pem)).toBe(-2);
    expect(fake.electron.calls.messageBoxes).toHaveLength(1);
    expect(fake.electron.calls.messageBoxes[0]).toMatchObject({
      type: 'error',
      message: expect.stringContaining('certificate has changed'),
      detail: expect.stringContaining(`Trusted: ${pinned.fingerprint}. Presented: ${other.fingerprint}.`),
    });
    // Another host, even with the pinned certificate, or a certificate that does not parse: refused.
    expect(await verify('evil.example', pinned.pem)).toBe(-2);
    expect(await verify('127.0.0.1', 'not a certificate')).toBe(-2);

    // Nothing from elsewhere; no permission.
    const cancel = (url: string) =>
      new Promise<boolean>((resolve) => ses.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await cancel(`${origin}/assets/app.js`)).toBe(false);
    expect(await cancel('https://evil.example/x.js')).toBe(true);
    expect(await cancel('https://127.0.0.1:8444/')).toBe(true);
    expect(await cancel('app://threshold/index.html')).toBe(true);
    const granted = await new Promise<boolean>((resolve) => ses.permissionRequest!({}, 'media', resolve));
    expect(granted).toBe(false);

    // Navigation stays on the server (the app's own address too); elsewhere is refused.
    for (const [url, allowed] of [
      [`${origin}/#/log`, true],
      ['https://evil.example/', false],
      ['https://127.0.0.1:8443.evil.example/', false],
    ] as const) {
      const e = navEvent();
      win.webContents.emit('will-navigate', e, url);
      expect(e.prevented, url).toBe(!allowed);
    }
    // The local window is unchanged: it may not navigate to the team server.
    const local = new fake.electron.FakeBrowserWindow({});
    const e = navEvent();
    local.webContents.emit('will-navigate', e, `${origin}/`);
    expect(e.prevented).toBe(true);
  });
});
