// Browser mode's sign-in: a one-time launch token is exchanged, on first use, for a session held in an
// HttpOnly, SameSite=Strict cookie; the token is then spent and a replay of it is refused. Only hashes of
// tokens and session ids are kept, and looked up by hash (no secret compared character by character).
// No HTTP here: the server (server.ts) reads requests and writes responses; the team server (issue 11)
// builds on the same store.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'threshold_session';

export interface BrowserSessionsOptions {
  /** Random bytes (tests may fix them). */
  random?: (bytes: number) => Buffer;
  clock?: () => number;
  /** A session unused for this long ends (default: 12 hours). */
  idleMs?: number;
}

interface Session {
  lastSeen: number;
}

const digest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64url');

export class BrowserSessions {
  private readonly launchTokens = new Set<string>();
  private readonly spentTokens = new Set<string>();
  private readonly sessions = new Map<string, Session>();
  private readonly random: (bytes: number) => Buffer;
  private readonly clock: () => number;
  private readonly idleMs: number;

  constructor(opts: BrowserSessionsOptions = {}) {
    this.random = opts.random ?? randomBytes;
    this.clock = opts.clock ?? Date.now;
    this.idleMs = opts.idleMs ?? 12 * 3600_000;
  }

  /** A new launch token: good for one sign-in. */
  issueLaunchToken(): string {
    const token = this.random(32).toString('base64url');
    this.launchTokens.add(digest(token));
    return token;
  }

  /**
   * Spends a launch token and opens a session: its id, for the cookie. `spent` when the token was good
   * once and has been used already (a replay), `unknown` when it never was.
   */
  exchange(
    token: string | undefined,
  ): { ok: true; sessionId: string } | { ok: false; reason: 'spent' | 'unknown' } {
    if (!token) return { ok: false, reason: 'unknown' };
    const hash = digest(token);
    if (!this.launchTokens.delete(hash))
      return { ok: false, reason: this.spentTokens.has(hash) ? 'spent' : 'unknown' };
    this.spentTokens.add(hash);
    const sessionId = this.random(32).toString('base64url');
    this.sessions.set(digest(sessionId), { lastSeen: this.clock() });
    return { ok: true, sessionId };
  }

  /** Whether a request's Cookie header carries a live session (and keeps it alive). */
  authenticate(cookieHeader: string | undefined): boolean {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (!id) return false;
    const hash = digest(id);
    const session = this.sessions.get(hash);
    if (!session) return false;
    const now = this.clock();
    if (now - session.lastSeen > this.idleMs) {
      this.sessions.delete(hash);
      return false;
    }
    session.lastSeen = now;
    return true;
  }

  /** Ends the session a Cookie header carries, if any. */
  end(cookieHeader: string | undefined): void {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (id) this.sessions.delete(digest(id));
  }

  /** The Set-Cookie value that gives the browser its session: never readable by scripts, never sent
   *  from another site. */
  static cookie(sessionId: string): string {
    return `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
