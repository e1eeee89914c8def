// Browser mode: the renderer and the same IPC handlers over HTTP, on loopback only, guarded by a
// per-run secret token. The page is opened with ?token=…, which sets a same-site cookie for the
// static files; every API call carries the token in its Authorization header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';
import { attachment, DOWNLOAD_PATH, type DownloadShelf } from './downloads';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Loopback only: anything else is refused. */
  host?: '127.0.0.1' | '::1';
  token?: string;
  maxBodyBytes?: number;
  /** Files main made for the page to download (the save port's shelf). */
  downloads?: DownloadShelf;
}

export interface BrowserServer {
  url: string;
  origin: string;
  port: number;
  token: string;
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

const COOKIE = 'threshold_token';

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

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

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1') throw new Error('Browser mode listens on loopback only.');
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding and cross-site requests: the Host must be us, and an Origin, if sent, too.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return send(res, 403, 'Cross-origin requests are refused');
    const remote = req.socket.remoteAddress ?? '';
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return send(res, 403, 'Loopback only');

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');

    const queryToken = url.searchParams.get('token') ?? undefined;
    const authorised = sameSecret(queryToken, token) || sameSecret(cookieToken(req), token);
    if (!authorised) return send(res, 401, 'This address needs the token printed when Threshold started.');
    if (url.pathname.startsWith(DOWNLOAD_PATH))
      return download(res, url.pathname.slice(DOWNLOAD_PATH.length));
    return serveStatic(res, url.pathname, sameSecret(queryToken, token));
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    const auth = req.headers.authorization ?? '';
    if (!sameSecret(auth.startsWith('Bearer ') ? auth.slice(7) : undefined, token))
      return send(res, 401, 'Missing or wrong token');
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
      return send(
        res,
        400,
        JSON.stringify({
          ok: false,
          error: { code: 'invalid-request', message: 'The request body is not valid JSON.' },
        }),
        'application/json',
      );
    }
    const result = await options.dispatch(channel, payload);
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

  function serveStatic(res: http.ServerResponse, pathname: string, setCookie: boolean): void {
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
    if (setCookie) headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    send(res, 200, fs.readFileSync(target), type, headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host === '::1' ? '[::1]' : '127.0.0.1'}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
