// Browser mode: the renderer and the same IPC handlers over HTTP, on loopback only. A browser signs in
// once per launch token (session.ts): the address printed at start is a local file that posts the token
// (sign-in-pages.ts), so the token never sits in an address the browser records, and is spent on first
// use; from then on the session cookie (HttpOnly, SameSite=Strict) opens the page and every API call.
// That browser session is also the session people sign in to: every API call is dispatched as the
// browser's session (never as anyone a request's body names), so that each browser has its own account.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dispatch } from '../ipc/dispatcher';
import { attachment, DOWNLOAD_PATH, type DownloadShelf } from './downloads';
import { LIVE_PATH, serveLiveUpdates } from './live-updates';
import type { LiveFeed } from '../live/hub';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { BrowserSessions } from './session';
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
  /** Loopback only: anything else is refused. */
  host?: '127.0.0.1' | '::1';
  /** The sessions (default: a store of this server's own). */
  sessions?: BrowserSessions;
  maxBodyBytes?: number;
  /** Files main made for the page to download (the save port's shelf). */
  downloads?: DownloadShelf;
  /** Live updates, streamed to signed-in browsers at /live (live-updates.ts). */
  live?: LiveFeed;
}

export interface BrowserServer {
  /** What to open in a browser: the launch file (a file: URL) that signs it in, once. */
  url: string;
  /** The server's own address (http://127.0.0.1:port). */
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
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1') throw new Error('Browser mode listens on loopback only.');
  const sessions = options.sessions ?? new BrowserSessions();
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  // Launch files live in a folder of this run's own, readable by its owner only; each is deleted once used.
  const launchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-browser-'));
  const launchFiles = new Map<string, string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: the Host must be us. And nothing but this machine.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request');
    const remote = req.socket.remoteAddress ?? '';
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return send(res, 403, 'Loopback only');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || allowedHosts().has(origin.replace(/^http:\/\//, ''));
    // The sign-in alone may come from the launch file, whose origin is "null": it carries the secret.
    if (url.pathname === '/session' && (sameOrigin || origin === 'null')) return signIn(req, res);
    // Cross-site requests: an Origin, if sent, must be us.
    if (!sameOrigin) return send(res, 403, 'Cross-origin requests are refused');

    if (url.pathname.startsWith('/api/')) {
      const channel = decodeChannel(url.pathname.slice(5));
      if (channel === null)
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid-request', message: 'The channel name is not valid percent-encoding.' },
        });
      return api(req, res, channel);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (!sessions.authenticate(req.headers.cookie)) return sendSignIn(res, 401, 'none');
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
      'Set-Cookie': BrowserSessions.cookie(result.sessionId),
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

  async function api(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    const browser = sessions.authenticate(req.headers.cookie);
    if (!browser) return send(res, 401, 'Not signed in');
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
        error: { code: 'invalid-request', message: 'The request body is not valid JSON.' },
      });
    }
    // The handlers run synchronously: yield once first, so that answers already given (the first page
    // of the log) leave before a slower request holds the process.
    await new Promise((resolve) => setImmediate(resolve));
    const result = await options.dispatch(channel, payload, { session: `browser:${browser}` });
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', {
      'Cache-Control': 'no-store',
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

  function serveStatic(res: http.ServerResponse, pathname: string): void {
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
    send(res, 200, fs.readFileSync(target), type, headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
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
