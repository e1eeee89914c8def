// Restoring a backup: everything is checked before anything is replaced, the new file is written
// beside the database and renamed over it (atomic), and the replaced database is kept in the backups
// folder as `<name>-replaced-<date>.db`. The caller closes the database first and reopens it after:
// through AppHost (the desktop app and browser mode; the CLI with the app closed).
import { BUSY_TIMEOUT_MS } from '../concurrency/busy';
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { RestoreReport } from '../../shared/domain/backups';
import { verifyRecords } from '../audit/verify';
import { APPLICATION_ID } from '../db/connection';
import { LATEST_VERSION } from '../db/migrations';
import { defaultBackupDir, freshBackupPath } from '../db/backups';
import { ThreatStore } from '../threats/store';
import {
  applyKey,
  fsyncDir,
  fsyncFile,
  nativeOptions,
  removeSidecars,
  sniffFile,
  withDatabaseFile,
  writeEncryptedCopy,
  type DbKey,
} from '../db/encryption';

export interface BackupCheck {
  file: string;
  schemaVersion: number;
  encrypted: boolean;
  threats: number;
  auditEntries: number;
}

/**
 * Checks that `file` can replace the database: a Threshold database, that the key opens, that passes
 * its integrity check, whose audit chain is intact, and whose schema this version of Threshold knows.
 * Throws an AppError saying what is wrong; nothing is changed either way.
 */
export interface Restorer {
  accountId: string;
  name: string;
  publicKey: string;
}

export function checkBackup(
  file: string,
  key: DbKey | null | undefined,
  opts: { nativeBinding?: string; restorer?: Restorer | null } = {},
): BackupCheck {
  try {
    return inspect(file, key, opts);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // SQLite's own refusals (SQLITE_CORRUPT, SQLITE_NOTADB, I/O errors) are a damaged file.
    throw new AppError('corrupt-database', {
      id: 'backups/cannot-read-as-threshold',
      params: { file, message: (err as Error).message },
    });
  }
}

function inspect(
  file: string,
  key: DbKey | null | undefined,
  opts: { nativeBinding?: string; restorer?: Restorer | null },
): BackupCheck {
  return withDatabaseFile(
    file,
    key,
    (db, encrypted) => {
      let appId: number;
      try {
        appId = db.pragma('application_id', { simple: true }) as number;
      } catch (err) {
        throw new AppError('not-a-database', {
          id: 'backups/not-a-threshold-database-because',
          params: { file, message: (err as Error).message },
        });
      }
      if (appId !== APPLICATION_ID)
        throw new AppError('not-a-database', {
          id: 'backups/not-a-threshold-database',
          params: { file },
        });
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION) {
        throw new AppError('newer-database', {
          id: 'backups/written-by-newer-version',
          params: { file, version, LATEST_VERSION },
        });
      }
      if (version < 10)
        throw new AppError('not-a-database', { id: 'backups/holds-no-threshold-schema', params: { file } });
      const rows = db.pragma('integrity_check') as Record<string, string>[];
      const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
      if (problems.length) {
        throw new AppError('corrupt-database', {
          id: 'backups/failed-its-integrity-check',
          params: { file, value: problems.slice(0, 3).join('; ') },
        });
      }
      // The whole check: the chain, every signature, and the records against what was signed.
      const audit = verifyRecords(db);
      if (!audit.ok) {
        throw new AppError('corrupt-database', {
          id: 'backups/fails-audit-check-altered',
          params: { file, value: audit.problems[0]?.message ?? 'unknown problem' },
        });
      }
      if (opts.restorer) assertKnowsRestorer(db, file, opts.restorer);
      const threats = new ThreatStore(db).count();
      return { file, schemaVersion: version, encrypted, threats, auditEntries: audit.entries };
    },
    opts,
  );
}

/**
 * The person restoring must be an administrator of the backup too, with the same signing key: otherwise
 * the restored database would lock them (or everyone) out, or hold someone else's accounts.
 */
function assertKnowsRestorer(db: Database.Database, file: string, restorer: Restorer): void {
  const hasAccounts =
    db
      .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'accounts'")
      .pluck()
      .get() === 1;
  const row = hasAccounts
    ? (db
        .prepare('SELECT roles, public_key, disabled_at FROM accounts WHERE id = ?')
        .get(restorer.accountId) as
        { roles: string; public_key: string; disabled_at: string | null } | undefined)
    : undefined;
  const ok =
    row &&
    row.disabled_at === null &&
    row.public_key === restorer.publicKey &&
    (JSON.parse(row.roles) as string[]).includes('administrator');
  if (!ok)
    throw new AppError('forbidden', {
      id: 'backups/does-not-know-as',
      params: { file, name: restorer.name },
    });
}

