// Live updates for browsers: GET /live, a Server-Sent Events stream of what changed (ids and topics,
// never content), for a browser signed in to this server (its session cookie, as every other request).
// Each notice is one `data:` line of JSON; a comment every 20 s keeps proxies from closing the stream,
// and `retry` tells the browser's EventSource to reconnect by itself after the server restarts.
import type http from 'node:http';
import type { LiveFeed } from '../live/hub';
import type { LiveNotice } from '../../shared/domain/live';

export const LIVE_PATH = '/live';
const KEEP_ALIVE_MS = 20_000;

/** One event of the stream. */
export function liveEvent(notice: LiveNotice): string {
  return `data: ${JSON.stringify(notice)}\n\n`;
}

/** Serves the stream on an authenticated request (the caller checked the session) until the browser goes. */
export function serveLiveUpdates(req: http.IncomingMessage, res: http.ServerResponse, feed: LiveFeed): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n: live updates\n\n');
  const unsubscribe = feed.subscribe((notice) => res.write(liveEvent(notice)));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}
