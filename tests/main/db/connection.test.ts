import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/db/migrations';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../../helpers/db';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return err as AppError;
  }
  throw new Error(`expected an AppError ${code}`);
}

describe('openDatabase', () => {
  it('creates a new database at the latest schema with WAL, foreign keys and our application id', () => {
    const file = path.join(tempDir(), 'new.db');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    closeDatabase(db);
  });

  it('refuses a SQLite file that is not a Threshold database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');");
    other.close();
    const before = sha(file);
    const err = expectAppError(() => openDatabase(file), 'not-a-database');
    expect(err.message).toMatch(/not a Threshold database/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not SQLite at all and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'these are my meeting notes, not a database '.repeat(200));
    const before = sha(file);
    expectAppError(() => openDatabase(file), 'not-a-database');
    expect(sha(file)).toBe(before);
  });

  it('refuses a database written by a newer version of the app', () => {
    const file = path.join(tempDir(), 'future.db');
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const err = expectAppError(() => openDatabase(file), 'newer-database');
    expect(err.message).toMatch(/newer version of Threshold/);
  });

  it('detects a damaged file in the integrity check', () => {
    const file = path.join(tempDir(), 'damaged.db');
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);
    // Overwrite a stretch in the middle of the file (the settings table's b-tree pages).
    const buf = fs.readFileSync(file);
    buf.fill(0x5a, Math.floor(buf.length / 2), Math.floor(buf.length / 2) + 8192);
    fs.writeFileSync(file, buf);
    expect(() => openDatabase(file)).toThrow(AppError);
  });

  it('backs up an existing database before migrating it, and each migration brings data along', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    // Build the database as the previous app version would have left it, then migrate step by step.
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const db = openDatabase(file, {
        migrations: MIGRATIONS.slice(0, i + 1),
        backupDir: path.join(dir, 'backups'),
      });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[i]!.version);
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`marker-${i}`, '"kept"');
      closeDatabase(db);
    }
    const db = openDatabase(file);
    const markers = db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'marker-%'").get() as {
      n: number;
    };
    expect(markers.n).toBe(MIGRATIONS.length);
    closeDatabase(db);
    const backups = fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : [];
    expect(backups.length).toBe(MIGRATIONS.length - 1);
    for (const b of backups) expect(b).toMatch(/^old\.db\.pre-migration-v\d+-/);
  });

  it('applies no migration twice', () => {
    const file = path.join(tempDir(), 'twice.db');
    closeDatabase(openDatabase(file));
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeDatabase(db);
  });
});
