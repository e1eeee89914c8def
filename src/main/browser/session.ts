// Browser mode's sign-in: a one-time launch token is exchanged, on first use, for a session held in an
// HttpOnly, SameSite=Strict cookie; the token is then spent and a replay of it is refused. Only hashes of
// tokens and session ids are kept, and looked up by hash (no secret compared character by character).
// No HTTP here: the server (server.ts) reads requests and writes responses. The team server uses the same
// store without launch tokens: a browser gets a session (signed out) when it first opens the page, and a
// person signs in to it with their account.
// Every session has a CSRF token: the page reads it from a cookie of its own (readable by scripts of the
// same site only) and sends it back in a header with every write; the server compares it with the
// session's, so a form or script on another site cannot write even if the browser sends the cookie.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'threshold_session';
export const CSRF_COOKIE = 'threshold_csrf';
/** The header the renderer sends the CSRF token in, on every write. */
export const CSRF_HEADER = 'x-threshold-csrf';

export interface BrowserSessionsOptions {
  /** Random bytes (tests may fix them). */
  random?: (bytes: number) => Buffer;
  clock?: () => number;
  /** A session unused for this long ends (default: 12 hours). */
  idleMs?: number;
  /** Cookies only ever sent over HTTPS (the team server). */
  secure?: boolean;
  /** Told when a session ends (idle or on request), by the name `authenticate` gave it. */
  onEnd?: (name: string) => void;
}

interface Session {
  lastSeen: number;
  csrf: string;
}

/** A new session: its id (for the session cookie) and its CSRF token (for the page). */
export interface OpenedSession {
  sessionId: string;
  csrf: string;
}

const digest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64url');

export class BrowserSessions {
  private readonly launchTokens = new Set<string>();
  private readonly spentTokens = new Set<string>();
  private readonly sessions = new Map<string, Session>();
  private readonly random: (bytes: number) => Buffer;
  private readonly clock: () => number;
  private readonly idleMs: number;
  readonly secure: boolean;
  private readonly onEnd: (name: string) => void;

  constructor(opts: BrowserSessionsOptions = {}) {
    this.random = opts.random ?? randomBytes;
    this.clock = opts.clock ?? Date.now;
    this.idleMs = opts.idleMs ?? 12 * 3600_000;
    this.secure = opts.secure ?? false;
    this.onEnd = opts.onEnd ?? (() => undefined);
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
  ): ({ ok: true } & OpenedSession) | { ok: false; reason: 'spent' | 'unknown' } {
    if (!token) return { ok: false, reason: 'unknown' };
    const hash = digest(token);
    if (!this.launchTokens.delete(hash))
      return { ok: false, reason: this.spentTokens.has(hash) ? 'spent' : 'unknown' };
    this.spentTokens.add(hash);
    return { ok: true, ...this.open() };
  }

  /** A new session, nobody signed in to it yet (the team server gives one to every browser that opens
   *  the page; people then sign in with their accounts). Sessions idle too long are dropped first. */
  open(): OpenedSession {
    this.prune();
    const sessionId = this.random(32).toString('base64url');
    const csrf = this.random(32).toString('base64url');
    this.sessions.set(digest(sessionId), { lastSeen: this.clock(), csrf });
    return { sessionId, csrf };
  }

  /**
   * Replaces the session `name` by a new one (new id, new CSRF token), the old id no longer valid: done
   * when a person signs in, so that an id known before the sign-in (planted, or seen) is worth nothing
   * after it (session fixation). The new session's name, for the host to move what it keeps under it.
   */
  renew(name: string): (OpenedSession & { name: string }) | null {
    if (!this.sessions.delete(name)) return null;
    const opened = this.open();
    return { ...opened, name: digest(opened.sessionId) };
  }

  /** Whether `header` is the CSRF token of the session `name` (as `authenticate` gave it). */
  checkCsrf(name: string, header: string | string[] | undefined): boolean {
    const session = this.sessions.get(name);
    if (!session || typeof header !== 'string') return false;
    const a = Buffer.from(digest(header));
    const b = Buffer.from(digest(session.csrf));
    return timingSafeEqual(a, b);
  }

  /** How many sessions are open (signed in or not). */
  get size(): number {
    return this.sessions.size;
  }

  private prune(): void {
    const now = this.clock();
    for (const [hash, session] of this.sessions)
      if (now - session.lastSeen > this.idleMs) {
        this.sessions.delete(hash);
        this.onEnd(hash);
      }
  }

  /**
   * The live session a request's Cookie header carries (and keeps it alive): a name for it that is not
   * the secret (the hash of its id), under which the host keeps who is signed in there; null when none.
   */
  authenticate(cookieHeader: string | undefined): string | null {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (!id) return null;
    const hash = digest(id);
    const session = this.sessions.get(hash);
    if (!session) return null;
    const now = this.clock();
    if (now - session.lastSeen > this.idleMs) {
      this.sessions.delete(hash);
      this.onEnd(hash);
      return null;
    }
    session.lastSeen = now;
    return hash;
  }

  /** Ends the session a Cookie header carries, if any. */
  end(cookieHeader: string | undefined): void {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (!id) return;
    const hash = digest(id);
    if (this.sessions.delete(hash)) this.onEnd(hash);
  }

  /** The Set-Cookie value that gives the browser its session: never readable by scripts, never sent
   *  from another site (and, on the team server, never sent over plain HTTP). */
  static cookie(sessionId: string, secure = false): string {
    return `${SESSION_COOKIE}=${sessionId}; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict; Path=/`;
  }

  /** The Set-Cookie values of a new session: the session itself, and its CSRF token for the page. */
  cookies(opened: OpenedSession): string[] {
    const secure = this.secure ? ' Secure;' : '';
    return [
      BrowserSessions.cookie(opened.sessionId, this.secure),
      `${CSRF_COOKIE}=${opened.csrf};${secure} SameSite=Strict; Path=/`,
    ];
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
