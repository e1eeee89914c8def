// Consistent copies of the database file (VACUUM INTO works on a live WAL database).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export function defaultBackupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Writes a consistent copy of the open database to `target` (which must not exist). */
export function copyDatabase(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
}

export function backupBeforeMigration(db: Db, file: string, fromVersion: number, backupDir?: string): string {
  const dir = backupDir ?? defaultBackupDir(file);
  const target = path.join(dir, `${path.basename(file)}.pre-migration-v${fromVersion}-${stamp()}.bak`);
  copyDatabase(db, target);
  return target;
}
