// The server's log: one JSON line per request, for operations, with nothing of what the team records.
// A line says when, which method, which path *template* (never an id, a query or a download name), the
// channel called, the status, how long it took and which account made it. Never a body, a title, a name
// typed, a cookie or a token.
export interface RequestLogLine {
  at: string;
  method: string;
  path: string;
  channel?: string;
  status: number;
  ms: number;
  account: string | null;
}

export type RequestLog = (line: RequestLogLine) => void;

/** A channel name as the contract spells it ("threats:list"): anything else is not logged as given. */
const CHANNEL_NAME = /^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/;

/** The template of a request's path: what it addresses, without anything it names. */
export function pathTemplate(pathname: string): { path: string; channel?: string } {
  if (pathname.startsWith('/api/')) {
    const channel = pathname.slice(5);
    return CHANNEL_NAME.test(channel) ? { path: '/api/{channel}', channel } : { path: '/api/{channel}' };
  }
  if (pathname.startsWith('/download/')) return { path: '/download/{id}' };
  if (pathname.startsWith('/assets/')) return { path: '/assets/{file}' };
  if (['/', '/session', '/healthz', '/live', '/favicon.ico'].includes(pathname)) return { path: pathname };
  return { path: '/{page}' };
}

/** Writes each line as JSON to a stream (the team server: its standard output). */
export function jsonLines(write: (text: string) => void): RequestLog {
  return (line) => write(`${JSON.stringify(line)}\n`);
}
