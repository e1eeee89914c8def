// Where the database key comes from.
//
// Desktop app: 32 random bytes generated once, encrypted by the operating system (Electron's
// safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) and stored
// next to the database as `threshold.key`. Only the same user on the same machine can decrypt it.
// If the operating system offers no protection (Linux without a keyring: safeStorage then falls back to a
// hard-coded password, "basic_text"), a key stored beside the database would protect nothing; the app
// then says so and lets the official choose between quitting and continuing without encryption (or
// starting it with THRESHOLD_DB_KEY set). It never writes an unprotected key to disk.
//
// CLI and browser mode: THRESHOLD_DB_KEY (64 hex digits, or a passphrase), else a prompt on a terminal
// when the database is encrypted.
//
// This file never imports Electron: the shell passes safeStorage in through `OsKeyProtection`.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { KeySource } from '../../shared/domain/backups';
import { KEY_ENV, fsyncDir, generateKey, parseKey, sniffFile, type DbKey } from './encryption';

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

export type DesktopKey =
  | { kind: 'key'; key: DbKey; source: Exclude<KeySource, null>; created: boolean; keyFile: string | null }
  /** No protected key storage and no key in the environment: the app asks whether to go on unencrypted. */
  | { kind: 'unprotected'; reason: string };

/**
 * Decides the desktop app's key. Throws an AppError (key-required) when the database is encrypted and
 * no key for it can be found; never creates a key for a database that is already encrypted.
 */
export async function resolveDesktopKey(opts: {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  protection: OsKeyProtection;
  platform?: NodeJS.Platform;
}): Promise<DesktopKey> {
  const fromEnv = opts.env[KEY_ENV];
  if (fromEnv) return { kind: 'key', key: parseKey(fromEnv), source: 'env', created: false, keyFile: null };

  const keyFile = keyFilePath(opts.dbPath);
  const usable = await osProtectionUsable(opts.protection, opts.platform);
  if (fs.existsSync(keyFile)) {
    if (!usable) {
      throw new AppError(
        'key-required',
        `The database key in ${keyFile} is protected by this computer's key store, which is ` +
          `not available now. Unlock it (or log in to your desktop session) and start again, ` +
          `or start Threshold with ${KEY_ENV} set to the key. Nothing was changed.`,
      );
    }
    let text: string;
    let reEncrypt: boolean;
    try {
      const decrypted = await opts.protection.decryptStringAsync(fs.readFileSync(keyFile));
      text = decrypted.result;
      reEncrypt = decrypted.shouldReEncrypt;
      // The app only ever stores a generated raw key: anything else is a failed decryption.
      if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('the decrypted key is not one Threshold wrote');
    } catch (err) {
      throw new AppError(
        'key-required',
        `The database key in ${keyFile} cannot be decrypted by this user account (${(err as Error).message}). ` +
          `Start Threshold with ${KEY_ENV} set to the key. Nothing was changed.`,
      );
    }
    // The key store's own key was rotated: keep the same database key, protected the new way.
    if (reEncrypt) writeKeyFile(keyFile, await opts.protection.encryptStringAsync(text));
    return { kind: 'key', key: parseKey(text), source: 'os', created: false, keyFile };
  }

  if (sniffFile(opts.dbPath) === 'encrypted') {
    throw new AppError(
      'key-required',
      `${opts.dbPath} is encrypted, but this computer holds no key for it (${keyFile} is ` +
        `missing). Start Threshold with ${KEY_ENV} set to the key. Nothing was changed.`,
    );
  }
  if (!usable) {
    return {
      kind: 'unprotected',
      reason:
        'This computer offers no protected storage for secrets (on Linux: no keyring such ' +
        'as GNOME Keyring or KWallet is running), so Threshold cannot keep an encryption key safely.',
    };
  }
  const key = generateKey();
  writeKeyFile(keyFile, await opts.protection.encryptStringAsync(key.kind === 'raw' ? key.hex : key.text));
  return { kind: 'key', key, source: 'os', created: true, keyFile };
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

/** CLI and browser mode: the key from THRESHOLD_DB_KEY, else from `prompt` when the database is
 *  encrypted (and a prompt is possible), else none. */
export function resolveCliKey(opts: {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  prompt?: (question: string) => string | null;
}): { key: DbKey | null; source: KeySource } {
  const fromEnv = opts.env[KEY_ENV];
  if (fromEnv) return { key: parseKey(fromEnv), source: 'env' };
  if (sniffFile(opts.dbPath) !== 'encrypted' || !opts.prompt) return { key: null, source: null };
  const typed = opts.prompt(`${path.basename(opts.dbPath)} is encrypted. Database key: `);
  if (!typed) return { key: null, source: null };
  return { key: parseKey(typed), source: 'prompt' };
}
