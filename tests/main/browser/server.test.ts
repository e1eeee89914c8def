import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../src/main/browser/server';
import { ADMIN, openTestApp, tempDir } from '../../helpers/db';

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(
  server: BrowserServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<Reply> {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** As the renderer does: the CSRF token from its cookie, in the header, with every request. */
function withCsrf(headers: Record<string, string> = {}): Record<string, string> {
  const csrf = /threshold_csrf=([^;]*)/.exec(headers.Cookie ?? '')?.[1];
  return csrf && !('X-Threshold-CSRF' in headers) ? { 'X-Threshold-CSRF': csrf, ...headers } : headers;
}

/** The cookies a sign-in set, as a browser sends them back. */
const cookiesOf = (reply: Reply): string =>
  (reply.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

async function serve() {
  const app = await openTestApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  const server = await startBrowserServer({ dispatch: app.host.dispatch, staticDir });
  return { app, server };
}

/** Posts a launch token to /session, as the launch file does (its origin is "null"). */
const signIn = (server: BrowserServer, token: string, origin = 'null') =>
  request(server, {
    method: 'POST',
    path: '/session',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ token }).toString(),
  });

/** Signs in with the server's launch token; the session cookie to send back. */
async function session(server: BrowserServer): Promise<string> {
  const reply = await signIn(server, server.token);
  expect(reply.status).toBe(200);
  return cookiesOf(reply);
}

/** A second browser: a launch token of its own. */
async function session2(server: BrowserServer): Promise<string> {
  const reply = await signIn(server, server.launch().token);
  expect(reply.status).toBe(200);
  return cookiesOf(reply);
}

const api = (server: BrowserServer, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request(server, {
    method: 'POST',
    path: `/api/${channel}`,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('browser mode server', () => {
  it('listens on loopback with a random port and gives a launch file that posts a one-time token', async () => {
    const { server } = await serve();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toMatch(/^file:\/\/.*open-threshold-.*\.html$/);
    const file = fileURLToPath(server.url);
    // Readable by its owner only, and the token in it is not in its name.
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(server.url).not.toContain(server.token);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(`action="${server.origin}/session"`);
    expect(html).toContain(`value="${server.token}"`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await server.close();
    expect(fs.existsSync(file)).toBe(false);
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

  it('exchanges the launch token for an HttpOnly, SameSite=Strict session cookie once; a replay is refused', async () => {
    const { server } = await serve();
    const file = fileURLToPath(server.url);
    const first = await signIn(server, server.token);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']?.[0]).toMatch(
      /^threshold_session=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/,
    );
    expect(first.headers['set-cookie']?.[0]).not.toContain(server.token);
    expect(first.body).toContain('http-equiv="refresh" content="0;url=/"');
    // The launch file is gone, and its token is spent.
    expect(fs.existsSync(file)).toBe(false);
    const replay = await signIn(server, server.token);
    expect(replay.status).toBe(401);
    expect(replay.headers['set-cookie']).toBeUndefined();
    expect(replay.body).toContain('has been used already');
    const wrong = await signIn(server, `${server.token.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('not the sign-in code');
    // The sign-in page, from the app's own origin, works the same way with a fresh token.
    const other = server.launch();
    expect((await signIn(server, other.token, server.origin)).status).toBe(200);
    expect((await signIn(server, other.token, server.origin)).status).toBe(401);
    // Other origins cannot sign in.
    expect((await signIn(server, server.launch().token, 'http://evil.example')).status).toBe(403);
    await server.close();
  });

  it('answers the API with a session and refuses it without, with a made-up one, or with the token', async () => {
    const { server } = await serve();
    const token = server.token;
    expect((await api(server, 'app:info', {})).status).toBe(401);
    expect((await api(server, 'app:info', {}, { Authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await api(server, 'app:info', {}, { Cookie: `threshold_session=${token}` })).status).toBe(401);
    expect(
      (await api(server, 'app:info', {}, { Cookie: `threshold_session=${'A'.repeat(43)}` })).status,
    ).toBe(401);
    const cookie = await session(server);
    // The browser is in; nobody is signed in in it yet: its session is its own.
    const before = await api(server, 'app:info', {}, { Cookie: cookie });
    expect(before.status).toBe(200);
    expect(JSON.parse(before.body)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    const signedIn = await api(server, 'session:signIn', ADMIN, { Cookie: cookie });
    expect(JSON.parse(signedIn.body)).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    const ok = await api(server, 'app:info', {}, { Cookie: cookie });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({
      ok: true,
      value: { empty: true, identity: { name: ADMIN.name } },
    });
    // Another browser, signed in to the run but not as anyone, is not signed in by it.
    const other = await session2(server);
    expect(JSON.parse((await api(server, 'app:info', {}, { Cookie: other })).body)).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    await server.close();
  });

  it('refuses other origins and other host names (DNS rebinding)', async () => {
    const { server } = await serve();
    const cookie = await session(server);
    expect(
      (await api(server, 'app:info', {}, { Cookie: cookie, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect((await api(server, 'app:info', {}, { Cookie: cookie, Origin: 'null' })).status).toBe(403);
    expect(
      (
        await request(server, {
          method: 'POST',
          path: '/api/app:info',
          host: 'evil.example',
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(421);
    expect((await api(server, 'app:info', {}, { Cookie: cookie, Origin: server.origin })).status).toBe(200);
    await server.close();
  });

  it('serves the page only to a signed-in browser, with a strict CSP; never by a token in the address', async () => {
    const { server } = await serve();
    const bare = await request(server, { path: '/' });
    expect(bare.status).toBe(401);
    expect(bare.body).toContain('<form method="post" action="/session">');
    expect(bare.headers['content-security-policy']).toContain("form-action 'self'");
    expect((await request(server, { path: `/?token=${server.token}` })).status).toBe(401);
    const cookie = await session(server);
    const page = await request(server, { path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(server, { path: '/app.js', headers: { Cookie: cookie } })).body).toBe(
      'console.log(1)',
    );
    expect((await request(server, { path: '/app.js' })).status).toBe(401);
    await server.close();
  });

  it('never serves files outside the renderer folder', async () => {
    const { server } = await serve();
    const cookie = await session(server);
    const res = await request(server, { path: '/../../../../etc/passwd', headers: { Cookie: cookie } });
    expect(res.body).not.toContain('root:');
    const encoded = await request(server, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: { Cookie: cookie } });
    expect(encoded.body).not.toContain('root:');
    await server.close();
  });

  it('returns typed errors for bad channels and bodies, and keeps serving', async () => {
    const { server } = await serve();
    const cookie = await session(server);
    expect(JSON.parse((await api(server, 'nope:nothing', {}, { Cookie: cookie })).body)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const bad = await request(server, {
      method: 'POST',
      path: '/api/app:info',
      body: '{oops',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await api(server, 'app:info', {}, { Cookie: cookie })).status).toBe(200);
    await server.close();
  });

  it('answers 400, not 500, to a channel name with malformed percent-encoding, and keeps serving', async () => {
    const { server } = await serve();
    const cookie = await session(server);
    for (const channel of ['%E0%A4%A', '%', 'app%3', '%FF%FE', '%C0%AF']) {
      const res = await api(server, channel, {}, { Cookie: cookie });
      expect(res.status, channel).toBe(400);
      expect(JSON.parse(res.body), channel).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect((await api(server, 'app%3Ainfo', {}, { Cookie: cookie })).status).toBe(200);
    await server.close();
  });
});

describe('the four-eyes rule over HTTP', () => {
  it('refuses a drafter approving their own draft, even naming someone else; another approver may', async () => {
    const { app, server } = await serve();
    await app.call('workspace:loadSample');
    const ana = { name: 'Ana Ruiz', passphrase: 'ana-ruiz-velvet-compass-harbour-4' };
    const marie = { name: 'Marie Gagnon', passphrase: 'marie-gagnon-amber-kettle-window-9' };
    await app.call('accounts:create', { ...ana, roles: ['communications', 'approver'] });
    await app.call('accounts:create', { ...marie, roles: ['approver'] });
    const browser = async (person: { name: string; passphrase: string }) => {
      const cookie = await session2(server);
      expect(JSON.parse((await api(server, 'session:signIn', person, { Cookie: cookie })).body).ok).toBe(
        true,
      );
      return async (channel: string, body: unknown) =>
        JSON.parse((await api(server, channel, body, { Cookie: cookie })).body) as {
          ok: boolean;
          value?: { id: string; draft: { status: string; approvals?: { approved?: { name: string } } } };
          error?: { code: string; message: string };
        };
    };
    const asAna = await browser(ana);
    const plan = await asAna('drafting:createPlan', {
      threatIds: ['lk27-001'],
      cluster: false,
      asOf: '2027-05-12T12:00:00Z',
    });
    const draft = await asAna('drafting:createDraft', {
      planId: plan.value!.id,
      template: 'public-statement',
    });
    const draftId = draft.value!.id;
    const own = await asAna('drafting:approve', { draftId, expectedVersion: 1, passphrase: ana.passphrase });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(own.error!.message).toMatch(/wrote|drafted/);
    // A request naming someone else as the signer is refused outright: who signs is the session's account.
    const typed = await asAna('drafting:approve', {
      draftId,
      expectedVersion: 1,
      passphrase: ana.passphrase,
      signer: { name: marie.name, role: 'approver' },
    });
    expect(typed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const asMarie = await browser(marie);
    const approved = await asMarie('drafting:approve', {
      draftId,
      expectedVersion: 1,
      passphrase: marie.passphrase,
    });
    expect(approved.ok, JSON.stringify(approved.error)).toBe(true);
    expect(approved.value!.draft.approvals?.approved?.name).toBe(marie.name);
    await server.close();
  });
});
