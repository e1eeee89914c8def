// Browser mode: the renderer and the same IPC handlers over HTTP, on loopback only. A browser signs in
// once per launch token (session.ts): the address printed at start is a local file that posts the token
// (sign-in-pages.ts), so the token never sits in an address the browser records, and is spent on first
// use; from then on the session cookie (HttpOnly, SameSite=Strict) opens the page and every API call.
// That browser session is also the session people sign in to: every API call is dispatched as the
// browser's session (never as anyone a request's body names), so that each browser has its own account.
// The same server is the team server (`threshold serve`, with `team`): HTTPS only, on the address given,
// no launch token — a browser that opens the page gets a session (Secure cookie) that nobody is signed in
// to, and a person signs in to it with their account; sign-in slows down per address as well as per name.
// In both: every write carries the session's CSRF token in a header; /healthz answers without a session;
// each request can be logged as one JSON line without any content (request-log.ts).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dispatch } from '../ipc/dispatcher';
import { attachment, DOWNLOAD_PATH, type DownloadShelf } from './downloads';
import { LIVE_PATH, serveLiveUpdates } from './live-updates';
import type { LiveFeed } from '../live/hub';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { AddressLimiter } from './address-limit';
import { errorShape } from '../../shared/errors';
import { pathTemplate, type RequestLog } from './request-log';
import { BrowserSessions, CSRF_HEADER } from './session';
import {
  SIGNED_IN_PAGE,
  SIGN_IN_PAGE_POLICY,
  signInPage,
  writeLaunchFile,
  type SignInProblem,
} from './sign-in-pages';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Browser mode: loopback only, anything else is refused. The team server: the address given. */
  host?: string;
  /** The sessions (default: a store of this server's own). */
  sessions?: BrowserSessions;
  maxBodyBytes?: number;
  /** Files main made for the page to download (the save port's shelf). */
  downloads?: DownloadShelf;
  /** The team server: HTTPS with this certificate and key, sessions for everyone who opens the page. */
  team?: TeamOptions;
  /** One line per request (method, path template, status, ms, account): never any content. */
  log?: RequestLog;
  /** The account signed in to a dispatcher session ("browser:…"), for the log. */
  accountOf?: (session: string) => string | null;
  /** The team server renews a browser's session when a person signs in: the host moves who is signed in
   *  from the old dispatcher session to the new one. */
  renamed?: (from: string, to: string) => void;
  /** Live updates, streamed to signed-in browsers at /live (live-updates.ts). */
  live?: LiveFeed;
}

export interface TeamOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** Sign-in failures per address (default: a limiter of this server's own). */
  limiter?: AddressLimiter;
}

/** The channels that check a passphrase: slowed down per address on the team server. */
const PASSPHRASE_CHANNELS = new Set(['session:signIn', 'session:unlock']);

export interface BrowserServer {
  /** What to open in a browser: the launch file (a file: URL) that signs it in, once (the team server:
   *  its own address). */
  url: string;
  /** The server's own address (http://127.0.0.1:port; the team server: https://host:port). */
  origin: string;
  port: number;
  /** The launch token of `url`: one sign-in, then spent. */
  token: string;
  /** Another launch file, with a token of its own: for another browser (or a test's fresh context). */
  launch(): { url: string; token: string };
  close(): Promise<void>;
}

export { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

/** The channel named in the path, or null when its percent-encoding is malformed (a client error, 400). */
export function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

const MAX_SIGN_IN_BYTES = 4096;

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const team = options.team;
  const host = options.host ?? '127.0.0.1';
  if (!team && host !== '127.0.0.1' && host !== '::1')
    throw new Error('Browser mode listens on loopback only.');
  const sessions = options.sessions ?? new BrowserSessions({ secure: Boolean(team) });
  const limiter = team?.limiter ?? new AddressLimiter();
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  const scheme = team ? 'https' : 'http';
  let port = 0;
  const loopbackHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  // Browser mode: DNS rebinding is stopped by the Host being us. The team server is reached by whatever
  // name the organisation gives it; its cookies are Secure and host-only, and every write needs the
  // CSRF token, so that a rebound name gets nothing.
  const hostAllowed = (hostHeader: string) => (team ? hostHeader !== '' : loopbackHosts().has(hostHeader));
  // Launch files live in a folder of this run's own, readable by its owner only; each is deleted once used.
  const launchDir = team ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-browser-'));
  const launchFiles = new Map<string, string>();

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const seen: { session: string | null } = { session: null };
    if (options.log) {
      const log = options.log;
      res.on('finish', () => {
        const pathname = (req.url ?? '/').split('?')[0] ?? '/';
        log({
          at: new Date().toISOString(),
          method: req.method ?? '',
          ...pathTemplate(pathname),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          account: seen.session ? (options.accountOf?.(`browser:${seen.session}`) ?? null) : null,
        });
      });
    }
    void handle(req, res, seen).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  };
  const server = team
    ? https.createServer({ cert: team.cert, key: team.key, minVersion: 'TLSv1.2' }, listener)
    : http.createServer(listener);

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    seen: { session: string | null },
  ): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    if (!hostAllowed(hostHeader)) return send(res, 421, 'Misdirected request');
    // Browser mode: nothing but this machine.
    const remote = req.socket.remoteAddress ?? '';
    if (!team && !['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote))
      return send(res, 403, 'Loopback only');
    const url = new URL(req.url ?? '/', `${scheme}://127.0.0.1:${port}`);
    // For monitoring: that the server answers, nothing else (no session needed, no data given).
    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD'))
      return sendJson(res, 200, { ok: true });
    const origin = req.headers.origin;
    const sameOrigin =
      origin === undefined ||
      (team ? origin === `https://${hostHeader}` : loopbackHosts().has(origin.replace(/^http:\/\//, '')));
    // The sign-in alone may come from the launch file, whose origin is "null": it carries the secret.
    if (!team && url.pathname === '/session' && (sameOrigin || origin === 'null')) return signIn(req, res);
    // Cross-site requests: an Origin, if sent, must be us.
    if (!sameOrigin) return send(res, 403, 'Cross-origin requests are refused');

    if (url.pathname.startsWith('/api/')) {
      const channel = decodeChannel(url.pathname.slice(5));
      if (channel === null)
        return sendJson(res, 400, {
          ok: false,
          error: errorShape('invalid-request', { id: 'browser/channel-not-percent-encoded' }),
        });
      return api(req, res, channel, seen);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    seen.session = sessions.authenticate(req.headers.cookie);
    if (!seen.session) {
      if (!team) return sendSignIn(res, 401, 'none');
      // The team server: the page (and only the page) opens a session that nobody is signed in to yet;
      // the app then asks the person to sign in with their account.
      if (url.pathname.startsWith(DOWNLOAD_PATH) || url.pathname === LIVE_PATH)
        return send(res, 401, 'Not signed in');
      const isPage = !path.extname(url.pathname) || url.pathname.endsWith('.html');
      return serveStatic(res, url.pathname, isPage ? sessions.cookies(sessions.open()) : undefined);
    }
    if (url.pathname === LIVE_PATH && options.live) return serveLiveUpdates(req, res, options.live);
    if (url.pathname.startsWith(DOWNLOAD_PATH))
      return download(res, url.pathname.slice(DOWNLOAD_PATH.length));
    return serveStatic(res, url.pathname);
  }

  /** POST /session with the launch token (form-encoded): a session cookie, then on to the app. */
  async function signIn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    let body = '';
    for await (const chunk of req) {
      body += (chunk as Buffer).toString('utf8');
      if (body.length > MAX_SIGN_IN_BYTES) {
        send(res, 413, 'Request too large');
        req.destroy();
        return;
      }
    }
    const token = new URLSearchParams(body).get('token')?.trim() ?? undefined;
    const result = sessions.exchange(token);
    if (!result.ok) return sendSignIn(res, 401, result.reason);
    // The launch file has done its work: its token is spent, and it leaves the disk.
    const file = launchFiles.get(token ?? '');
    if (file) fs.rmSync(file, { force: true });
    launchFiles.delete(token ?? '');
    send(res, 200, SIGNED_IN_PAGE, 'text/html; charset=utf-8', {
      'Set-Cookie': sessions.cookies(result),
      'Content-Security-Policy': SIGN_IN_PAGE_POLICY,
      'Cache-Control': 'no-store',
    });
  }

  function sendSignIn(res: http.ServerResponse, status: number, problem: SignInProblem): void {
    send(res, status, signInPage(problem), 'text/html; charset=utf-8', {
      'Content-Security-Policy': SIGN_IN_PAGE_POLICY,
      'Cache-Control': 'no-store',
    });
  }

  async function api(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: string,
    seen: { session: string | null },
  ): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    const browser = sessions.authenticate(req.headers.cookie);
    if (!browser) return send(res, 401, 'Not signed in');
    seen.session = browser;
    // Every write carries the session's CSRF token, which only a page of this site can read.
    if (!sessions.checkCsrf(browser, req.headers[CSRF_HEADER]))
      return send(res, 403, 'The request has no valid CSRF token: reload the page.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, 'JSON only');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        send(res, 413, 'Request too large');
        req.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: errorShape('invalid-request', { id: 'browser/body-not-json' }),
      });
    }
    // The handlers run synchronously: yield once first, so that answers already given (the first page
    // of the log) leave before a slower request holds the process.
    await new Promise((resolve) => setImmediate(resolve));
    const address = req.socket.remoteAddress ?? '';
    const checksPassphrase = team !== undefined && PASSPHRASE_CHANNELS.has(channel);
    const wait = checksPassphrase ? limiter.secondsToWait(address) : 0;
    if (wait > 0)
      return sendJson(res, 200, {
        ok: false,
        error: errorShape('try-later', { id: 'browser/too-many-failed-sign-ins', params: { count: wait } }),
      });
    const result = await options.dispatch(channel, payload, { session: `browser:${browser}` });
    if (checksPassphrase && !result.ok && result.error.code === 'sign-in-refused') limiter.fail(address);
    // The team server: a person who signs in gets a new session id (and CSRF token); the old one is dead.
    const renewed = team && channel === 'session:signIn' && result.ok ? sessions.renew(browser) : null;
    if (renewed) {
      options.renamed?.(`browser:${browser}`, `browser:${renewed.name}`);
      seen.session = renewed.name;
    }
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', {
      'Cache-Control': 'no-store',
      ...(renewed ? { 'Set-Cookie': sessions.cookies(renewed) } : {}),
    });
  }

  function download(res: http.ServerResponse, id: string): void {
    const file = options.downloads?.take(id);
    if (!file) return send(res, 404, 'This download has expired; export the file again.');
    send(res, 200, Buffer.from(file.bytes), file.mimeType, {
      'Content-Disposition': attachment(file.suggestedName),
      'Cache-Control': 'no-store',
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string, setCookies?: string[]): void {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    const inside = file.startsWith(staticRoot + path.sep);
    const target =
      inside && fs.existsSync(file) && fs.statSync(file).isFile()
        ? file
        : path.join(staticRoot, 'index.html');
    if (!fs.existsSync(target))
      return send(res, 500, 'The renderer is not built: run `npm run build:renderer`.');
    const type = MIME[path.extname(target)] ?? 'application/octet-stream';
    const headers: http.OutgoingHttpHeaders = { 'Cache-Control': 'no-store' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    if (setCookies) headers['Set-Cookie'] = setCookies;
    if (team) headers['Strict-Transport-Security'] = 'max-age=31536000';
    send(res, 200, fs.readFileSync(target), type, headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (team) {
    const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    const origin = `https://${shown}:${port}`;
    return {
      url: `${origin}/`,
      origin,
      port,
      token: '',
      launch: () => {
        throw new Error('The team server has no launch tokens: people sign in with their accounts.');
      },
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
  const origin = `http://${host === '::1' ? '[::1]' : '127.0.0.1'}:${port}`;
  const launch = () => {
    const token = sessions.issueLaunchToken();
    const file = writeLaunchFile(launchDir, `${origin}/session`, token);
    launchFiles.set(token, file);
    return { url: pathToFileURL(file).href, token };
  };
  const first = launch();
  return {
    url: first.url,
    origin,
    port,
    token: first.token,
    launch,
    close: () =>
      new Promise<void>((resolve) => {
        fs.rmSync(launchDir, { recursive: true, force: true });
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
