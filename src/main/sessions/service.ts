// Sessions, independent of how calls arrive: the host names each session (a desktop window, a browser's
// session cookie, a CLI run) and asks this service, before every call, whether that session may make it
// (`enter`). Signing in checks the name and passphrase against the account (and, while the database is
// still locked, unwraps its key from the person's slot); repeated failures slow sign-in down, and every
// failure is audited. A session idle for longer than the idle time locks itself.
import { z } from 'zod';
import { DEFAULT_IDLE_MINUTES, type SessionStatus } from '../../shared/domain/session';
import { allowedActions } from '../../shared/domain/permissions';
import { AppError } from '../../shared/errors';
import { omit } from '../../shared/collections';
import { CHANNEL_ACCESS, type Access } from '../../shared/ipc/access';
import type { Channel } from '../../shared/ipc/contract';
import type { HandlersOf } from '../../shared/ipc/define';
import type { sessionContract } from '../../shared/ipc/session.contract';
import { checkPassphrase } from '../security/passphrases';
import type { AccountsService } from '../accounts/service';
import { organisationNames, passphraseContext } from '../accounts/service';
import type { ServiceContext } from '../context';
import { derivePassphraseKeys, newKdf, type Kdf, type PassphraseKeys } from '../crypto/credentials';
import type { DbKey } from '../db/encryption';
import {
  nameHash,
  openSlot,
  slotsForName,
  updateKeyring,
  type Keyring,
  type KeyringStore,
} from '../keyring/keyring';
import { afterFailure, secondsToWait } from './backoff';
import { actIn, currentSession, runAs, type Acting } from '../scope';
import { SessionStore, type Session } from './store';

export const IDLE_SETTING = 'sessions.idleMinutes';

/** What the host of the database gives the sessions. */
export interface SessionHostPort {
  /** `needs-setup`: no organisation or administrator yet; `locked`: the database stays closed until a
   *  person's key slot opens it; `open`: the database is open. */
  databaseState(): 'needs-setup' | 'locked' | 'open';
  /** The open database's context and accounts (null unless open). */
  services(): { ctx: ServiceContext; accounts: AccountsService } | null;
  /** Opens the database with the key a slot gave; throws when it does not open. */
  openWith(key: DbKey): void;
  keyring: KeyringStore;
  /** The plain copy left by encrypting an earlier version's database, until it is discarded. */
  plainBackup(): string | null;
  /** Gives a person who signed in a key slot if theirs is missing (a keyring copied without it). */
  ensureSlot(accountId: string, name: string, kdf: Kdf, slotKey: Buffer): void;
  /** Runs `work` in the process's one writer queue (after the writes queued before it). Sign-in and
   *  unlock are not write channels: their passphrase check runs beside the queue, and only what they
   *  write (the session's audit entry, a failure's count) goes through it. */
  write<T>(work: () => T): Promise<T>;
}

export class SessionService {
  readonly store: SessionStore;
  /** The tries in progress per name (its hash): one at a time, so that the backoff weighs each. */
  private readonly triesByName = new Map<string, Promise<void>>();

  constructor(
    private readonly host: SessionHostPort,
    private readonly clock: () => Date,
  ) {
    this.store = new SessionStore(
      () => this.clock().getTime(),
      () => this.idleMinutes() * 60_000,
    );
  }

  idleMinutes(): number {
    const services = this.host.services();
    return services?.ctx.settings.get(IDLE_SETTING, z.number().int().min(1).max(480)) ?? DEFAULT_IDLE_MINUTES;
  }

  status(key: string | null): SessionStatus {
    const state = this.host.databaseState();
    const services = this.host.services();
    const session = state === 'needs-setup' ? undefined : this.store.get(key);
    const account = session && services ? services.accounts.repo.get(session.accountId) : undefined;
    const locksAt = session ? this.store.locksAt(session) : null;
    const org = services ? organisationNames(services.ctx) : null;
    return {
      state:
        state === 'needs-setup'
          ? 'needs-setup'
          : !session
            ? 'signed-out'
            : session.locked
              ? 'locked'
              : 'signed-in',
      account: account && services ? services.accounts.view(account) : null,
      idleMinutes: this.idleMinutes(),
      locksAt: locksAt === null ? null : new Date(locksAt).toISOString(),
      allowed: session && !session.locked ? allowedActions(session.roles) : [],
      organisation: org && (org.en || org.fr) ? org : null,
      plainBackup: session && !session.locked ? this.host.plainBackup() : null,
    };
  }

  /**
   * Whether the session `key` may call `channel`: returns what the call acts as, or throws why not
   * (`needs-setup`, `not-signed-in`, `session-locked`, `forbidden`). The dispatcher calls it after the
   * payload is validated and before the handler runs.
   */
  enter(channel: Channel, key: string | null): Acting | null {
    return this.enterAccess(CHANNEL_ACCESS[channel], key);
  }

