// The app:// protocol: serves the built renderer folder and nothing outside it. Electron hands the
// handler a web Request and takes a web Response, so this file needs nothing from Electron.
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type AppPath = { file: string } | { status: 400 | 404 };

/** Which file of `root` an app:// path names: 400 for a malformed escape, 404 for anything missing or
 *  outside the folder. The page routes with the hash, so only "/" stands for index.html. */
export function resolveAppPath(root: string, pathname: string): AppPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { status: 404 };
  try {
    return fs.statSync(file).isFile() ? { file } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

export function appProtocolHandler(rendererDir: string): (request: Request) => Response {
  const root = path.resolve(rendererDir);
  return (request) => {
    const found = resolveAppPath(root, new URL(request.url).pathname);
    if ('status' in found) {
      return new Response(found.status === 400 ? 'Bad request' : 'Not found', {
        status: found.status,
        headers: { 'Content-Type': 'text/plain', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    }
    return new Response(fs.readFileSync(found.file), {
      headers: {
        'Content-Type': MIME[path.extname(found.file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      },
    });
  };
}
