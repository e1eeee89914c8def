// Backups of the open database: automatic on start (rotating), on demand, before migrations,
// before encryption and before a restore. Each is a consistent copy (VACUUM INTO works on a live WAL
// database), encrypted with the database's own key when the database is encrypted, written beside its
// final name and renamed into place so that a crash never leaves half a backup under a real name.
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KINDS,
  DEFAULT_BACKUPS_KEPT,
  MAX_BACKUPS_KEPT,
  type BackupInfo,
  type BackupKind,
} from '../../shared/domain/backups';
import { AppError } from '../../shared/errors';
import type { Db } from './types';
import { fsyncDir, fsyncFile, sniffFile, withDatabaseFile, type DbKey } from './encryption';

export function defaultBackupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

export const KEEP_SETTING = 'backups.keep';

/** "2027-05-01T12-00-00-000Z": an ISO time that is a valid file name everywhere. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string | null {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

function stem(dbFile: string): string {
  return path.basename(dbFile).replace(/\.(db|sqlite3?)$/i, '');
}

/** `threshold-auto-2027-05-01T12-00-00-000Z.db`, next to nothing but other backups. */
export function backupFileName(dbFile: string, kind: BackupKind, date: Date): string {
  return `${stem(dbFile)}-${kind}-${fileStamp(date)}.db`;
}

/** Kind and time of a backup of `dbFile` from its name, or null if the file is not one. Also reads
 *  the older pre-migration names (`threshold.db.pre-migration-v20-<stamp>.bak`). */
export function parseBackupName(
  dbFile: string,
  name: string,
): { kind: BackupKind; createdAt: string | null } | null {
  const kinds = BACKUP_KINDS.join('|');
  const ours = new RegExp(`^${escapeRe(stem(dbFile))}-(${kinds})-([0-9T-]+Z)(?:-\\d+)?\\.db$`).exec(name);
  if (ours) return { kind: ours[1] as BackupKind, createdAt: stampToIso(ours[2] ?? '') };
  const legacy = new RegExp(
    `^${escapeRe(path.basename(dbFile))}\\.(pre-migration|pre-encryption)-v\\d+-([0-9T-]+Z)\\.(?:bak|db)$`,
  ).exec(name);
  if (legacy) return { kind: legacy[1] as BackupKind, createdAt: stampToIso(legacy[2] ?? '') };
  return null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A fresh, unused path in `dir` for a backup of this kind. */
export function freshBackupPath(dir: string, dbFile: string, kind: BackupKind, date: Date): string {
  const base = backupFileName(dbFile, kind, date);
  let candidate = path.join(dir, base);
  for (let i = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.partial`); i++) {
    candidate = path.join(dir, base.replace(/\.db$/, `-${i}.db`));
  }
  return candidate;
}

/** The copy kept before a migration: `threshold.db.pre-migration-v20-<stamp>.bak` (the name parseBackupName
 *  reads as kind "pre-migration"). */
export function backupBeforeMigration(db: Db, file: string, fromVersion: number, backupDir?: string): string {
  const dir = backupDir ?? defaultBackupDir(file);
  const target = path.join(
    dir,
    `${path.basename(file)}.pre-migration-v${fromVersion}-${fileStamp(new Date())}.bak`,
  );
  fs.mkdirSync(dir, { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Writes a consistent copy of the open database into the backups folder and returns what it wrote. */
export function createBackup(
  db: Db,
  dbFile: string,
  kind: BackupKind,
  opts: { dir?: string; now?: Date } = {},
): BackupInfo {
  const dir = opts.dir ?? defaultBackupDir(dbFile);
  const now = opts.now ?? new Date();
  fs.mkdirSync(dir, { recursive: true });
  const target = freshBackupPath(dir, dbFile, kind, now);
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(dir);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return {
    name: path.basename(target),
    kind,
    createdAt: now.toISOString(),
    size: fs.statSync(target).size,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    encrypted: sniffFile(target) === 'encrypted',
  };
}

// Reading a backup's schema version means opening it; with a passphrase that costs a key derivation,
// so what was read is remembered for as long as the file is unchanged.
const infoCache = new Map<
  string,
  { mtimeMs: number; size: number; schemaVersion: number | null; encrypted: boolean; problem?: string }
>();

function readBackupHeader(
  file: string,
  key: DbKey | null | undefined,
): { schemaVersion: number | null; encrypted: boolean; problem?: string } {
  const stat = fs.statSync(file);
  const hit = infoCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && !hit.problem) return hit;
  let result: { schemaVersion: number | null; encrypted: boolean; problem?: string };
  try {
    result = withDatabaseFile(file, key, (db, encrypted) => ({
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      encrypted,
    }));
  } catch (err) {
    result = {
      schemaVersion: null,
      encrypted: sniffFile(file) === 'encrypted',
      problem: (err as Error).message,
    };
  }
  infoCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ...result });
  return result;
}

/** The backups of `dbFile`, newest first. */
export function listBackups(
  dbFile: string,
  key: DbKey | null | undefined,
  opts: { dir?: string } = {},
): BackupInfo[] {
  const dir = opts.dir ?? defaultBackupDir(dbFile);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(dbFile, name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    if (!stat.isFile()) continue;
    const header = readBackupHeader(file, key);
    out.push({
      name,
      kind: parsed.kind,
      createdAt: parsed.createdAt ?? stat.mtime.toISOString(),
      size: stat.size,
      schemaVersion: header.schemaVersion,
      encrypted: header.encrypted,
      ...(header.problem ? { problem: header.problem } : {}),
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Removes the oldest automatic backups beyond `keep`. Only automatic ones: a backup the user asked
 *  for, or one kept before a migration, an encryption or a restore, is never removed. */
export function rotateAutomaticBackups(dbFile: string, keep: number, opts: { dir?: string } = {}): string[] {
  const dir = opts.dir ?? defaultBackupDir(dbFile);
  if (!fs.existsSync(dir)) return [];
  const autos = fs
    .readdirSync(dir)
    .flatMap((name) => {
      const parsed = parseBackupName(dbFile, name);
      return parsed?.kind === 'auto' ? [{ name, createdAt: parsed.createdAt ?? '' }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const removed: string[] = [];
  for (const old of autos.slice(Math.max(1, clampKeep(keep)))) {
    fs.rmSync(path.join(dir, old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}

export function clampKeep(keep: unknown): number {
  return typeof keep === 'number' && Number.isInteger(keep)
    ? Math.min(MAX_BACKUPS_KEPT, Math.max(1, keep))
    : DEFAULT_BACKUPS_KEPT;
}

/** Resolves a name from the interface to a file inside the backups folder, refusing anything else. */
export function backupPathFor(dbFile: string, name: string, opts: { dir?: string } = {}): string | null {
  const dir = path.resolve(opts.dir ?? defaultBackupDir(dbFile));
  const file = path.resolve(dir, name);
  if (path.dirname(file) !== dir || !parseBackupName(dbFile, name) || !fs.existsSync(file)) return null;
  return file;
}

/** Writes a consistent copy of the open database to `target` (which must not exist yet), through a
 *  temporary name. The copy is encrypted with the database's key when the database is encrypted. */
export function writeBackupTo(db: Db, target: string): { size: number; encrypted: boolean } {
  if (fs.existsSync(target))
    throw new AppError('conflict', { id: 'db/already-exists-choose-new', params: { target } });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { size: fs.statSync(target).size, encrypted: sniffFile(target) === 'encrypted' };
}
