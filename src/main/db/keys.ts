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

/** The part of Electron's safeStorage the key store needs: its asynchronous calls (Electron 45 marks
 *  the synchronous ones deprecated; what they encrypted, the asynchronous ones decrypt). */
export interface OsKeyProtection {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  /** shouldReEncrypt: the key store's own key changed since; the caller writes the blob again. */
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which backend protects the key ('basic_text' protects nothing). */
  getSelectedStorageBackend?(): string;
}

export function keyFilePath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), KEY_FILE_NAME);
}

export async function osProtectionUsable(
  protection: OsKeyProtection,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  // Asked first: it initialises the asynchronous encryptor, and with it the backend named below.
  if (!(await protection.isAsyncEncryptionAvailable())) return false;
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
export async function resolveDesktopKey(opts: {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  protection: OsKeyProtection;
  platform?: NodeJS.Platform;
}): Promise<DesktopKey> {
  const fromEnv = opts.env[KEY_ENV];
  if (fromEnv) return { key: parseKey(fromEnv), source: 'env' };
  const keyFile = keyFilePath(opts.dbPath);
  if (sniffFile(opts.dbPath) !== 'encrypted' || !fs.existsSync(keyFile)) return { key: null, source: null };
  if (!(await osProtectionUsable(opts.protection, opts.platform)))
    return {
      key: null,
      source: null,
      warning: `The database key kept in ${keyFile} is protected by this computer's key store, which is not available now: sign in with your passphrase to open the database.`,
    };
  try {
    const decrypted = await opts.protection.decryptStringAsync(fs.readFileSync(keyFile));
    const text = decrypted.result;
    // The app only ever stores a generated raw key: anything else is a failed decryption.
    if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('the decrypted key is not one Threshold wrote');
    // The key store's own key was rotated: keep the same database key, protected the new way.
    if (decrypted.shouldReEncrypt) writeKeyFile(keyFile, await opts.protection.encryptStringAsync(text));
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
export async function rememberDesktopKey(opts: {
  dbPath: string;
  key: DbKey;
  protection: OsKeyProtection;
  platform?: NodeJS.Platform;
}): Promise<boolean> {
  if (!(await osProtectionUsable(opts.protection, opts.platform))) return false;
  writeKeyFile(keyFilePath(opts.dbPath), await opts.protection.encryptStringAsync(formatKey(opts.key)));
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
