// The host of the open database for the desktop app and browser mode: opens it (with its key),
// takes the automatic backup on start, serves the handlers through one dispatcher, and can swap the
// database for a backup (close → replace → reopen) while the app keeps running. The shell binds IPC
// (or HTTP) to `host.dispatch`, which always reaches the database currently open.
import path from 'node:path';
import { AppError, type Result } from '../shared/errors';
import type { Identity } from '../shared/domain/app';
import type { KeySource, RestoreReport } from '../shared/domain/backups';
import type { ServiceContext } from './context';
import { closeDatabase, openDatabase, type Db } from './db/connection';
import { backupPathFor, createBackup, rotateAutomaticBackups } from './db/backups';
import { sniffFile, useNativeBinding, type DbKey } from './db/encryption';
import { checkBackup, swapDatabaseFile } from './backups/restore';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createContext, createHandlers } from './services';
import { backupsKept, type DatabaseHostPort } from './backups/service';
import type { OpenFilePort } from './files/open-port';
import type { SaveFilePort } from './files/save-port';

export interface AppHostOptions {
  dbPath: string;
  mode: ServiceContext['mode'];
  assetsDir: string;
  appVersion: string;
  key?: DbKey | null;
  keySource?: KeySource;
  /** Encrypt a plain database in place (desktop app with a key), keeping a plain backup. */
  encryptPlain?: boolean;
  onEncrypted?: (plainBackup: string) => void;
  nativeBinding?: string;
  /** Take a backup on start and rotate the automatic ones (default true). */
  autoBackup?: boolean;
  clock?: () => Date;
  /** Where files are saved: the desktop app's dialog, or browser mode's downloads. */
  saveFile?: SaveFilePort;
  /** Where files the user chooses are opened: the desktop app's dialog. */
  openFile?: OpenFilePort;
  /** Desktop app: shows the key in a window of its own. */
  showKey?: () => Promise<boolean>;
  onInternalError?: (err: unknown, channel: string) => void;
}

interface Open {
  db: Db;
  ctx: ServiceContext;
  dispatch: Dispatch;
}

export class AppHost implements DatabaseHostPort {
  private current: Open;
  readonly dbPath: string;
  readonly key: DbKey | null;
  readonly keySource: KeySource;
  readonly showKey?: () => Promise<boolean>;
  /** The automatic backup taken on start, if any. */
  readonly startBackup: string | null;

  /** Always the database currently open, also across a restore. */
  readonly dispatch: Dispatch = (channel, payload): Promise<Result<unknown>> =>
    this.current.dispatch(channel, payload);

  private constructor(private readonly opts: AppHostOptions) {
    if (opts.nativeBinding) useNativeBinding(opts.nativeBinding);
    this.dbPath = path.resolve(opts.dbPath);
    this.key = opts.key ?? null;
    this.keySource = this.key ? (opts.keySource ?? 'env') : null;
    if (opts.showKey) this.showKey = opts.showKey;
    const kind = sniffFile(this.dbPath);
    const existed = kind !== 'missing' && kind !== 'empty';
    this.current = this.openCurrent({ encryptPlain: opts.encryptPlain ?? false });
    let startBackup: string | null = null;
    if (existed && (opts.autoBackup ?? true)) {
      try {
        startBackup = createBackup(this.current.db, this.dbPath, 'auto', {
          now: this.current.ctx.clock(),
        }).name;
        rotateAutomaticBackups(this.dbPath, backupsKept(this.current.ctx));
      } catch (err) {
        // A full disk must not keep the official out of the log; the failure is reported, not fatal.
        opts.onInternalError?.(err, 'backups:auto');
      }
    }
    this.startBackup = startBackup;
  }

  static open(opts: AppHostOptions): AppHost {
    return new AppHost(opts);
  }

  get ctx(): ServiceContext {
    return this.current.ctx;
  }

  get db(): Db {
    return this.current.db;
  }

  private openCurrent(extra: { encryptPlain: boolean }): Open {
    const { opts } = this;
    let encryptedBackup: string | null = null;
    const db = openDatabase(this.dbPath, {
      key: this.key,
      encryptPlain: extra.encryptPlain,
      onEncrypted: (backup) => {
        encryptedBackup = backup;
      },
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    try {
      const ctx = createContext(db, {
        dbPath: this.dbPath,
        assetsDir: opts.assetsDir,
        mode: opts.mode,
        appVersion: opts.appVersion,
        ...(opts.clock ? { clock: opts.clock } : {}),
      });
      const handlers = createHandlers(ctx, {
        database: this,
        ...(opts.saveFile ? { saveFile: opts.saveFile } : {}),
        ...(opts.openFile ? { openFile: opts.openFile } : {}),
      });
      if (encryptedBackup) {
        const plain = path.basename(encryptedBackup);
        db.transaction(() =>
          ctx.record('database.encrypted', 'database', { cipher: 'sqlcipher-4', plainBackup: plain }),
        )();
        opts.onEncrypted?.(encryptedBackup);
      }
      return { db, ctx, dispatch: createDispatcher(handlers, opts.onInternalError) };
    } catch (err) {
      closeDatabase(db);
      throw err;
    }
  }

  /** Replaces the database with the backup `name` (a file in the backups folder). Checks first; the
   *  database stays open on the old file if anything is wrong, and is reopened on the new one after. */
  restore(name: string): RestoreReport {
    const source = backupPathFor(this.dbPath, name);
    if (!source) throw new AppError('not-found', `There is no backup named ${name} in the backups folder.`);
    return this.restoreFile(source);
  }

  restoreFile(source: string): RestoreReport {
    const who = this.current.ctx.actor();
    // Checked with the database still open: a bad backup changes nothing, not even for a moment.
    checkBackup(source, this.key);
    closeDatabase(this.current.db);
    const reopen = () => {
      this.current = this.openCurrent({ encryptPlain: false });
    };
    // The backup passed its checks but may still not open as the app needs it (e.g. its migration
    // failed): then the database it replaced is put back where it was, and the app goes on with it.
    const report = swapDatabaseFile({
      dbPath: this.dbPath,
      source,
      key: this.key,
      open: reopen,
      reopenOld: reopen,
    });
    this.recordRestore(report, who);
    return report;
  }

  /**
   * Restores a backup with the app closed (the CLI's `threshold restore`): the same checks and swap as
   * restoreFile, without opening the database it replaces first (it may be the damaged one).
   */
  static restoreClosed(
    opts: AppHostOptions,
    source: string,
    details: Record<string, unknown> = {},
  ): RestoreReport {
    const dbPath = path.resolve(opts.dbPath);
    const key = opts.key ?? null;
    checkBackup(source, key);
    let host: AppHost | undefined;
    const report = swapDatabaseFile({
      dbPath,
      source,
      key,
      open: () => {
        // Opening it migrates an older schema (with its own backup first).
        host = AppHost.open({ ...opts, autoBackup: false });
      },
      reopenOld: () => undefined,
    });
    try {
      host?.recordRestore(report, null, details);
    } finally {
      host?.close();
    }
    return report;
  }

  private recordRestore(
    report: RestoreReport,
    who: Identity | null,
    details: Record<string, unknown> = {},
  ): void {
    const { ctx, db } = this.current;
    db.transaction(() =>
      ctx.record(
        'database.restored',
        'database',
        {
          from: report.restoredFrom,
          replacedBy: report.replacedBy ? path.basename(report.replacedBy) : null,
          schemaVersion: report.schemaVersion,
          ...details,
        },
        { onBehalfOf: who },
      ),
    )();
  }

  close(): void {
    closeDatabase(this.current.db);
  }
}
