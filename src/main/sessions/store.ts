// The sessions of one host, in memory: whose each one is, whether it is locked, and its signing key while
// unlocked. The host names each session (a desktop window, a browser's session cookie, a CLI run); this
// store knows nothing of windows, cookies or HTTP, so that the team server can use it unchanged.
// A session idle for longer than the idle time locks itself: the next call finds it locked, and its
// signing key is dropped (the person's passphrase unlocks it again).
import type { KeyObject } from 'node:crypto';
import type { Role } from '../../shared/domain/accounts';
import type { Acting } from '../scope';

export interface Session {
  key: string;
  accountId: string;
  name: string;
  roles: Role[];
  /** The account's public signing key when it signed in (a restored database must hold the same). */
  publicKey: string;
  /** Null while locked. */
  signer: KeyObject | null;
  locked: boolean;
  signedInAt: number;
  lastActivity: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: () => number,
    /** Milliseconds without activity before a session locks itself. */
    private readonly idleMs: () => number,
  ) {}

  /** The session, locked first if it has been idle too long. */
  get(key: string | null | undefined): Session | undefined {
    if (!key) return undefined;
    const session = this.sessions.get(key);
    if (session && !session.locked && this.clock() - session.lastActivity > this.idleMs()) this.lock(key);
    return session;
  }

  /** When an unlocked session will lock if nothing happens. */
  locksAt(session: Session): number | null {
    return session.locked ? null : session.lastActivity + this.idleMs();
  }

  touch(session: Session): void {
    session.lastActivity = this.clock();
  }

  signIn(
    key: string,
    who: { accountId: string; name: string; roles: Role[]; publicKey: string; signer: KeyObject },
  ): Session {
    const now = this.clock();
    const session: Session = { key, ...who, locked: false, signedInAt: now, lastActivity: now };
    this.sessions.set(key, session);
    return session;
  }

  lock(key: string): void {
    const session = this.sessions.get(key);
    if (!session) return;
    session.locked = true;
    session.signer = null;
  }

  unlock(session: Session, signer: KeyObject): void {
    session.locked = false;
    session.signer = signer;
    session.lastActivity = this.clock();
  }

  signOut(key: string): Session | undefined {
    const session = this.sessions.get(key);
    this.sessions.delete(key);
    return session;
  }

  /** The host gave the session a new name (the team server's session id, renewed at sign-in). */
  rename(from: string, to: string): void {
    const session = this.sessions.get(from);
    if (!session) return;
    this.sessions.delete(from);
    session.key = to;
    this.sessions.set(to, session);
  }

  /** An administrator changed someone's roles: their sessions act with the new ones from the next call. */
  updateRoles(accountId: string, roles: Role[]): void {
    for (const s of this.sessions.values()) if (s.accountId === accountId) s.roles = roles;
  }

  /** Ends every session of an account (disabled, or its passphrase reset). */
  endFor(accountId: string): void {
    for (const [key, s] of this.sessions) if (s.accountId === accountId) this.sessions.delete(key);
  }

  /** Ends every session (the database was replaced by a restore). */
  endAll(): void {
    this.sessions.clear();
  }

  /** Keeps the sessions `keep` says still hold (with the roles it gives), and ends the others. */
  retain(keep: (s: Session) => Session['roles'] | null): void {
    for (const [key, s] of this.sessions) {
      const roles = keep(s);
      if (roles) s.roles = roles;
      else this.sessions.delete(key);
    }
  }

  /** What a call through this session acts as (a fresh object: the role it acts in is per call). */
  static acting(session: Session): Acting {
    return {
      accountId: session.accountId,
      name: session.name,
      roles: [...session.roles],
      signer: session.locked ? null : session.signer,
      role: null,
    };
  }
}
