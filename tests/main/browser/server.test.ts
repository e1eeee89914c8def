import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../src/main/browser/server';
import { openTestApp, tempDir } from '../../helpers/db';

function request(
  server: BrowserServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function serve() {
  const app = openTestApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  const server = await startBrowserServer({ dispatch: app.dispatch, staticDir });
  return { app, server };
}

const api = (server: BrowserServer, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request(server, {
    method: 'POST',
    path: `/api/${channel}`,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
  });

describe('browser mode server', () => {
  it('listens on loopback with a random port and prints a tokened address', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
    expect(server.port).toBeGreaterThan(0);
    await server.close();
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(
      startBrowserServer({
        dispatch: async () => ({ ok: true, value: null }),
        staticDir: tempDir(),
        host: '0.0.0.0' as never,
      }),
    ).rejects.toThrow(/loopback/);
  });

  it('answers the API with the token and refuses it without, or with a wrong one', async () => {
    const { server } = await serve();
    const ok = await api(server, 'app:info', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { empty: true } });
    expect((await api(server, 'app:info', {}, { Authorization: '' })).status).toBe(401);
    expect(
      (await api(server, 'app:info', {}, { Authorization: `Bearer ${server.token.slice(0, -1)}x` })).status,
    ).toBe(401);
    await server.close();
  });

  it('refuses other origins and other host names (DNS rebinding)', async () => {
    const { server } = await serve();
    expect((await api(server, 'app:info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (
        await request(server, {
          method: 'POST',
          path: '/api/app:info',
          host: 'evil.example',
          headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(421);
    expect((await api(server, 'app:info', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(
      200,
    );
    await server.close();
  });

  it('serves the page only with the token, then by its same-site cookie, with a strict CSP', async () => {
    const { server } = await serve();
    expect((await request(server, { path: '/' })).status).toBe(401);
    const first = await request(server, { path: `/?token=${server.token}` });
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(first.headers['set-cookie']?.[0]).split(';')[0]!;
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await request(server, { path: '/app.js', headers: { Cookie: cookie } })).body).toBe(
      'console.log(1)',
    );
    expect((await request(server, { path: '/app.js' })).status).toBe(401);
    await server.close();
  });

  it('never serves files outside the renderer folder', async () => {
    const { server } = await serve();
    const res = await request(server, { path: `/../../../../etc/passwd?token=${server.token}` });
    expect(res.body).not.toContain('root:');
    const encoded = await request(server, { path: `/%2e%2e/%2e%2e/etc/passwd?token=${server.token}` });
    expect(encoded.body).not.toContain('root:');
    await server.close();
  });

  it('returns typed errors for bad channels and bodies, and keeps serving', async () => {
    const { server } = await serve();
    expect(JSON.parse((await api(server, 'nope:nothing', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const bad = await request(server, {
      method: 'POST',
      path: '/api/app:info',
      body: '{oops',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await api(server, 'app:info', {})).status).toBe(200);
    await server.close();
  });

  it('answers 400, not 500, to a channel name with malformed percent-encoding, and keeps serving', async () => {
    const { server } = await serve();
    for (const channel of ['%E0%A4%A', '%', 'app%3', '%FF%FE', '%C0%AF']) {
      const res = await api(server, channel, {});
      expect(res.status, channel).toBe(400);
      expect(JSON.parse(res.body), channel).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect((await api(server, 'app%3Ainfo', {})).status).toBe(200);
    await server.close();
  });
});