export interface ReplaceOptions {
  /** The database to replace (closed by the caller). */
  dbPath: string;
  /** The backup (or any Threshold database file) to put in its place. */
  source: string;
  /** The database's key: an encrypted source must open with it; a plain source is encrypted with it. */
  key?: DbKey | null;
  /** Who restores: the backup must know them as an administrator. */
  restorer?: Restorer | null;
  backupDir?: string;
  nativeBinding?: string;
  now?: Date;
}

/**
 * Replaces the (closed) database at `dbPath` with `source`. Order of work:
 * 1. check the source (nothing touched yet);
 * 2. write a consistent copy of it beside the database (`<db>.restoring`), encrypted with the key if
 *    the app uses one, and check that copy again;
 * 3. give the current database a second name in the backups folder (a hard link, or a copy where links
 *    are not possible), after folding any write-ahead log into it;
 * 4. rename the copy over the database: at every moment the database's name holds either the whole old
 *    file or the whole new one.
 */
export function replaceDatabase(opts: ReplaceOptions): RestoreReport {
  const { dbPath, source, key = null } = opts;
  const nb = nativeOptions(opts.nativeBinding);
  if (path.resolve(source) === path.resolve(dbPath))
    throw new AppError('invalid-request', { id: 'backups/that-file-database-itself' });
  const checked = checkBackup(source, key, { ...nb, restorer: opts.restorer ?? null });

  const temp = `${dbPath}.restoring`;
  fs.rmSync(temp, { force: true });
  removeSidecars(temp);
  try {
    const src = new Database(source, { readonly: true, fileMustExist: true, ...nb });
    try {
      // An encrypted backup opened (checkBackup) with the key, so there is one.
      if (checked.encrypted && key) applyKey(src, key);
      src.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (key && !checked.encrypted) writeEncryptedCopy(src, temp, key, nb);
      else src.prepare('VACUUM INTO ?').run(temp);
    } finally {
      src.close();
    }
    fsyncFile(temp);
    checkBackup(temp, key, nb);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('internal', {
      id: 'backups/backup-could-not-copied',
      params: { message: (err as Error).message },
    });
  }

  let replacedBy: string | null = null;
  const dir = opts.backupDir ?? defaultBackupDir(dbPath);
  const currentKind = sniffFile(dbPath);
  if (currentKind !== 'missing') {
    foldWal(dbPath, currentKind === 'encrypted' ? key : null, nb);
    fs.mkdirSync(dir, { recursive: true });
    replacedBy = freshBackupPath(dir, dbPath, 'replaced', opts.now ?? new Date());
    try {
      fs.linkSync(dbPath, replacedBy);
    } catch {
      fs.copyFileSync(dbPath, replacedBy);
      fsyncFile(replacedBy);
    }
    fsyncDir(dir);
  }
  removeSidecars(dbPath);
  fs.renameSync(temp, dbPath);
  fsyncDir(path.dirname(path.resolve(dbPath)));
  return {
    restoredFrom: path.basename(source),
    replacedBy,
    schemaVersion: checked.schemaVersion,
    threats: checked.threats,
    encrypted: sniffFile(dbPath) === 'encrypted',
  };
}

/** A database closed after a crash can still have committed pages in its -wal: fold them in first,
 *  so the file that is kept is whole. */
function foldWal(dbPath: string, key: DbKey | null, nb: { nativeBinding?: string }): void {
  const wal = `${dbPath}-wal`;
  if (!fs.existsSync(wal) || fs.statSync(wal).size === 0) return;
  const db = new Database(dbPath, nb);
  try {
    if (key) applyKey(db, key);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * Puts `source` in place of the (closed) database and opens it with `open`. When the restored file does
 * not open as the app needs it (its migration failed, say), the database it replaced is put back where
 * it was, and nothing is lost. Either way, when the restore fails, `reopenOld` is called to go on with
 * the database as it was.
 */
export function swapDatabaseFile(opts: {
  dbPath: string;
  source: string;
  key: DbKey | null;
  restorer?: Restorer | null;
  open: () => void;
  reopenOld: () => void;
}): RestoreReport {
  const { dbPath } = opts;
  let report: RestoreReport;
  try {
    report = replaceDatabase({ dbPath, source: opts.source, key: opts.key, restorer: opts.restorer ?? null });
  } catch (err) {
    opts.reopenOld();
    throw err;
  }
  try {
    opts.open();
  } catch (err) {
    if (report.replacedBy) {
      removeSidecars(dbPath);
      fs.copyFileSync(report.replacedBy, `${dbPath}.restoring`);
      fs.renameSync(`${dbPath}.restoring`, dbPath);
    }
    opts.reopenOld();
    throw new AppError('corrupt-database', {
      id: 'backups/backup-could-not-opened',
      params: { message: (err as Error).message },
    });
  }
  return report;
}
