// Nobody in, in browser mode: the server's socket is bound to loopback only (a connection to any of the
// machine's other addresses is refused, while a control server on all addresses is reachable there);
// requests without a session, from other origins or other host names are refused before they reach the
// services, and the database does not change. The launch token signs a browser in once, in real
// Chromium: a replay is refused, and no file of Chromium's profile (history, sessions, top sites, caches)
// ever holds it.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import { ADMIN, openTestApp, tempDir } from '../helpers/db';
import { databaseFingerprint } from '../helpers/snapshot';
import { election } from '../fixtures/mini-workspace';
import { recordFigures } from './helpers';

function otherAddresses(family: 'IPv4' | 'IPv6'): string[] {
  return Object.entries(os.networkInterfaces()).flatMap(([name, list]) =>
    (list ?? [])
      .filter((a) => !a.internal && a.family === family)
      .map((a) => (a.address.startsWith('fe80:') ? `${a.address}%${name}` : a.address)),
  );
}

function connect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** As the renderer does: the CSRF token from its cookie, in the header, with every request. */
function withCsrf(headers: Record<string, string> = {}): Record<string, string> {
  const csrf = /threshold_csrf=([^;]*)/.exec(headers.Cookie ?? '')?.[1];
  return csrf ? { 'X-Threshold-CSRF': csrf, ...headers } : headers;
}

function request(
  server: BrowserServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: opts.host ?? `127.0.0.1:${server.port}`, ...withCsrf(opts.headers) },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function serve(host?: '127.0.0.1' | '::1') {
  const app = (await openTestApp({ keep: true })).host;
  const staticDir = tempDir('trust-browser-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startBrowserServer({ dispatch: app.dispatch, staticDir, ...(host ? { host } : {}) });
  return { app, server };
}

describe('browser mode listens on loopback only', () => {
  it('refuses connections on every other address of this machine (IPv4), which a server on all addresses accepts', async () => {
    const { app, server } = await serve();
    expect((server as unknown as { origin: string }).origin).toBe(`http://127.0.0.1:${server.port}`);
    const addresses = otherAddresses('IPv4');
    // The control: something listening on all addresses is reachable on them (so a refusal means something).
    const control = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => control.listen(0, '0.0.0.0', () => r()));
    const controlPort = (control.address() as net.AddressInfo).port;
    for (const address of addresses) {
      expect(await connect(address, controlPort), `control on ${address}`).toBe('connected');
      expect(await connect(address, server.port), `browser mode on ${address}`).toBe('ECONNREFUSED');
    }
    control.close();
    expect(await connect('127.0.0.1', server.port)).toBe('connected');
    recordFigures('browser-mode', {
      otherAddressesTried: addresses.length + otherAddresses('IPv6').length,
      addresses: [...addresses, ...otherAddresses('IPv6')],
    });
    await server.close();
    app.close();
  });

  it('on ::1, refuses every other IPv6 address', async () => {
    const { app, server } = await serve('::1');
    for (const address of otherAddresses('IPv6'))
      expect(await connect(address, server.port), address).toBe('ECONNREFUSED');
    expect(await connect('::1', server.port)).toBe('connected');
    expect(await connect('127.0.0.1', server.port)).toBe('ECONNREFUSED');
    await server.close();
    app.close();
  });

  it('refuses anything but loopback when asked to listen elsewhere', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.2', 'localhost.evil.example', '']) {
      await expect(
        startBrowserServer({
          dispatch: async () => ({ ok: true, value: null }),
          staticDir: tempDir(),
          host: host as never,
        }),
      ).rejects.toThrow(/loopback/);
    }
  });
});

/** Signs in with the server's launch token, as the launch file does; the session cookie. */
async function signIn(server: BrowserServer): Promise<string> {
  const reply = await request(server, {
    method: 'POST',
    path: '/session',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' },
    body: new URLSearchParams({ token: server.token }).toString(),
  });
  expect(reply.status).toBe(200);
  return reply.cookies.map((c) => c.split(';')[0]).join('; ');
}