  /** The same check for work that is not a channel (the CLI's backup to a file, restore). */
  enterAccess(access: Access, key: string | null): Acting | null {
    const state = this.host.databaseState();
    const session = state === 'needs-setup' ? undefined : this.store.get(key);
    if (access === 'public') return session ? SessionStore.acting(session) : null;
    if (state === 'needs-setup') throw new AppError('needs-setup', { id: 'sessions/threshold-not-set-up' });
    if (!session) throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
    if (access === 'session') return SessionStore.acting(session);
    if (session.locked)
      throw new AppError('session-locked', {
        id: 'sessions/session-locked-passphrase-unlocks',
        params: { name: session.name },
      });
    this.store.touch(session);
    const acting = SessionStore.acting(session);
    return access === 'signed-in' ? acting : actIn(acting, access);
  }

  private refused(): AppError {
    return new AppError('sign-in-refused', { id: 'sessions/sign-in-refused' });
  }

  private assertNotWaiting(keyring: Keyring | null, name: string): void {
    const wait = secondsToWait(keyring?.failures[nameHash(name)], this.clock());
    if (wait > 0)
      throw new AppError('try-later', { id: 'sessions/too-many-failed-sign', params: { count: wait } });
  }

  /** Counts a failure for `name` and audits it (now if the database is open, else when it next opens). */
  private fail(name: string): AppError {
    const hash = nameHash(name);
    const at = this.clock().toISOString();
    const services = this.host.services();
    const keyring = updateKeyring(this.host.keyring, (k) => ({
      ...k,
      failures: { ...k.failures, [hash]: afterFailure(k.failures[hash], this.clock()) },
      unaudited: services ? k.unaudited : [...k.unaudited, { at, nameHash: hash }],
    }));
    const count = keyring.failures[hash]?.count ?? 1;
    if (services) this.auditFailure(services.ctx, { name: name.slice(0, 100), failures: count });
    const wait = secondsToWait(keyring.failures[hash], this.clock());
    return wait > 0
      ? new AppError('sign-in-refused', { id: 'sessions/after-failed-tries-next', params: { count, wait } })
      : this.refused();
  }

  private auditFailure(ctx: ServiceContext, details: Record<string, unknown>): void {
    runAs(null, () => ctx.db.transaction(() => ctx.record('session.sign-in-failed', 'session', details))());
  }

  /** Failures counted while the database was locked go into its audit log once it is open. */
  private flushUnaudited(services: { ctx: ServiceContext; accounts: AccountsService }): void {
    const keyring = this.host.keyring.read();
    if (!keyring?.unaudited.length) return;
    const names = new Map(services.accounts.repo.list().map((a) => [nameHash(a.name), a.name]));
    for (const f of keyring.unaudited)
      this.auditFailure(services.ctx, {
        name: names.get(f.nameHash) ?? null,
        nameHash: f.nameHash,
        at: f.at,
        whileLocked: true,
      });
    this.host.keyring.write({ ...keyring, unaudited: [] });
  }

  /**
   * Runs the tries for one name one after the other (each is counted before the next is weighed, as if
   * they came one by one); tries for different names run side by side.
   */
  private oneAtATimeFor<T>(name: string, work: () => Promise<T>): Promise<T> {
    const hash = nameHash(name);
    const result = (this.triesByName.get(hash) ?? Promise.resolve()).then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.triesByName.set(hash, settled);
    void settled.then(() => {
      if (this.triesByName.get(hash) === settled) this.triesByName.delete(hash);
    });
    return result;
  }

  /** A failed try, counted and audited in the writer queue; returns the error to throw. */
  private failInQueue(name: string): Promise<AppError> {
    return this.host.write(() => this.fail(name));
  }

  signIn(key: string, name: string, passphrase: string): Promise<SessionStatus> {
    if (this.host.databaseState() === 'needs-setup')
      throw new AppError('needs-setup', { id: 'sessions/not-set-up-no-one-to-sign-in' });
    return this.oneAtATimeFor(name, () => this.checkAndSignIn(key, name, passphrase));
  }

  /** The passphrase is checked here, outside the writer queue (scrypt takes a noticeable fraction of a
   *  second by design); what a sign-in writes goes through the queue. */
  private async checkAndSignIn(key: string, name: string, passphrase: string): Promise<SessionStatus> {
    this.assertNotWaiting(this.host.keyring.read(), name);
    // While the database is locked, the person's slot must open it first (and the keys it took are
    // reused for the account's own check: one scrypt, not two).
    const derived = new Map<string, PassphraseKeys>();
    if (this.host.databaseState() === 'locked') {
      const slots = slotsForName(this.host.keyring.read(), name);
      let key: DbKey | null = null;
      for (const slot of slots) {
        const keys = await derivePassphraseKeys(passphrase, slot.kdf);
        derived.set(slot.kdf.salt, keys);
        key = openSlot(slot, keys.slotKey);
        if (key) break;
      }
      if (slots.length === 0) await derivePassphraseKeys(passphrase, newKdf());
      if (!key) throw await this.failInQueue(name);
      const opening = key;
      // Another person's sign-in may have opened it meanwhile.
      await this.host.write(() => {
        if (this.host.databaseState() === 'locked') this.host.openWith(opening);
      });
    }
    const services = this.host.services();
    if (!services) throw this.refused();
    const account = services.accounts.repo.byName(name);
    const keys =
      (account && derived.get(account.credential.kdf.salt)) ??
      (await derivePassphraseKeys(passphrase, account?.credential.kdf ?? newKdf()));
    const revoked = this.host.keyring.read()?.revoked ?? [];
    const ok =
      account && !account.disabledAt && !revoked.includes(account.id)
        ? services.accounts.unlockWith(account, keys)
        : null;
    if (!ok) throw await this.failInQueue(name);
    return this.host.write(() => {
      // The database may have been replaced (a restore) while the passphrase was being checked.
      if (this.host.services()?.ctx !== services.ctx)
        throw new AppError('try-later', { id: 'sessions/database-replaced-while-signing-in' });
      return this.startSession(key, name, services, ok);
    });
  }

