// Where the database key comes from, besides a person's key slot (see keyring/).
//
// Desktop app: the key of a database set up on this computer may also be kept encrypted by the operating
// system (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on
// Linux) next to the database as `threshold.key`, so that the app opens the database at start; people
// still sign in with their passphrases. Where the operating system offers no protection (Linux without
// a keyring: safeStorage then falls back to a hard-coded password, "basic_text"), nothing is kept: the
// first person to sign in opens the database with their slot. It never writes an unprotected key.
//
// CLI and browser mode: THRESHOLD_DB_KEY (64 hex digits, or the passphrase an earlier version's database
// was encrypted with) opens the database without a slot; people still sign in.
//
// This file never imports Electron: the shell passes safeStorage in through `OsKeyProtection`.
import fs from 'node:fs';
import path from 'node:path';
import type { KeySource } from '../../shared/domain/backups';
import { KEY_ENV, formatKey, fsyncDir, parseKey, sniffFile, type DbKey } from './encryption';

export const KEY_FILE_NAME = 'threshold.key';

/** The part of Electron's safeStorage the key store needs. */
export interface OsKeyProtection {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which backend protects the key ('basic_text' protects nothing). */
  getSelectedStorageBackend?(): string;
}

export function keyFilePath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), KEY_FILE_NAME);
}

export function osProtectionUsable(
  protection: OsKeyProtection,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!protection.isEncryptionAvailable()) return false;
  if (platform === 'linux' && protection.getSelectedStorageBackend) {
    const backend = protection.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return false;
  }
  return true;
}

export interface DesktopKey {
  /** Null: the database is new or from an earlier version (setup makes its key), or locked (a person's
   *  slot opens it). */
  key: DbKey | null;
  source: KeySource;
  /** Why the kept key could not be used (the official then signs in with their passphrase). */
  warning?: string;
}

/**
 * Decides the desktop app's key at start: THRESHOLD_DB_KEY, else the key kept by the operating system for
 * an encrypted database, else none. A kept key beside a database that is not encrypted (deleted, or from an
 * earlier version) belongs to no database and is ignored: setup will keep the new one.
 */
export function resolveDesktopKey(opts: {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  protection: OsKeyProtection;
  platform?: NodeJS.Platform;
}): DesktopKey {
  const fromEnv = opts.env[KEY_ENV];
  if (fromEnv) return { key: parseKey(fromEnv), source: 'env' };
  const keyFile = keyFilePath(opts.dbPath);
  if (sniffFile(opts.dbPath) !== 'encrypted' || !fs.existsSync(keyFile)) return { key: null, source: null };
  if (!osProtectionUsable(opts.protection, opts.platform))
    return {
      key: null,
      source: null,
      warning: `The database key kept in ${keyFile} is protected by this computer's key store, which is not available now: sign in with your passphrase to open the database.`,
    };
  try {
    const text = opts.protection.decryptString(fs.readFileSync(keyFile));
    // The app only ever stores a generated raw key: anything else is a failed decryption.
    if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('the decrypted key is not one Threshold wrote');
    return { key: parseKey(text), source: 'os' };
  } catch (err) {
    return {
      key: null,
      source: null,
      warning: `The database key kept in ${keyFile} cannot be decrypted by this user account (${(err as Error).message}): sign in with your passphrase to open the database.`,
    };
  }
}

/** Keeps a database's key in the operating system's key store, when it offers real protection; false
 *  when it does not (nothing is written: passphrases open the database instead). */
export function rememberDesktopKey(opts: {
  dbPath: string;
  key: DbKey;
  protection: OsKeyProtection;
  platform?: NodeJS.Platform;
}): boolean {
  if (!osProtectionUsable(opts.protection, opts.platform)) return false;
  writeKeyFile(keyFilePath(opts.dbPath), opts.protection.encryptString(formatKey(opts.key)));
  return true;
}

/** Written beside, synced, renamed: the key file is never half written. Readable by the owner only. */
function writeKeyFile(file: string, blob: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, blob);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/** CLI and browser mode: the key from THRESHOLD_DB_KEY, if set (otherwise people's passphrases open the
 *  database through their key slots). */
export function resolveCliKey(opts: { env: NodeJS.ProcessEnv }): { key: DbKey | null; source: KeySource } {
  const fromEnv = opts.env[KEY_ENV];
  return fromEnv ? { key: parseKey(fromEnv), source: 'env' } : { key: null, source: null };
}
