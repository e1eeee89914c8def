// Nobody in, in browser mode: the server's socket is bound to loopback only (a connection to any of the
// machine's other addresses is refused, while a control server on all addresses is reachable there);
// requests without the token, from other origins or other host names are refused before they reach the
// services, and the database does not change.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
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

function request(
  server: BrowserServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<{ status: number; body: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: opts.host ?? `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}),
          }),
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

/** Signs a browser in through the server, as the page does: its session cookie. */
async function signedInCookie(server: BrowserServer): Promise<string> {
  const r = await request(server, {
    method: 'POST',
    path: '/api/session:signIn',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(ADMIN),
  });
  expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'signed-in' } });
  return r.cookie!;
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

describe('browser mode refuses requests without the token, from other origins, for other hosts', () => {
  it('never lets a refused request reach the services: the database is unchanged', async () => {
    const { app, server } = await serve();
    const signedIn = await signedInCookie(server);
    const before = databaseFingerprint(app.db);
    const body = JSON.stringify({ election });
    const json = { 'Content-Type': 'application/json' };
    const auth = { Authorization: `Bearer ${server.token}`, Cookie: signedIn };
    const refused: [string, Parameters<typeof request>[1], number][] = [
      ['no token', { method: 'POST', path: '/api/elections:save', headers: json, body }, 401],
      [
        'wrong token',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, Authorization: `Bearer ${'A'.repeat(server.token.length)}` },
          body,
        },
        401,
      ],
      [
        'token in the query only',
        { method: 'POST', path: `/api/elections:save?token=${server.token}`, headers: json, body },
        401,
      ],
      [
        'token as a cookie only',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, Cookie: `threshold_token=${server.token}` },
          body,
        },
        401,
      ],
      [
        'other origin',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, ...auth, Origin: 'http://evil.example' },
          body,
        },
        403,
      ],
      [
        'null origin',
        { method: 'POST', path: '/api/elections:save', headers: { ...json, ...auth, Origin: 'null' }, body },
        403,
      ],
      [
        'look-alike origin',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...json, ...auth, Origin: `http://127.0.0.1:${server.port}.evil.example` },
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
          headers: { ...json, ...auth },
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
          headers: { ...json, ...auth },
          body,
        },
        421,
      ],
      [
        'form post (no JSON)',
        {
          method: 'POST',
          path: '/api/elections:save',
          headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        },
        415,
      ],
      ['GET on the API', { method: 'GET', path: '/api/elections:list', headers: auth }, 405],
      ['page without token', { path: '/' }, 401],
    ];
    for (const [what, opts, status] of refused) {
      const r = await request(server, opts);
      expect(r.status, what).toBe(status);
    }
    expect(databaseFingerprint(app.db)).toBe(before);
    // The same request with the token is served and writes: the refusals above were the guard at work.
    const ok = await request(server, {
      method: 'POST',
      path: '/api/elections:save',
      headers: { ...json, ...auth },
      body,
    });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { id: election.id } });
    expect(databaseFingerprint(app.db)).not.toBe(before);
    // Browser mode cannot show the key; it can restore (through the host).
    const key = await request(server, {
      method: 'POST',
      path: '/api/security:showDatabaseKey',
      headers: { ...json, ...auth },
      body: '{"confirm":true}',
    });
    expect(JSON.parse(key.body)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const overview = await request(server, {
      method: 'POST',
      path: '/api/backups:list',
      headers: { ...json, ...auth },
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