  /** A checked sign-in's writes: the slot and failure bookkeeping, the session, its audit entries. */
  private startSession(
    key: string,
    name: string,
    services: { ctx: ServiceContext; accounts: AccountsService },
    ok: NonNullable<ReturnType<AccountsService['unlockWith']>>,
  ): SessionStatus {
    this.host.ensureSlot(ok.account.id, ok.account.name, ok.account.credential.kdf, ok.slotKey);
    const hash = nameHash(name);
    if (this.host.keyring.read()?.failures[hash])
      updateKeyring(this.host.keyring, (k) => ({ ...k, failures: omit(k.failures, hash) }));
    this.flushUnaudited(services);
    const previous = this.store.signOut(key);
    if (previous && previous.signer && previous.accountId !== ok.account.id)
      this.recordSignOut(services.ctx, previous);
    const session = this.store.signIn(key, {
      accountId: ok.account.id,
      name: ok.account.name,
      roles: ok.account.roles,
      publicKey: ok.account.publicKey,
      signer: ok.signer,
    });
    runAs(SessionStore.acting(session), () =>
      services.ctx.db.transaction(() =>
        services.ctx.record('session.signed-in', `account:${ok.account.id}`, { accountId: ok.account.id }),
      )(),
    );
    return this.status(key);
  }

  /** As sign-in: the passphrase checked outside the writer queue, a failure counted in it. */
  unlock(key: string, passphrase: string): Promise<SessionStatus> {
    const session = this.store.get(key);
    const services = this.host.services();
    if (!session || !services)
      throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
    if (!session.locked) return Promise.resolve(this.status(key));
    return this.oneAtATimeFor(session.name, async () => {
      this.assertNotWaiting(this.host.keyring.read(), session.name);
      const account = services.accounts.repo.get(session.accountId);
      const keys = await derivePassphraseKeys(passphrase, account?.credential.kdf ?? newKdf());
      const ok = account && !account.disabledAt ? services.accounts.unlockWith(account, keys) : null;
      if (!ok) throw await this.failInQueue(session.name);
      this.store.unlock(session, ok.signer);
      return this.status(key);
    });
  }

  lock(key: string): SessionStatus {
    this.store.lock(key);
    return this.status(key);
  }

  signOut(key: string): SessionStatus {
    const session = this.store.signOut(key);
    const services = this.host.services();
    if (session && services) this.recordSignOut(services.ctx, session);
    return this.status(key);
  }

  private recordSignOut(ctx: ServiceContext, session: Session): void {
    // A locked session has no key to sign with: its end is not worth an unsigned entry.
    if (!session.signer) return;
    runAs(SessionStore.acting(session), () =>
      ctx.db.transaction(() =>
        ctx.record('session.signed-out', `account:${session.accountId}`, { accountId: session.accountId }),
      )(),
    );
  }

  /** The database was replaced: every session ends. */
  endAll(): void {
    this.store.endAll();
  }

  handlers(): HandlersOf<typeof sessionContract> {
    const key = () => currentSession() ?? '';
    const services = () => {
      const s = this.host.services();
      if (!s) throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
      return s;
    };
    return {
      'session:status': () => this.status(currentSession()),
      'session:signIn': ({ name, passphrase }) => this.signIn(key(), name, passphrase),
      'session:lock': () => this.lock(key()),
      'session:unlock': ({ passphrase }) => this.unlock(key(), passphrase),
      'session:signOut': () => this.signOut(key()),
      'session:changePassphrase': async ({ current, next }) => {
        await services().accounts.changeOwnPassphrase(current, next);
        return this.status(key());
      },
      'session:checkPassphrase': ({ passphrase, name, language }) => {
        const s = this.host.services();
        const context = s ? passphraseContext(s.ctx, name ?? '') : [name ?? '', 'threshold'];
        return checkPassphrase(passphrase, { language, context: context.filter(Boolean) });
      },
      'session:setIdleMinutes': ({ minutes }) => {
        const { ctx } = services();
        ctx.require('accounts.manage');
        ctx.db.transaction(() => {
          ctx.settings.set(IDLE_SETTING, minutes);
          ctx.record('sessions.idle-minutes-changed', 'sessions', { minutes });
        })();
        return this.status(key());
      },
    };
  }
}
