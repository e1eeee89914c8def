// Opens a Threshold database: identity and integrity checks, pragmas, backup, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { backupBeforeMigration } from './backup';

export type Db = Database.Database;

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
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { check = 'full' } = options;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existed = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;

  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new AppError('not-a-database', `Cannot open ${file}: ${(err as Error).message}`);
  }

  try {
    assertIsThresholdDatabase(db, file, existed);
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // A decision or an edit, once acknowledged, must survive a power cut.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (existed && check !== 'none') assertIntegrity(db, file, check);
    if (!options.readonly) migrate(db, file, existed, options.backupDir, options.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function assertIsThresholdDatabase(db: Db, file: string, existed: boolean): void {
  let appId: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } catch (err) {
    throw new AppError(
      'not-a-database',
      `${file} is not a Threshold database (SQLite says: ${(err as Error).message}). Nothing was changed.`,
    );
  }
  if (!existed || (tables === 0 && appId === 0)) return;
  if (appId !== APPLICATION_ID) {
    throw new AppError(
      'not-a-database',
      `${file} is a SQLite database, but not a Threshold database. Nothing was changed; choose another file.`,
    );
  }
}

function assertIntegrity(db: Db, file: string, check: 'full' | 'quick'): void {
  let rows: Array<Record<string, string>>;
  try {
    rows = db.pragma(check === 'full' ? 'integrity_check' : 'quick_check') as Array<Record<string, string>>;
  } catch (err) {
    throw new AppError('corrupt-database', `${file} is damaged and cannot be read: ${(err as Error).message}. Restore a backup.`);
  }
  const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  if (problems.length > 0) {
    throw new AppError(
      'corrupt-database',
      `${file} failed its integrity check (${problems.slice(0, 3).join('; ')}). Nothing was changed; restore a backup.`,
    );
  }
}

function migrate(db: Db, file: string, existed: boolean, backupDir: string | undefined, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new AppError(
      'newer-database',
      `${file} was written by a newer version of Threshold (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Threshold to open it.`,
    );
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
