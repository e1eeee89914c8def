// Opens a Threshold database: identity and integrity checks, pragmas, backup, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from './types';
import { BUSY_TIMEOUT_MS } from '../concurrency/busy';
import { beginTransactionsImmediately } from '../concurrency/immediate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { backupBeforeMigration, defaultBackupDir, freshBackupPath } from './backups';
import {
  applyKey,
  assertStrongPassphrase,
  fsyncDir,
  fsyncFile,
  keyRequired,
  nativeOptions,
  removeSidecars,
  sniffFile,
  writeEncryptedCopy,
  wrongKey,
  type DbKey,
} from './encryption';

export type { Db };

/** "THSH": marks a SQLite file as a Threshold database (PRAGMA application_id). */
export const APPLICATION_ID = 0x54485348;

export interface OpenOptions {
  /** 'full' runs PRAGMA integrity_check, 'quick' runs quick_check. */
  check?: 'full' | 'quick' | 'none';
  /** Path to a better_sqlite3.node built for another ABI (Electron). */
  nativeBinding?: string;
  /** Folder for automatic backups; defaults to `<db folder>/backups`. */
  backupDir?: string;
  readonly?: boolean;
  /** The migrations to apply; tests pass a prefix of the registry to build older databases. */
  migrations?: readonly Migration[];
  /** The encryption key (see encryption.ts). A new database is created encrypted with it, an encrypted
   *  one is opened with it; a plain one is opened as it is unless `encryptPlain` is set. */
  key?: DbKey | null;
  /** With `key`: encrypt an existing plain database in place, after keeping a plain backup. */
  encryptPlain?: boolean;
  /** Told where the plain backup went when a plain database was encrypted. */
  onEncrypted?: (plainBackup: string) => void;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { check = 'full' } = options;
  let kind = file === ':memory:' ? 'missing' : sniffFile(file);
  const existed = kind !== 'missing' && kind !== 'empty';
  const key = file === ':memory:' ? null : (options.key ?? null);
  if (kind === 'encrypted' && !key) throw keyRequired(file);
  // A passphrase about to protect a database is judged first, before anything is created.
  const protecting = !existed || (kind === 'plain' && options.encryptPlain && !options.readonly);
  if (key && protecting) assertStrongPassphrase(key, file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (kind === 'plain' && key && options.encryptPlain && !options.readonly) {
    const backup = encryptInPlace(file, key, options);
    kind = 'encrypted';
    options.onEncrypted?.(backup);
  }
  // The key goes on before any statement reads the file: new files are created encrypted.
  const useKey = key !== null && (kind === 'encrypted' || !existed);

  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...nativeOptions(options.nativeBinding),
    });
  } catch (err) {
    throw new AppError('not-a-database', {
      id: 'db/cannot-open',
      params: { file, message: (err as Error).message },
    });
  }

  try {
    if (useKey && key) applyKey(db, key);
    assertIsThresholdDatabase(db, file, existed, useKey && existed);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // A decision or an edit, once acknowledged, must survive a power cut.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) beginTransactionsImmediately(db);
    if (existed && check !== 'none') assertIntegrity(db, file, check);
    if (!options.readonly) migrate(db, file, existed, options.backupDir, options.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function assertIsThresholdDatabase(db: Db, file: string, existed: boolean, keyed = false): void {
  let appId: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }
    ).n;
  } catch (err) {
    if (keyed && (err as { code?: string }).code === 'SQLITE_NOTADB') throw wrongKey(file);
    throw new AppError('not-a-database', {
      id: 'db/not-threshold-database-sqlite',
      params: { file, message: (err as Error).message },
    });
  }
  if (!existed || (tables === 0 && appId === 0)) return;
  if (appId !== APPLICATION_ID) {
    throw new AppError('not-a-database', { id: 'db/sqlite-database-but-not', params: { file } });
  }
}

function assertIntegrity(db: Db, file: string, check: 'full' | 'quick'): void {
  let rows: Record<string, string>[];
  try {
    rows = db.pragma(check === 'full' ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  } catch (err) {
    throw new AppError('corrupt-database', {
      id: 'db/damaged-cannot-read-restore',
      params: { file, message: (err as Error).message },
    });
  }
  const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  if (problems.length > 0) {
    throw new AppError('corrupt-database', {
      id: 'db/failed-its-integrity-check',
      params: { file, value: problems.slice(0, 3).join('; ') },
    });
  }
}

function migrate(
  db: Db,
  file: string,
  existed: boolean,
  backupDir: string | undefined,
  migrations: readonly Migration[],
): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new AppError('newer-database', {
      id: 'db/written-by-newer-version',
      params: { file, current, LATEST_VERSION },
    });
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (existed && current > 0 && file !== ':memory:') backupBeforeMigration(db, file, current, backupDir);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}

/**
 * Encrypts a plain Threshold database where it lies: checks it, keeps a plain backup in the backups
 * folder, writes an encrypted copy beside it and verifies it, then renames the copy over the original
 * (a rename is atomic: at every moment the file is either the whole plain or the whole encrypted one).
 * Returns the plain backup's path; the caller says so to the user, who may delete it.
 */
function encryptInPlace(file: string, key: DbKey, options: OpenOptions): string {
  const plain = new Database(file, nativeOptions(options.nativeBinding));
  const temp = `${file}.encrypting`;
  let backup: string;
  try {
    assertIsThresholdDatabase(plain, file, true);
    plain.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    assertIntegrity(plain, file, 'full');
    plain.pragma('wal_checkpoint(TRUNCATE)');
    const dir = options.backupDir ?? defaultBackupDir(file);
    fs.mkdirSync(dir, { recursive: true });
    backup = freshBackupPath(dir, file, 'pre-encryption', new Date());
    plain.prepare('VACUUM INTO ?').run(backup);
    fsyncFile(backup);
    writeEncryptedCopy(plain, temp, key, options);
  } catch (err) {
    plain.close();
    fs.rmSync(temp, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('internal', {
      id: 'db/could-not-encrypted-nothing',
      params: { file, message: (err as Error).message },
    });
  }
  plain.close();
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    fs.rmSync(temp, { force: true });
    throw new AppError('locked', { id: 'db/open-another-program-so', params: { file } });
  }
  removeSidecars(file);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(path.resolve(file)));
  return backup;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}
