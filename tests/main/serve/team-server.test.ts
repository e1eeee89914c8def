// The team server (`threshold serve`, in-process): HTTPS only, a session cookie per browser (HttpOnly,
// Secure, SameSite=Strict), the CSRF token on every write, sign-in slowed down per address and per
// name, /healthz without data, and a log of JSON lines that holds nothing the team recorded.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestLogLine } from '../../../src/main/browser/request-log';
import { startTeamServer, type TeamServer } from '../../../src/main/serve/team-server';
import { election, threat } from '../../fixtures/mini-workspace';
import { ADMIN, openTestApp, tempDir } from '../../helpers/db';

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  fingerprint: string;
}

/** A set-up database on disk, closed (the server opens it), and a renderer folder of one page. */
async function setUpDatabase(): Promise<{ file: string; staticDir: string }> {
  const app = await openTestApp({ keep: true });
  const dir = tempDir('threshold-serve-');
  const file = path.join(dir, 'team.db');
  app.host.close();
  fs.copyFileSync(app.file, file);
  if (fs.existsSync(`${app.file}.keyring`)) fs.copyFileSync(`${app.file}.keyring`, `${file}.keyring`);
  fs.rmSync(app.dir, { recursive: true, force: true });
  const staticDir = tempDir('threshold-serve-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  return { file, staticDir };
}

async function serve(): Promise<TeamServer & { lines: RequestLogLine[]; text: string[] }> {
  const { file, staticDir } = await setUpDatabase();
  const text: string[] = [];
  const team = await startTeamServer({
    dbPath: file,
    host: '127.0.0.1',
    port: 0,
    staticDir,
    env: {},
    write: (line) => text.push(line),
  });
  return {
    ...team,
    text,
    get lines() {
      return text.map((t) => JSON.parse(t) as RequestLogLine);
    },
  };
}

function request(
  team: TeamServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: team.server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        // The self-signed certificate, pinned by its fingerprint below (as the desktop app does).
        rejectUnauthorized: false,
        headers: { Host: `127.0.0.1:${team.server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        const fingerprint = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers, fingerprint }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** A browser opens the page: its session and CSRF cookies, as it sends them back, and the token. */
async function openPage(team: TeamServer): Promise<{ cookie: string; csrf: string; reply: Reply }> {
  const reply = await request(team, { path: '/' });
  const cookies = reply.headers['set-cookie'] ?? [];
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const csrf = /threshold_csrf=([^;]*)/.exec(cookie)?.[1] ?? '';
  return { cookie, csrf, reply };
}

async function api(
  team: TeamServer,
  channel: string,
  payload: unknown,
  browser: { cookie: string; csrf?: string },
  extra: Record<string, string> = {},
) {
  const reply = await request(team, {
    method: 'POST',
    path: `/api/${channel}`,
    body: JSON.stringify(payload),
    headers: {
      'Content-Type': 'application/json',
      Cookie: browser.cookie,
      ...(browser.csrf !== undefined ? { 'X-Threshold-CSRF': browser.csrf } : {}),
      ...extra,
    },
  });
  // As a browser does: cookies the answer sets replace the ones it had (the session renewed at sign-in).
  const set = reply.headers['set-cookie'];
  if (set?.length) {
    browser.cookie = set.map((c) => c.split(';')[0]).join('; ');
    if (browser.csrf !== undefined) browser.csrf = /threshold_csrf=([^;]*)/.exec(browser.cookie)?.[1] ?? '';
  }
  return reply;
}

const result = (reply: Reply) =>
  JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

describe('threshold serve: the team server', () => {
  it('speaks HTTPS only: a plain HTTP request gets no answer, HTTPS shows the pinned certificate', async () => {
    const team = await serve();
    const plain = await new Promise<string>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: team.server.port, path: '/healthz' }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (err: NodeJS.ErrnoException) => resolve(`refused ${err.code ?? err.message}`));
      req.end();
    });
    expect(plain).toMatch(/^refused /);
    const health = await request(team, { path: '/healthz' });
    expect(health.fingerprint).toBe(team.certificate.fingerprint);
    expect(team.server.origin).toBe(`https://127.0.0.1:${team.server.port}`);
    await team.close();
  });

  it('answers /healthz without a session and with no data', async () => {
    const team = await serve();
    const health = await request(team, { path: '/healthz' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    expect(health.headers['set-cookie']).toBeUndefined();
    await team.close();
  });

  it('gives each browser a session in an HttpOnly, Secure, SameSite=Strict cookie, and a CSRF cookie the page can read', async () => {
    const team = await serve();
    const { reply } = await openPage(team);
    expect(reply.status).toBe(200);
    const [session, csrf] = reply.headers['set-cookie'] ?? [];
    expect(session).toMatch(
      /^threshold_session=[A-Za-z0-9_-]{40,}; HttpOnly; Secure; SameSite=Strict; Path=\/$/,
    );
    expect(csrf).toMatch(/^threshold_csrf=[A-Za-z0-9_-]{40,}; Secure; SameSite=Strict; Path=\/$/);
    expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // Two browsers, two sessions; assets never open one.
    const other = await openPage(team);
    expect(other.cookie).not.toBe((await openPage(team)).cookie);
    expect((await request(team, { path: '/assets/app.js' })).headers['set-cookie']).toBeUndefined();
    await team.close();
  });

  it('signs people in with their accounts; the API acts as the person signed in to that browser', async () => {
    const team = await serve();
    const browser = await openPage(team);
    expect(result(await api(team, 'app:info', {}, browser))).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    const before = { ...browser };
    const signedIn = await api(team, 'session:signIn', ADMIN, browser);
    expect(result(signedIn)).toMatchObject({ ok: true });
    // Signing in renews the session: a new id and CSRF token; the ones from before are worth nothing.
    expect(signedIn.headers['set-cookie']?.[0]).toMatch(
      /^threshold_session=[A-Za-z0-9_-]{40,}; HttpOnly; Secure; SameSite=Strict; Path=\/$/,
    );
    expect(browser.cookie).not.toBe(before.cookie);
    expect(browser.csrf).not.toBe(before.csrf);
    expect(result(await api(team, 'app:info', {}, browser))).toMatchObject({
      ok: true,
      value: { identity: { name: ADMIN.name } },
    });
    expect((await api(team, 'app:info', {}, { ...before })).status).toBe(401);
    // Another browser is not signed in by it.
    expect(result(await api(team, 'app:info', {}, await openPage(team)))).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    await team.close();
  });

  it('refuses every write without the session’s CSRF token, and nothing changes', async () => {
    const team = await serve();
    const browser = await openPage(team);
    expect(result(await api(team, 'session:signIn', ADMIN, browser)).ok).toBe(true);
    const other = await openPage(team);
    const save = (csrf: string | undefined) =>
      api(
        team,
        'elections:save',
        { election },
        { cookie: browser.cookie, ...(csrf === undefined ? {} : { csrf }) },
      );
    for (const [what, csrf] of [
      ['no token', undefined],
      ['an empty token', ''],
      ['a made-up token', 'A'.repeat(43)],
      ["another browser's token", other.csrf],
      ['the session id itself', /threshold_session=([^;]*)/.exec(browser.cookie)?.[1] ?? ''],
    ] as const) {
      const refused = await save(csrf);
      expect(refused.status, what).toBe(403);
      expect(refused.body, what).toContain('CSRF');
    }
    expect(result(await api(team, 'elections:list', {}, browser))).toMatchObject({ ok: true, value: [] });
    // Other origins are refused even with the token.
    expect(
      (await api(team, 'elections:save', { election }, browser, { Origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(result(await save(browser.csrf))).toMatchObject({ ok: true });
    expect(result(await api(team, 'elections:list', {}, browser))).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ id: election.id })],
    });
    await team.close();
  });

  it('slows sign-in down per address (whatever the names tried) and per account', async () => {
    const team = await serve();
    const browser = await openPage(team);
    // Ten wrong tries, each for a different name: no name reaches its own limit.
    for (let i = 0; i < 10; i++) {
      const r = result(
        await api(team, 'session:signIn', { name: `Nobody ${i}`, passphrase: 'wrong wrong wrong' }, browser),
      );
      expect(r.error?.code, `try ${i}`).toBe('sign-in-refused');
    }
    // Then this address waits, even with a right passphrase for a name that never failed.
    const waiting = result(await api(team, 'session:signIn', ADMIN, browser));
    expect(waiting).toMatchObject({ ok: false, error: { code: 'try-later' } });
    expect(waiting.error?.message).toMatch(/from this address: try again in \d+ seconds?/);
    await team.close();

    // Per account (from a fresh server: a fresh address count): a name that keeps failing waits too.
    const again = await serve();
    const b = await openPage(again);
    for (let i = 0; i < 4; i++)
      await api(again, 'session:signIn', { name: ADMIN.name, passphrase: 'not the passphrase at all' }, b);
    expect(result(await api(again, 'session:signIn', ADMIN, b))).toMatchObject({
      ok: false,
      error: { code: 'try-later', message: expect.stringContaining('for this name') },
    });
    await again.close();
  });

  it('logs one JSON line per request with no content: no title, no passphrase, no query, no cookie', async () => {
    const team = await serve();
    const browser = await openPage(team);
    expect(result(await api(team, 'session:signIn', ADMIN, browser)).ok).toBe(true);
    const title = 'Quokka-Zebra-7731 ballot box fire rumour';
    expect(result(await api(team, 'elections:save', { election }, browser)).ok).toBe(true);
    const created = result(
      await api(team, 'threats:create', { threat: { ...threat('T-LOG-1'), title } }, browser),
    );
    expect(created).toMatchObject({ ok: true });
    expect(result(await api(team, 'threats:get', { id: 'T-LOG-1' }, browser))).toMatchObject({
      ok: true,
      value: { threat: { title } },
    });
    await api(team, 'threats:list', { query: 'Quokka-Zebra' }, browser);
    await request(team, { path: '/healthz?secret=Quokka-Zebra-7731' });
    await request(team, { path: '/Quokka-Zebra-7731', headers: { Cookie: browser.cookie } });
    await team.close();
    const log = team.text.join('');
    for (const secret of [
      'Quokka',
      'Zebra',
      '7731',
      ADMIN.passphrase,
      ADMIN.name,
      browser.csrf,
      browser.cookie.split('=')[1]!.split(';')[0]!,
    ])
      expect(log, secret).not.toContain(secret);
    const lines = team.lines;
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['account', 'at', 'method', 'ms', 'path', 'status']),
      );
      expect(
        Object.keys(line).every((k) =>
          ['at', 'method', 'path', 'channel', 'status', 'ms', 'account'].includes(k),
        ),
      ).toBe(true);
    }
    const adminId = lines.find((l) => l.channel === 'threats:create')?.account;
    expect(adminId).toMatch(/\S/);
    expect(lines.filter((l) => l.channel === 'threats:get')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/{channel}', status: 200, account: adminId }),
    ]);
    expect(lines.filter((l) => l.path === '/healthz')).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, account: null }),
    ]);
    expect(lines.some((l) => l.path === '/{page}')).toBe(true);
  });
});
