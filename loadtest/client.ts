// One simulated person's browser: its own HTTPS connection (keep-alive), its cookies, its CSRF token, and
// its account. When the server is gone or has forgotten the session (a restart), it waits, opens the page
// again and signs in again by itself, as the app's session gate does.
import https from 'node:https';
import { performance } from 'node:perf_hooks';

export interface Person {
  name: string;
  passphrase: string;
}

export interface CallResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
  /** The request did not get an answer (connection refused or reset). */
  unanswered?: boolean;
  ms: number;
}

export class Client {
  private readonly agent: https.Agent;
  private cookie = '';
  private csrf = '';
  reconnects = 0;
  /** When a call was last answered ok (Date.now()). */
  lastOkAt = 0;

  constructor(
    private readonly port: number,
    private readonly ca: string,
    readonly person: Person,
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 2, ca });
  }

  private raw(
    method: string,
    path: string,
    body?: string,
    retried = false,
  ): Promise<{ status: number; body: string; cookies: string[] }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            Cookie: this.cookie,
            'X-Threshold-CSRF': this.csrf,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers['set-cookie'] ?? [] }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed as it was reused: sent again on a new one, as
        // browsers do (nothing reached the server).
        if (req.reusedSocket && err.code === 'ECONNRESET' && !retried)
          resolve(this.raw(method, path, body, true));
        else reject(err);
      });
      req.end(body);
    });
  }

  private takeCookies(setCookies: string[]): void {
    this.cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    this.csrf = /threshold_csrf=([^;]*)/.exec(this.cookie)?.[1] ?? '';
  }

  /** Opens the page (a new browser session) and signs the person in to it. */
  async signIn(): Promise<CallResult> {
    const page = await this.raw('GET', '/');
    this.takeCookies(page.cookies);
    const { name, passphrase } = this.person;
    return this.call('session:signIn', { name, passphrase }, { retry: false });
  }

  /** Calls a channel; when the server is down or lost the session, reconnects and signs in again, then
   *  retries the call once it is back (never a write that may have been answered: see `retryWrites`). */
  async call(channel: string, payload: unknown, opts: { retry?: boolean } = {}): Promise<CallResult> {
    const t0 = performance.now();
    try {
      const res = await this.raw('POST', `/api/${channel}`, JSON.stringify(payload));
      // As a browser does: the session renewed at sign-in comes as new cookies.
      if (res.cookies.length) this.takeCookies(res.cookies);
      if (res.status === 401 && opts.retry !== false) {
        await this.reconnect();
        return this.call(channel, payload, { retry: false });
      }
      if (res.status !== 200)
        return {
          ok: false,
          error: { code: `http-${res.status}`, message: res.body },
          ms: performance.now() - t0,
        };
      const result = JSON.parse(res.body) as Omit<CallResult, 'ms'>;
      if (result.ok) this.lastOkAt = Date.now();
      if (!result.ok && result.error?.code === 'not-signed-in' && opts.retry !== false) {
        await this.reconnect();
        return this.call(channel, payload, { retry: false });
      }
      return { ...result, ms: performance.now() - t0 };
    } catch (err) {
      return {
        ok: false,
        unanswered: true,
        error: { code: 'unanswered', message: (err as Error).message },
        ms: performance.now() - t0,
      };
    }
  }

  /** Waits for the server to answer again, then opens a new session and signs in. */
  async reconnect(deadline = Date.now() + 120_000): Promise<void> {
    this.reconnects++;
    for (;;) {
      try {
        const r = await this.signIn();
        if (r.ok) return;
      } catch {
        // not back yet
      }
      if (Date.now() > deadline) throw new Error(`${this.person.name} could not reconnect`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * Listens to the server's live updates (GET /live, Server-Sent Events), as a window's EventSource does:
   * reconnects by itself when the stream ends (a restart), with the session it has then. Resolves false
   * at once if the server has no such stream.
   */
  live(onNotice: (notice: { kind: string; ids?: string[] }) => void, until: number): Promise<boolean> {
    const agent = new https.Agent({ keepAlive: false, ca: this.ca });
    const connect = (first: boolean): Promise<boolean> =>
      new Promise((resolve) => {
        const req = https.get(
          { host: '127.0.0.1', port: this.port, path: '/live', agent, headers: { Cookie: this.cookie } },
          (res) => {
            if (
              res.statusCode !== 200 ||
              !String(res.headers['content-type']).startsWith('text/event-stream')
            ) {
              res.resume();
              // After a restart the session may not be back yet: try again (the first time: no stream).
              if (!first) void again();
              return resolve(false);
            }
            resolve(true);
            let buffered = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffered += chunk;
              const events = buffered.split('\n\n');
              buffered = events.pop() ?? '';
              for (const event of events)
                for (const line of event.split('\n'))
                  if (line.startsWith('data: ')) {
                    try {
                      onNotice(JSON.parse(line.slice(6)) as { kind: string; ids?: string[] });
                    } catch {
                      // not a notice
                    }
                  }
            });
            res.on('close', () => void again());
          },
        );
        req.on('error', () => {
          resolve(false);
          void again();
        });
        this.closers.push(() => req.destroy());
      });
    const again = async () => {
      if (Date.now() > until || this.closed) return;
      await new Promise((r) => setTimeout(r, 1000));
      if (Date.now() > until || this.closed) return;
      await connect(false);
    };
    return connect(true);
  }

  private closers: (() => void)[] = [];
  private closed = false;

  close(): void {
    this.closed = true;
    for (const close of this.closers) close();
    this.agent.destroy();
  }
}
