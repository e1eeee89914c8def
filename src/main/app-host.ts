// The host of the database for every entry point (the desktop app, browser mode, the CLI): it opens the
// database with its key, keeps the key slots beside it, runs first-run setup, holds the sessions, serves
// every channel through one dispatcher (sessions and permissions checked before any handler), and can
// swap the database for a backup while the app keeps running. The shell binds IPC (or HTTP, or the CLI's
// typed API) to `host.dispatch`, which always reaches the database currently open.
//
// The database is in one of three states:
// - needs setup: there is no database yet, or one from an earlier version with no accounts (plain, or
//   encrypted with a key given for it); setup creates the organisation and the first administrator and
//   encrypts it with a random key;
// - locked: an encrypted database whose key nobody gave; the first person to sign in opens it with the
//   key their slot holds;
// - open.
import { randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../shared/domain/accounts';
import type { KeySource, RestoreReport } from '../shared/domain/backups';
import type { Action } from '../shared/domain/permissions';
import { SetupRequestSchema, type SetupRequest } from '../shared/domain/accounts';
import type { SetupReport } from '../shared/domain/session';
import { AppError } from '../shared/errors';
import { CHANNELS } from '../shared/ipc/contract';
import type { HandlersOf } from '../shared/ipc/define';
import type { setupContract } from '../shared/ipc/setup.contract';
import type { AccountsService, KeySlotsPort } from './accounts/service';
import { assertStrongPassphrase } from './accounts/service';
import { backupsKept, type DatabaseHostPort } from './backups/service';
import { checkBackup, swapDatabaseFile, type Restorer } from './backups/restore';
import type { ServiceContext } from './context';
import { deriveSecretKeys, publicKeyText, signingKeyPairFromSeed } from './crypto/credentials';
import { closeDatabase, openDatabase, type Db } from './db/connection';
import {
  backupPathFor,
  createBackup,
  defaultBackupDir,
  freshBackupPath,
  rotateAutomaticBackups,
} from './db/backups';
import {
  fsyncDir,
  fsyncFile,
  generateKey,
  removeSidecars,
  sniffFile,
  useNativeBinding,
  keyRequired,
  writeEncryptedCopy,
  type DbKey,
} from './db/encryption';
import type { OpenFilePort } from './files/open-port';
import type { SaveFilePort } from './files/save-port';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import {
  accountSlots,
  EMPTY_KEYRING,
  fileKeyring,
  memoryKeyring,
  newAccountSlot,
  newRecoverySlot,
  updateKeyring,
  type KeyringStore,
} from './keyring/keyring';
import { newRecoveryKey } from './keyring/recovery';
import { currentActing, currentSession, runAs, runInScope, type Acting } from './scope';
import { createContext, createServices, type ServiceHandlers } from './services';
import { SessionService } from './sessions/service';
import { SessionStore } from './sessions/store';
import { profileFromSetup } from './setup/organisation';
import { unsignedBefore } from './audit/verify';
import { teamUnsupported, type TeamServers } from './team/service';
import type { teamContract } from '../shared/ipc/team.contract';
import { WriterQueue } from './concurrency/writer-queue';
import { LiveHub } from './live/hub';
import { acquireDatabaseLock, assertNotHeld, type DatabaseLock } from './concurrency/database-lock';
import { topicsOfChannel } from '../shared/domain/live';

export interface AppHostOptions {
  dbPath: string;
  mode: ServiceContext['mode'];
  assetsDir: string;
  appVersion: string;
  /** The database's key when the entry point has it (THRESHOLD_DB_KEY, the desktop's key store).
   *  Given for a database that is not encrypted (or does not exist yet), it is an error. */
  key?: DbKey | null;
  keySource?: KeySource;
  nativeBinding?: string;
  /** The integrity check when the database opens (default 'full'). */
  check?: 'full' | 'quick' | 'none';
  /** Take a backup when the database first opens and rotate the automatic ones (default true). */
  autoBackup?: boolean;
  clock?: () => Date;
  /** Where files are saved: the desktop app's dialog, or browser mode's downloads. */
  saveFile?: SaveFilePort;
  /** Where files the user chooses are opened: the desktop app's dialog. */
  openFile?: OpenFilePort;
  /** Desktop app: shows the key in a window of its own. */
  showKey?: () => Promise<boolean>;
  /** Desktop app: keeps a new database's key in the operating system's key store (safeStorage), so that
   *  the app opens without a passphrase; people still sign in. */
  rememberKey?: (key: DbKey) => void | Promise<void>;
  onInternalError?: (err: unknown, channel: string) => void;
  /** Desktop app: connecting to a team server (elsewhere: unsupported). */
  teamServers?: TeamServers;
  /** The program that holds the database while it runs ('the desktop app', 'browser mode', 'the team
   *  server'): a lock file beside it, so that `threshold restore` and a second server are refused. */
  holdAs?: string;
}

interface Open {
  db: Db;
  ctx: ServiceContext;
  accounts: AccountsService;
  handlers: Handlers;
  /** No accounts yet (an earlier version's database, opened with its key): setup comes first. */
  needsSetup: boolean;
}

type HostHandlers = HandlersOf<typeof setupContract>;

const PLAIN_BACKUP_SETTING = 'setup.plainBackup';

export class AppHost implements DatabaseHostPort {
  readonly dbPath: string;
  readonly sessions: SessionService;
  readonly keyring: KeyringStore;
  private current: Open | null = null;
  private dbKey: DbKey | null;
  private keySourceValue: KeySource;
  readonly showKey?: () => Promise<boolean>;
  /** The automatic backup taken when the database first opened, if any. */
  startBackup: string | null = null;
  private opened = false;
  private readonly clock: () => Date;
  private readonly unavailable: ServiceHandlers;

  /** Always the database currently open, also across a restore; sessions checked on every call. */
  readonly dispatch: Dispatch;
  /** Every write of this process, one at a time (the dispatcher runs write channels in it). */
  readonly writer = new WriterQueue();
  /** What every open window is told when the database changes (here or in another program). */
  readonly live: LiveHub;
  /** The threats the write being answered changed (from the services' threatsChanged events). */
  private changedThreatIds: string[] = [];
  private readonly lock: DatabaseLock | null;

  private constructor(private readonly opts: AppHostOptions) {
    if (opts.nativeBinding) useNativeBinding(opts.nativeBinding);
    this.dbPath = path.resolve(opts.dbPath);
    this.clock = opts.clock ?? (() => new Date());
    this.keyring = fileKeyring(this.dbPath);
    this.dbKey = opts.key ?? null;
    this.keySourceValue = this.dbKey ? (opts.keySource ?? 'env') : null;
    if (opts.showKey) this.showKey = opts.showKey;
    this.unavailable = unavailableHandlers();
    this.sessions = new SessionService(
      {
        databaseState: () => this.databaseState(),
        services: () => (this.current ? { ctx: this.current.ctx, accounts: this.current.accounts } : null),
        openWith: (key) => this.openWith(key),
        keyring: this.keyring,
        plainBackup: () => this.plainBackup(),
        ensureSlot: (accountId, name, kdf, slotKey) => {
          if (!accountSlots(this.keyring.read(), accountId).some((s) => s.kdf.salt === kdf.salt))
            this.keySlots(this.keyring).add(accountId, name, kdf, slotKey);
        },
        write: (work) => this.writer.run(work),
      },
      this.clock,
    );
    // Before the database is open only the session and setup channels answer (the gate refuses the rest).
    const closed = {
      ...this.unavailable,
      ...this.sessions.handlers(),
      ...this.setupHandlers(),
      ...this.teamHandlers(),
    } as Handlers;
    this.live = new LiveHub({
      dataVersion: () =>
        this.current?.db.open ? (this.current.db.pragma('data_version', { simple: true }) as number) : null,
    });
    this.dispatch = createDispatcher(() => this.current?.handlers ?? closed, {
      gate: (channel, caller) => this.sessions.enter(channel, caller?.session ?? null),
      writer: this.writer,
      onWritten: (channel, acting) => {
        const ids = this.changedThreatIds;
        this.changedThreatIds = [];
        this.live.changed(topicsOfChannel(channel), ids, acting?.name ?? null);
      },
      ...(opts.onInternalError ? { onInternalError: opts.onInternalError } : {}),
    });
    this.lock = opts.holdAs ? acquireDatabaseLock(this.dbPath, opts.holdAs, this.clock()) : null;
    try {
      this.start();
    } catch (err) {
      this.lock?.release();
      throw err;
    }
  }

  static open(opts: AppHostOptions): AppHost {
    return new AppHost(opts);
  }

  get key(): DbKey | null {
    return this.dbKey;
  }

  get keySource(): KeySource {
    return this.keySourceValue;
  }

  get ctx(): ServiceContext {
    if (!this.current) throw this.notOpen();
    return this.current.ctx;
  }

  get db(): Db {
    if (!this.current) throw this.notOpen();
    return this.current.db;
  }

  /** The open database's services (read afresh: opening happens in other methods). */
  private openNow(): Open | null {
    return this.current;
  }

  /** True once the database is open (with its key). */
  get isOpen(): boolean {
    return this.current !== null;
  }

  private notOpen(): AppError {
    return this.databaseState() === 'needs-setup'
      ? new AppError('needs-setup', { id: 'app-host/threshold-not-set-up' })
      : new AppError('not-signed-in', { id: 'app-host/database-locked-sign-open' });
  }

  databaseState(): 'needs-setup' | 'locked' | 'open' {
    if (this.current) return this.current.needsSetup ? 'needs-setup' : 'open';
    const kind = sniffFile(this.dbPath);
    return kind === 'encrypted' ? 'locked' : 'needs-setup';
  }

  /** Decides the state from the file and the key given; opens the database when it can. */
  private start(): void {
    const kind = sniffFile(this.dbPath);
    if (kind === 'other')
      throw new AppError('not-a-database', {
        id: 'app-host/not-threshold-database-nothing',
        params: { dbPath: this.dbPath },
      });
    if (kind === 'missing' || kind === 'empty' || kind === 'plain') {
      if (this.dbKey) throw keyNotNeeded(this.dbPath, kind);
      return;
    }
    if (this.dbKey) {
      this.openWith(this.dbKey);
      return;
    }
    const keyring = this.keyring.read();
    if (!keyring?.slots.some((s) => s.kind === 'account')) throw keyRequired(this.dbPath);
  }

  /** Opens the encrypted database with `key` (from the entry point, or from a person's slot). */
  private openWith(key: DbKey): void {
    if (this.current) return;
    const db = openDatabase(this.dbPath, {
      key,
      ...(this.opts.check ? { check: this.opts.check } : {}),
      ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}),
    });
    try {
      this.current = this.build(db, this.dbPath, this.keyring, key);
    } catch (err) {
      closeDatabase(db);
      throw err;
    }
    this.dbKey = key;
    if (!this.keySourceValue) this.keySourceValue = 'passphrase';
    if (!this.opened) {
      this.opened = true;
      this.takeStartBackup();
    }
  }

  private takeStartBackup(): void {
    if (!(this.opts.autoBackup ?? true) || !this.current) return;
    try {
      this.startBackup = createBackup(this.current.db, this.dbPath, 'auto', { now: this.clock() }).name;
      rotateAutomaticBackups(this.dbPath, backupsKept(this.current.ctx));
    } catch (err) {
      // A full disk must not keep the official out of the log; the failure is reported, not fatal.
      this.opts.onInternalError?.(err, 'backups:auto');
    }
  }

  /** The key slots as the services change them: the database key wrapped for a person, or removed. */
  private keySlots(store: KeyringStore, key: () => DbKey | null = () => this.dbKey): KeySlotsPort {
    return {
      add: (accountId, name, kdf, slotKey) => {
        const dbKey = key();
        if (!dbKey) throw new Error('no database key to wrap');
        const slot = newAccountSlot({ accountId, name, kdf, slotKey, dbKey, at: this.clock().toISOString() });
        updateKeyring(store, (k) => ({
          ...k,
          slots: [...k.slots, slot],
          revoked: k.revoked.filter((id) => id !== accountId),
        }));
      },
      remove: (accountId, { keep, revoke } = {}) => {
        updateKeyring(store, (k) => ({
          ...k,
          slots: k.slots.filter(
            (s) =>
              s.kind !== 'account' ||
              s.accountId !== accountId ||
              (keep !== undefined && s.kdf.salt === keep),
          ),
          revoked: revoke && !k.revoked.includes(accountId) ? [...k.revoked, accountId] : k.revoked,
        }));
      },
    };
  }

  /** The services over an open database. */
  private build(db: Db, dbPath: string, keyring: KeyringStore, key: DbKey): Open {
    const ctx = createContext(db, {
      dbPath,
      assetsDir: this.opts.assetsDir,
      mode: this.opts.mode,
      appVersion: this.opts.appVersion,
      clock: this.clock,
    });
    const { handlers, accounts } = createServices(ctx, {
      keySlots: this.keySlots(keyring, () => key),
      sessions: this.sessions.store,
      database: this,
      threatsChanged: (ids) => {
        if (this.changedThreatIds.length < 200) this.changedThreatIds.push(...ids.slice(0, 200));
      },
      ...(this.opts.saveFile ? { saveFile: this.opts.saveFile } : {}),
      ...(this.opts.openFile ? { openFile: this.opts.openFile } : {}),
    });
    const needsSetup = accounts.repo.count() === 0;
    return {
      db,
      ctx,
      accounts,
      needsSetup,
      handlers: {
        ...handlers,
        ...this.sessions.handlers(),
        ...this.setupHandlers(),
        ...this.teamHandlers(),
      } as Handlers,
    };
  }

  private plainBackup(): string | null {
    if (!this.current) return null;
    const name = this.current.ctx.settings.get(PLAIN_BACKUP_SETTING, zString);
    if (!name) return null;
    return fs.existsSync(path.join(defaultBackupDir(this.dbPath), name)) ? name : null;
  }

  // First run

  /** The desktop app connects to team servers; the other entry points say they do not. */
  private teamHandlers(): HandlersOf<typeof teamContract> {
    return this.opts.teamServers?.handlers() ?? teamUnsupported();
  }

  private setupHandlers(): HostHandlers {
    return {
      'setup:run': (request) => this.setup(request, currentSession()),
      'setup:discardPlainBackup': () => this.discardPlainBackup(),
    };
  }

  /**
   * Creates the organisation and its first administrator, on a new database (or an earlier version's,
   * encrypted first), all or nothing: the new database is built beside the old one, under a temporary
   * name, and renamed into place only when everything is in it; the key slots are written just before.
   */
  async setup(input: SetupRequest, sessionKey: string | null): Promise<SetupReport> {
    if (this.databaseState() !== 'needs-setup')
      throw new AppError('conflict', { id: 'app-host/threshold-already-set-up' });
    const request = SetupRequestSchema.parse(input);
    const profile = profileFromSetup(request.organisation);
    const admin = request.administrator;
    assertStrongPassphrase(
      admin.passphrase,
      [
        admin.name,
        ...admin.name.split(/\s+/),
        request.organisation.name.en,
        request.organisation.name.fr,
        'threshold',
      ],
      admin.name,
    );

    const kind = sniffFile(this.dbPath);
    const temp = `${this.dbPath}.setup`;
    fs.rmSync(temp, { force: true });
    removeSidecars(temp);
    const nb = this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
    const now = this.clock();
    let key: DbKey;
    let plainBackup: string | null = null;
    let from: 'new' | 'plain' | 'encrypted';
    if (this.current) {
      // An earlier version's encrypted database, opened with its own key: that key stays.
      if (!this.dbKey) throw new Error('an open database without its key');
      key = this.dbKey;
      from = 'encrypted';
      this.current.db.prepare('VACUUM INTO ?').run(temp);
      closeDatabase(this.current.db);
      this.current = null;
    } else if (kind === 'plain') {
      // An earlier version's unencrypted database: a plain copy is kept (until an administrator says it
      // may go), and an encrypted copy of it becomes the new database.
      key = generateKey();
      from = 'plain';
      // Opened as the app opens a database: a Threshold database, that passes its integrity check.
      const plain = openDatabase(this.dbPath, { readonly: true, ...nb });
      try {
        const dir = defaultBackupDir(this.dbPath);
        fs.mkdirSync(dir, { recursive: true });
        plainBackup = freshBackupPath(dir, this.dbPath, 'pre-encryption', now);
        plain.prepare('VACUUM INTO ?').run(plainBackup);
        fsyncFile(plainBackup);
        writeEncryptedCopy(plain, temp, key, nb);
      } finally {
        plain.close();
      }
    } else {
      key = generateKey();
      from = 'new';
    }

    const keyring = memoryKeyring({ ...EMPTY_KEYRING });
    let open: Open | null = null;
    let report: Omit<SetupReport, 'status'>;
    try {
      const db = openDatabase(temp, { key, ...nb });
      open = this.build(db, this.dbPath, keyring, key);
      // The recovery key: its slot opens the database, its signing key is recorded in the setup entry.
      const recovery = newRecoveryKey();
      const salt = randomBytes(16);
      const recoveryKeys = deriveSecretKeys(recovery.secret, salt);
      const recoverySigning = signingKeyPairFromSeed(recoveryKeys.signingSeed);
      keyring.write({
        ...EMPTY_KEYRING,
        slots: [
          newRecoverySlot({
            salt,
            slotKey: recoveryKeys.slotKey,
            publicKey: recoverySigning.publicKey,
            dbKey: key,
            at: now.toISOString(),
          }),
        ],
      });
      const created = await open.accounts.create(
        { name: admin.name, roles: [...ROLES], passphrase: admin.passphrase },
        { first: true },
      );
      const acting: Acting = {
        accountId: created.account.id,
        name: created.account.name,
        roles: created.account.roles,
        signer: created.signer,
        role: 'administrator',
      };
      const handlers = open.handlers;
      const ctx = open.ctx;
      let sampleLoaded = false;
      await runAs(acting, async () => {
        ctx.db.transaction(() => {
          ctx.record('setup.completed', 'organisation', {
            organisation: profile.name,
            administrator: created.account.id,
            recoveryPublicKey: recoverySigning.publicKey,
            from,
            // What was decided, saved and signed off before accounts stays unsigned; anything after is not.
            unsignedBefore: unsignedBefore(ctx.db),
            ...(plainBackup ? { plainBackup: path.basename(plainBackup) } : {}),
          });
          if (plainBackup) ctx.settings.set(PLAIN_BACKUP_SETTING, path.basename(plainBackup));
        })();
        await handlers['profile:set']({ profile });
        if (request.sample) {
          await handlers['workspace:loadSample']({});
          sampleLoaded = true;
        }
      });
      report = {
        recoveryKey: recovery.text,
        administrator: open.accounts.view(created.account),
        plainBackup: plainBackup ? path.basename(plainBackup) : null,
        sampleLoaded,
      };
      open.db.pragma('wal_checkpoint(TRUNCATE)');
      closeDatabase(open.db);
      open = null;
      // Slots first: a crash before the rename leaves the old file (or none) and setup to run again.
      if (!keyring.current) throw new Error('setup wrote no key slots');
      this.keyring.write(keyring.current);
      removeSidecars(this.dbPath);
      fs.renameSync(temp, this.dbPath);
      fsyncDir(path.dirname(this.dbPath));
    } catch (err) {
      if (open) closeDatabase(open.db);
      fs.rmSync(temp, { force: true });
      removeSidecars(temp);
      if (plainBackup) fs.rmSync(plainBackup, { force: true });
      // An earlier version's encrypted database was closed to be copied: open it again as it was.
      if (from === 'encrypted') this.openWith(key);
      throw err;
    }
    this.dbKey = key;
    this.keySourceValue = this.keySourceValue ?? 'passphrase';
    // Nothing to back up on this first open: setup just made the database (an earlier one was kept).
    this.opened = true;
    this.openWith(key);
    if (this.opts.rememberKey) await this.opts.rememberKey(key);
    // The administrator is signed in where they set up.
    const services = this.openNow();
    const account = services?.accounts.repo.get(report.administrator.id);
    if (!services || !account) throw new Error('the database set up did not open');
    const signedIn = await services.accounts.authenticate(account.name, admin.passphrase);
    if (signedIn && sessionKey)
      this.sessions.store.signIn(sessionKey, {
        accountId: account.id,
        name: account.name,
        roles: account.roles,
        publicKey: account.publicKey,
        signer: signedIn.signer,
      });
    return { ...report, status: this.sessions.status(sessionKey) };
  }

  /** Destroys the unencrypted copy of an earlier version's database (overwritten, then removed). */
  discardPlainBackup(): { removed: string | null } {
    const ctx = this.ctx;
    ctx.require('accounts.manage');
    const name = ctx.settings.get(PLAIN_BACKUP_SETTING, zString);
    if (!name) return { removed: null };
    const file = path.join(defaultBackupDir(this.dbPath), name);
    if (fs.existsSync(file)) {
      const size = fs.statSync(file).size;
      const fd = fs.openSync(file, 'r+');
      try {
        const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
        for (let at = 0; at < size; at += zeros.length)
          fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.rmSync(file, { force: true });
    }
    ctx.db.transaction(() => {
      ctx.settings.set(PLAIN_BACKUP_SETTING, null);
      ctx.record('database.plain-backup-destroyed', 'database', { file: name });
    })();
    return { removed: name };
  }

  // Restore

  /** Replaces the database with the backup `name` (a file in the backups folder). Checks first; the
   *  database stays open on the old file if anything is wrong, and is reopened on the new one after. */
  restore(name: string): RestoreReport {
    const source = backupPathFor(this.dbPath, name);
    if (!source) throw new AppError('not-found', { id: 'app-host/there-no-backup-named', params: { name } });
    return this.restoreFile(source);
  }

  restoreFile(source: string): RestoreReport {
    const acting = currentActing();
    const key = this.dbKey;
    const restorer = restorerOf(acting);
    // Checked with the database still open: a bad backup changes nothing, not even for a moment.
    checkBackup(source, key, { restorer });
    // Offline for everyone: every window says so until the database is back.
    this.live.publish({ kind: 'offline', by: acting?.name ?? null });
    if (this.current) closeDatabase(this.current.db);
    this.current = null;
    const reopen = () => {
      if (key) this.openWith(key);
    };
    let report: RestoreReport | null = null;
    try {
      // The backup passed its checks but may still not open as the app needs it (e.g. its migration
      // failed): then the database it replaced is put back where it was, and the app goes on with it.
      report = swapDatabaseFile({
        dbPath: this.dbPath,
        source,
        key,
        restorer,
        open: reopen,
        reopenOld: reopen,
      });
      this.afterRestore(report, acting);
    } finally {
      this.live.resetDataVersion();
      this.live.publish({ kind: 'online', by: acting?.name ?? null, from: report?.restoredFrom ?? null });
    }
    return report;
  }

  /**
   * Restores a backup with the app closed (the CLI's `threshold restore`): the same checks and swap as
   * restoreFile, without opening the database it replaces first (it may be the damaged one).
   */
  static restoreClosed(opts: AppHostOptions, source: string, acting: Acting | null): RestoreReport {
    const dbPath = path.resolve(opts.dbPath);
    // A running app or server has it open: replacing the file under it would lose what it saves next.
    assertNotHeld(dbPath, 'it cannot be restored now');
    const key = opts.key ?? null;
    const restorer = restorerOf(acting);
    checkBackup(source, key, { restorer });
    let host: AppHost | undefined;
    const report = swapDatabaseFile({
      dbPath,
      source,
      key,
      restorer,
      open: () => {
        // Opening it migrates an older schema (with its own backup first).
        host = AppHost.open({ ...opts, autoBackup: false });
      },
      reopenOld: () => undefined,
    });
    try {
      host?.afterRestore(report, acting, { via: 'cli' });
    } finally {
      host?.close();
    }
    return report;
  }

  /**
   * After a restore: the sessions of people the restored database knows, with the same signing key and
   * not disabled, go on (with the roles it gives them); the others end. The restore is recorded, signed by
   * the person who restored, when the backup knows them (with the same key).
   */
  private afterRestore(
    report: RestoreReport,
    acting: Acting | null,
    details: Record<string, unknown> = {},
  ): void {
    if (!this.current) {
      this.sessions.endAll();
      return;
    }
    const { ctx, accounts } = this.current;
    const revoked = this.keyring.read()?.revoked ?? [];
    const known = (accountId: string, publicKey?: string) => {
      const a = accounts.repo.get(accountId);
      return a &&
        !a.disabledAt &&
        !revoked.includes(a.id) &&
        (publicKey === undefined || a.publicKey === publicKey)
        ? a
        : null;
    };
    this.sessions.store.retain((s) => known(s.accountId, s.publicKey)?.roles ?? null);
    if (!acting?.signer) return;
    const restorer = known(acting.accountId, publicKeyOf(acting.signer));
    if (!restorer) return;
    runAs(acting, () =>
      ctx.db.transaction(() =>
        ctx.record('database.restored', 'database', {
          from: report.restoredFrom,
          replacedBy: report.replacedBy ? path.basename(report.replacedBy) : null,
          schemaVersion: report.schemaVersion,
          ...details,
        }),
      )(),
    );
  }

  /** Runs host-side work that is not a channel (the CLI's backup to a file) for a session, as its account,
   *  if its roles allow `action`. */
  actAs<T>(sessionKey: string, action: Action, fn: () => T): T {
    const acting = this.sessions.enterAccess(action, sessionKey);
    return runInScope({ session: sessionKey, acting }, fn);
  }

  /** What a session acts as now (for work done after the database is closed: a restore). */
  actingOf(sessionKey: string): Acting | null {
    const session = this.sessions.store.get(sessionKey);
    return session ? SessionStore.acting(session) : null;
  }

  close(): void {
    this.live.close();
    try {
      if (this.current) closeDatabase(this.current.db);
    } finally {
      this.current = null;
      this.lock?.release();
    }
  }
}

const zString = z.string();

/** Who restores, as the backup must know them (null: nobody signed in, e.g. a test of the swap alone). */
export function restorerOf(acting: Acting | null): Restorer | null {
  if (!acting) return null;
  if (!acting.signer) throw new AppError('session-locked', { id: 'app-host/unlock-your-session-restore' });
  return { accountId: acting.accountId, name: acting.name, publicKey: publicKeyOf(acting.signer) };
}

function publicKeyOf(signer: KeyObject): string {
  return publicKeyText(signer);
}

function keyNotNeeded(file: string, kind: string): AppError {
  return new AppError(
    'key-not-needed',
    kind === 'plain'
      ? { id: 'app-host/key-for-plain-database', params: { file } }
      : { id: 'app-host/key-for-no-database', params: { file } },
  );
}

/** Every service channel answering that the database is not open (before setup, or while locked). */
function unavailableHandlers(): ServiceHandlers {
  const out: Record<string, () => never> = {};
  for (const channel of CHANNELS)
    out[channel] = () => {
      throw new AppError('not-signed-in', { id: 'app-host/sign-first-database-not' });
    };
  return out as unknown as ServiceHandlers;
}

export { SessionStore };