describe('browser mode refuses requests without a session, from other origins, for other hosts', () => {
  it('never lets a refused request reach the services: the database is unchanged', async () => {
    const { app, server } = await serve();
    const before = databaseFingerprint(app.db);
    const body = JSON.stringify({ election });
    const json = { 'Content-Type': 'application/json' };
    const token = server.token;
    const session = { Cookie: await signIn(server) };
    // The browser is signed in to the run, and a person to it (their account: they may write).
    const person = await request(server, {
      method: 'POST',
      path: '/api/session:signIn',
      headers: { ...json, ...session },
      body: JSON.stringify(ADMIN),
    });
    expect(JSON.parse(person.body)).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    const refused: [string, Parameters<typeof request>[1], number][] = [
      ['no session', { method: 'POST', path: '/api/elections:save', headers: json, body }, 401],
      [
        'the launch token as a bearer token',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, Authorization: `Bearer ${token}` },
          body,
        },
        401,
      ],
      [
        'the launch token in the query',
        { method: 'POST', path: `/api/elections:save?token=${token}`, headers: json, body },
        401,
      ],
      [
        'the launch token as the session cookie',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, Cookie: `threshold_session=${token}` },
          body,
        },
        401,
      ],
      [
        'a made-up session',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, Cookie: `threshold_session=${'A'.repeat(43)}` },
          body,
        },
        401,
      ],
      [
        'other origin',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, ...session, Origin: 'http://evil.example' },
          body,
        },
        403,
      ],
      [
        'null origin',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, ...session, Origin: 'null' },
          body,
        },
        403,
      ],
      [
        'look-alike origin',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, ...session, Origin: `http://127.0.0.1:${server.port}.evil.example` },
          body,
        },
        403,
      ],
      [
        'rebound host name',
        {
          method: 'POST',
          path: '/api/elections:save',
          host: `evil.example:${server.port}`,
          headers: { ...json, ...session },
          body,
        },
        421,
      ],
      [
        'other port in Host',
        {
          method: 'POST',
          path: '/api/elections:save',
          host: `127.0.0.1:${server.port + 1}`,
          headers: { ...json, ...session },
          body,
        },
        421,
      ],
      [
        'form post (no JSON)',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...session, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        },
        415,
      ],
      ['GET on the API', { method: 'GET', path: '/api/elections:list', headers: session }, 405],
      ['page without a session', { path: '/' }, 401],
      ['page with the token in the address', { path: `/?token=${token}` }, 401],
      [
        'the spent launch token again',
        {
          method: 'POST',
          path: '/session',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' },
          body: new URLSearchParams({ token }).toString(),
        },
        401,
      ],
    ];
    for (const [what, opts, status] of refused) {
      const r = await request(server, opts);
      expect(r.status, what).toBe(status);
    }
    expect(databaseFingerprint(app.db)).toBe(before);
    // The same request with the session is served and writes: the refusals above were the guard at work.
    const ok = await request(server, {
      method: 'POST',
      path: '/api/elections:save',
      headers: { ...json, ...session },
      body,
    });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { id: election.id } });
    expect(databaseFingerprint(app.db)).not.toBe(before);
    // Browser mode cannot show the key; it can restore (through the host).
    const key = await request(server, {
      method: 'POST',
      path: '/api/security:showDatabaseKey',
      headers: { ...json, ...session },
      body: '{"confirm":true}',
    });
    expect(JSON.parse(key.body)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const overview = await request(server, {
      method: 'POST',
      path: '/api/backups:list',
      headers: { ...json, ...session },
      body: '{}',
    });
    expect(JSON.parse(overview.body)).toMatchObject({
      ok: true,
      value: { canRestore: true, canShowKey: false },
    });
    recordFigures('browser-refusals', { refusedRequests: refused.length });
    await server.close();
    app.close();
  });
});

describe('browser mode in Chromium: the token signs in once and leaves no trace', () => {
  it(
    'signs in from the launch file; a replay fails; history, sessions and caches never hold the token',
    { timeout: 180_000 },
    async () => {
      const { app, server } = await serve();
      const launchHtml = fs.readFileSync(fileURLToPath(server.url), 'utf8');
      const profile = tempDir('trust-chromium-profile-');
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await page.waitForURL(`${server.origin}/`);
      await expect(page.title()).resolves.toBe('t');
      // The page's own requests carry the session; scripts cannot read it.
      const fromPage = (await page.evaluate(
        // (session:status answers anyone with the browser's session, before a person signs in to it.)
        `fetch('/api/session:status', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Threshold-CSRF': document.cookie.split('threshold_csrf=')[1] }, body: '{}' }).then((r) => r.json())`,
      )) as {
        ok: boolean;
      };
      expect(fromPage.ok).toBe(true);
      // Scripts see the CSRF token (for the header of every write), never the session.
      await expect(page.evaluate('document.cookie')).resolves.toMatch(/^threshold_csrf=[A-Za-z0-9_-]{40,}$/);
      expect(page.url()).not.toContain(server.token);
      // The launch file is gone; the same token, replayed from a copy of it in a fresh browser, is refused.
      expect(fs.existsSync(fileURLToPath(server.url))).toBe(false);
      const copy = path.join(tempDir('trust-replay-'), 'copy.html');
      fs.writeFileSync(copy, launchHtml);
      const fresh = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
      const replay = await (await fresh.newContext()).newPage();
      await replay.goto(pathToFileURL(copy).href);
      await replay.waitForURL(`${server.origin}/session`);
      await expect(replay.textContent('body')).resolves.toContain('has been used already');
      // It got no session: no cookie at all.
      await expect(replay.context().cookies()).resolves.toEqual([]);
      await fresh.close();
      await page.goto(`${server.origin}/#/elsewhere`);
      await context.close();
      // Chromium's profile, closed: its history knows the addresses visited, none with the token; no file
      // of the profile (history, sessions, top sites, caches) holds it.
      const history = new Database(path.join(profile, 'Default', 'History'), { readonly: true });
      const urls = history.prepare('SELECT url FROM urls').pluck().all() as string[];
      history.close();
      expect(urls).toContain(`${server.origin}/`);
      expect(urls.filter((u) => u.includes(server.token))).toEqual([]);
      const holding = filesHolding(profile, server.token);
      expect(holding).toEqual([]);
      recordFigures('browser-sign-in', {
        historyUrls: urls.length,
        profileFilesSearched: countFiles(profile),
      });
      await server.close();
      app.close();
    },
  );
});

function filesHolding(dir: string, secret: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesHolding(full, secret));
    else if (entry.isFile() && fs.readFileSync(full).includes(secret)) out.push(full);
  }
  return out;
}

function countFiles(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}
