// Encryption at rest, with the SQLite3MultipleCiphers engine built into better-sqlite3-multiple-ciphers.
//
// The cipher is SQLCipher 4 (AES-256-CBC per page, HMAC-SHA512 over every page, PBKDF2-HMAC-SHA512 with
// 256,000 iterations when the key is a passphrase), chosen over the engine's default ChaCha20-Poly1305
// ("sqleet") for one reason: interoperability. An auditor, a successor or an incident responder holding
// the key can open the file with any SQLCipher 4 tool (the sqlcipher shell, DB Browser for SQLite,
// SQLiteStudio) without Threshold. Both ciphers are authenticated: a page changed on disk fails to read
// instead of reading as something else. `legacy=4` pins the exact SQLCipher 4 format: the engine's own
// default for the sqlcipher cipher (legacy=0) writes files that SQLCipher itself cannot read. (Checked:
// with legacy=3 the engine writes files that Debian's sqlcipher 3.4.1 shell reads; legacy=4 is the same
// mechanism for SQLCipher 4.)
//
// Keys: the desktop app generates 32 random bytes once and keeps them as a raw key (x'…', no key
// derivation, so opening is instant); the CLI and browser mode also accept a passphrase, which goes
// through SQLCipher's PBKDF2.
import { BUSY_TIMEOUT_MS } from '../concurrency/busy';
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { checkPassphrase } from '../security/passphrases';

export const CIPHER = 'sqlcipher';
export const CIPHER_LEGACY = 4;
/** The environment variable the CLI and browser mode read the key from. */
export const KEY_ENV = 'THRESHOLD_DB_KEY';

export type DbKey = { kind: 'raw'; hex: string } | { kind: 'passphrase'; text: string };

// `npm start` loads better-sqlite3 from a build for Electron's ABI (.electron-native/); every connection
// the process opens (backups, restores, encryption) must use it, not only the main one.
let defaultNativeBinding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  defaultNativeBinding = file;
}

/** Options for `new Database` carrying the native binding in use, if any. */
export function nativeOptions(explicit?: string): { nativeBinding?: string } {
  const nb = explicit ?? defaultNativeBinding;
  return nb ? { nativeBinding: nb } : {};
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const QUOTED_HEX_KEY = /^x'([0-9a-fA-F]{64})'$/;

/** A key as typed or set in THRESHOLD_DB_KEY: 64 hex digits (or x'…') is a raw 256-bit key, anything else a passphrase. */
export function parseKey(input: string): DbKey {
  const text = input.replace(/\r?\n$/, '');
  if (text.length === 0) throw new AppError('invalid-request', { id: 'db/database-key-empty' });
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return { kind: 'raw', hex: trimmed.toLowerCase() };
  const quoted = QUOTED_HEX_KEY.exec(trimmed);
  if (quoted?.[1]) return { kind: 'raw', hex: quoted[1].toLowerCase() };
  return { kind: 'passphrase', text };
}

export function generateKey(): DbKey {
  return { kind: 'raw', hex: randomBytes(32).toString('hex') };
}

/** The key as THRESHOLD_DB_KEY takes it. */
export function formatKey(key: DbKey): string {
  return key.kind === 'raw' ? key.hex : key.text;
}

function configureCipher(db: Database.Database): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`legacy = ${CIPHER_LEGACY}`);
}

/** Keys a freshly opened connection. Must run before any statement that reads the file. */
export function applyKey(db: Database.Database, key: DbKey): void {
  configureCipher(db);
  if (key.kind === 'raw') db.pragma(`key = "x'${key.hex}'"`);
  else db.key(Buffer.from(key.text, 'utf8'));
}

/** Encrypts an open plain database in place (used on a private temporary copy only). */
function rekeyPlain(db: Database.Database, key: DbKey): void {
  configureCipher(db);
  if (key.kind === 'raw') db.pragma(`rekey = "x'${key.hex}'"`);
  else db.rekey(Buffer.from(key.text, 'utf8'));
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'other';

/**
 * What a file looks like from its first page, without opening it: a plain SQLite file starts with
 * "SQLite format 3"; an encrypted one is a whole number of 512-byte pages of uniformly random-looking
 * bytes (SQLCipher leaves no header in clear). Anything else is not a database of ours.
 */
export function sniffFile(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'empty';
    const head = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.length >= 16 && head.subarray(0, 16).equals(SQLITE_MAGIC)) return 'plain';
    if (size % 512 !== 0 || head.length < 512) return 'other';
    const seen = new Set<number>();
    for (const byte of head) seen.add(byte);
    // 4,096 random bytes show all 256 values with near certainty; text or a zeroed file shows few.
    return seen.size >= 200 ? 'encrypted' : 'other';
  } finally {
    fs.closeSync(fd);
  }
}

export function isEncryptedFile(file: string): boolean {
  return sniffFile(file) === 'encrypted';
}

/**
 * Opens any Threshold database file (plain, or encrypted with `key`) read-only and hands it to `use`.
 * Refuses with a clear AppError when the key is missing or wrong, before anything is read.
 */
export function withDatabaseFile<T>(
  file: string,
  key: DbKey | null | undefined,
  use: (db: Database.Database, encrypted: boolean) => T,
  opts: { nativeBinding?: string } = {},
): T {
  const kind = sniffFile(file);
  if (kind === 'missing') throw new AppError('not-found', { id: 'db/does-not-exist', params: { file } });
  if (kind === 'empty' || kind === 'other')
    throw new AppError('not-a-database', {
      id: 'backups/not-a-threshold-database',
      params: { file },
    });
  const useKey = kind === 'encrypted' ? key : null;
  if (kind === 'encrypted' && !useKey) throw keyRequired(file);
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...nativeOptions(opts.nativeBinding),
  });
  try {
    if (useKey) {
      applyKey(db, useKey);
      assertKeyOpens(db, file);
    }
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return use(db, kind === 'encrypted');
  } finally {
    db.close();
  }
}

export function keyRequired(file: string): AppError {
  return new AppError('key-required', { id: 'db/encrypted-not-database-give', params: { file, KEY_ENV } });
}

export function wrongKey(file: string): AppError {
  return new AppError('wrong-key', { id: 'db/key-does-not-open', params: { file } });
}

/**
 * A passphrase about to protect a database (a new one, or a plain one being encrypted) must be strong:
 * the same check as account passphrases (shared/security/passphrase-strength.ts). A raw 64-hex-digit key
 * is 256 random bits, not a passphrase, and always passes. The key of an existing encrypted database is
 * not judged here: it is that database's key, and refusing it would only lock its owner out.
 */
export function assertStrongPassphrase(key: DbKey, file: string): void {
  if (key.kind !== 'passphrase') return;
  const name = path.basename(file, path.extname(file));
  const verdict = checkPassphrase(key.text, { context: ['threshold', 'elections', name] });
  if (verdict.ok) return;
  throw new AppError(
    'weak-passphrase',
    { id: 'db/passphrase-given-for-typed', params: { file, KEY_ENV, value: verdict.reasons.join(' ') } },
    [{ where: KEY_ENV, message: verdict.reasons[0] ?? 'too weak' }],
  );
}

/** Reads the first page: with a wrong key SQLite reports "file is not a database". */
export function assertKeyOpens(db: Database.Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw wrongKey(file);
    throw err;
  }
}

/** Forces file contents (and, where the platform allows, the directory entry) to disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; its renames are durable once they return.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes an encrypted copy of the plain database `source` to `target`: a plain copy is made at
 * `target`, encrypted there (PRAGMA rekey on a rollback-journal copy nobody else has open), then read
 * back with the key and checked. `source` is never written.
 */
export function writeEncryptedCopy(
  sourceDb: Database.Database,
  target: string,
  key: DbKey,
  opts: { nativeBinding?: string } = {},
): void {
  fs.rmSync(target, { force: true });
  removeSidecars(target);
  sourceDb.prepare('VACUUM INTO ?').run(target);
  const copy = new Database(target, nativeOptions(opts.nativeBinding));
  try {
    copy.pragma('journal_mode = DELETE');
    rekeyPlain(copy, key);
  } finally {
    copy.close();
  }
  if (sniffFile(target) !== 'encrypted')
    throw new Error(`encrypting ${path.basename(target)} left it readable without the key`);
  const check = new Database(target, { readonly: true, ...nativeOptions(opts.nativeBinding) });
  try {
    applyKey(check, key);
    assertKeyOpens(check, target);
    const rows = check.pragma('integrity_check') as Record<string, string>[];
    const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
    if (problems.length)
      throw new Error(`the encrypted copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    for (const pragma of ['user_version', 'application_id']) {
      if (check.pragma(pragma, { simple: true }) !== sourceDb.pragma(pragma, { simple: true }))
        throw new Error(`the encrypted copy has a different ${pragma}`);
    }
    const tables = sourceDb
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
          "AND sql NOT LIKE 'CREATE VIRTUAL%'",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const q = `SELECT count(*) FROM "${table.replace(/"/g, '""')}"`;
      if (check.prepare(q).pluck().get() !== sourceDb.prepare(q).pluck().get())
        throw new Error(`the encrypted copy lost rows of ${table}`);
    }
  } finally {
    check.close();
  }
  fsyncFile(target);
}
