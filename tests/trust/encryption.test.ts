// Encryption at rest: nothing of a threat is readable in the file or its write-ahead log; a wrong key
// is refused before anything changes; a plain database is encrypted in place with a plain backup kept;
// the desktop key store and the CLI's key handling.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import {
  CIPHER_LEGACY,
  formatKey,
  generateKey,
  parseKey,
  sniffFile,
  type DbKey,
} from '../../src/main/db/encryption';
import { KEY_FILE_NAME, resolveDesktopKey, type OsKeyProtection } from '../../src/main/db/keys';
import { AuditLog } from '../../src/main/audit/audit-log';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/db';
import { fileContains, openKeyed, recordFigures, runCli, writeMarkedThreat } from './helpers';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const marker = () => `MARKER${randomBytes(6).toString('hex')}`;

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('encryption at rest', () => {
  it('keeps a threat unreadable in the database file and its -wal, before and after a checkpoint', async () => {
    const dir = tempDir('trust-enc-');
    const file = path.join(dir, 'threshold.db');
    const secret = marker();
    const key = generateKey();
    const app = openKeyed(file, { key });
    await writeMarkedThreat(app, secret);
    // Before a checkpoint the pages live in the -wal: it must be encrypted too.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(fileContains(`${file}-wal`, secret)).toBe(false);
    expect(fileContains(file, secret)).toBe(false);
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileContains(file, secret)).toBe(false);
    expect(fileContains(`${file}-wal`, secret)).toBe(false);
    // Still readable through the app.
    const detail = await app.call<{ threat: { title: string } }>('threats:get', { id: 'T-MARK' });
    expect(detail.threat.title).toContain(secret);
    app.close();
    expect(sniffFile(file)).toBe('encrypted');
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(fileContains(file, secret)).toBe(false);
    recordFigures('encryption', {
      cipher: 'SQLCipher 4 (AES-256-CBC, HMAC-SHA512)',
      markerFoundInDb: false,
      markerFoundInWal: false,
      bytesSearched: fs.statSync(file).size,
    });
  });

  it('the same check finds the marker in a plain database (the check can fail)', async () => {
    const file = path.join(tempDir('trust-plain-'), 'threshold.db');
    const secret = marker();
    const app = openKeyed(file);
    await writeMarkedThreat(app, secret);
    expect(fileContains(`${file}-wal`, secret)).toBe(true);
    app.close();
    expect(fileContains(file, secret)).toBe(true);
    expect(sniffFile(file)).toBe('plain');
  });

  it('writes SQLCipher 4 files: a plain SQLCipher 4 connection opens them', async () => {
    const file = path.join(tempDir('trust-sqlcipher-'), 'threshold.db');
    const key = generateKey() as Extract<DbKey, { kind: 'raw' }>;
    const app = openKeyed(file, { key });
    await writeMarkedThreat(app, 'interop');
    app.close();
    const raw = new Database(file, { readonly: true });
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma(`legacy = ${CIPHER_LEGACY}`);
    raw.pragma(`key = "x'${key.hex}'"`);
    expect(raw.prepare('SELECT title FROM threats').pluck().get()).toBe('Title interop');
    raw.close();
    expect(CIPHER_LEGACY).toBe(4);
  });

  it('refuses a wrong key with a clear error and changes nothing (no file written, none created)', async () => {
    const dir = tempDir('trust-wrongkey-');
    const file = path.join(dir, 'threshold.db');
    const app = openKeyed(file, { key: generateKey() });
    await writeMarkedThreat(app, 'x');
    app.close();
    const before = sha(file);
    const files = listing(dir);
    for (const wrong of [generateKey(), parseKey('a passphrase that is not the key')]) {
      const err = appError(() => openDatabase(file, { key: wrong }));
      expect(err.code).toBe('wrong-key');
      expect(err.message).toMatch(/the key does not open .*threshold\.db; nothing was changed/i);
      expect(sha(file)).toBe(before);
      expect(listing(dir)).toEqual(files);
    }
  });

  it('asks for a key when the database is encrypted and none is given', async () => {
    const file = path.join(tempDir('trust-nokey-'), 'threshold.db');
    closeDatabase(openDatabase(file, { key: generateKey() }));
    const before = sha(file);
    const err = appError(() => openDatabase(file));
    expect(err.code).toBe('key-required');
    expect(err.message).toMatch(/THRESHOLD_DB_KEY/);
    expect(sha(file)).toBe(before);
  });

  it('opens with a passphrase as well as a raw key', async () => {
    const file = path.join(tempDir('trust-pass-'), 'threshold.db');
    const pass = parseKey('correct horse battery staple, with \'quotes\' and "double" ones');
    expect(pass.kind).toBe('passphrase');
    const app = openKeyed(file, { key: pass });
    await writeMarkedThreat(app, 'pass');
    app.close();
    const again = openKeyed(file, { key: parseKey(formatKey(pass)) });
    expect((await again.call<{ total: number }>('threats:list', {})).total).toBe(1);
    again.close();
  });

  it('refuses a weak passphrase for a new database, saying why, and creates nothing', async () => {
    const dir = tempDir('trust-weak-');
    const file = path.join(dir, 'new', 'threshold.db');
    for (const weak of ['x', 'password', 'Lakeshore2027!']) {
      const err = appError(() => openDatabase(file, { key: parseKey(weak) }));
      expect(err.code).toBe('weak-passphrase');
      expect(err.message).toMatch(/too weak to protect the database: .*10\^\d+ tries.*Nothing was created/);
      expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    }
    // Through the command line, as an official would meet it.
    const cli = await runCli(['--db', file, 'list'], { cwd: dir, env: { THRESHOLD_DB_KEY: 'x' } });
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/THRESHOLD_DB_KEY.*too weak.*Nothing was created/s);
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    // A strong passphrase, and a raw key (256 random bits, not a passphrase), create the database.
    const strong = await runCli(['--db', file, 'list'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: 'vague otter lantern quietly' },
    });
    expect(strong.code, strong.err).toBe(0);
    expect(sniffFile(file)).toBe('encrypted');
    const raw = path.join(dir, 'raw.db');
    closeDatabase(openDatabase(raw, { key: parseKey('0'.repeat(64)) }));
    expect(sniffFile(raw)).toBe('encrypted');
  });

  it('refuses to encrypt a plain database under a weak passphrase, and leaves it as it was', async () => {
    const file = path.join(tempDir('trust-weak-plain-'), 'threshold.db');
    const app = openKeyed(file, {});
    await writeMarkedThreat(app, 'plain');
    app.close();
    const before = sha(file);
    const err = appError(() => openDatabase(file, { key: parseKey('12345678'), encryptPlain: true }));
    expect(err.code).toBe('weak-passphrase');
    expect(sha(file)).toBe(before);
    expect(sniffFile(file)).toBe('plain');
  });

  it("parses keys: 64 hex digits (or x'…') are raw keys, anything else a passphrase", () => {
    const hex = 'ab'.repeat(32);
    expect(parseKey(hex)).toEqual({ kind: 'raw', hex });
    expect(parseKey(`${hex.toUpperCase()}\n`)).toEqual({ kind: 'raw', hex });
    expect(parseKey(`x'${hex}'`)).toEqual({ kind: 'raw', hex });
    expect(parseKey('ab'.repeat(31))).toEqual({ kind: 'passphrase', text: 'ab'.repeat(31) });
    expect(() => parseKey('')).toThrow(AppError);
  });

  it('encrypts an existing plain database in place, keeping a plain backup in the backups folder first', async () => {
    const dir = tempDir('trust-migrate-');
    const file = path.join(dir, 'threshold.db');
    const secret = marker();
    const plain = openKeyed(file);
    await writeMarkedThreat(plain, secret);
    new AuditLog(plain.ctx.db).append({ action: 'test.entry' });
    plain.close();
    expect(fileContains(file, secret)).toBe(true);

    const key = generateKey();
    let backup = '';
    const app = openKeyed(file, { key, encryptPlain: true, onEncrypted: (b) => (backup = b) });
    expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
    expect(path.basename(backup)).toMatch(/^threshold-pre-encryption-.*\.db$/);
    expect(sniffFile(backup)).toBe('plain');
    expect(fileContains(backup, secret)).toBe(true);
    const detail = await app.call<{ threat: { title: string; classifiedNotes: { text: string }[] } }>(
      'threats:get',
      { id: 'T-MARK' },
    );
    expect(detail.threat.classifiedNotes[0]!.text).toBe(`Secret ${secret}`);
    expect(new AuditLog(app.ctx.db).verify().ok).toBe(true);
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    expect(sniffFile(file)).toBe('encrypted');
    expect(fileContains(file, secret)).toBe(false);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
    // The plain backup is a whole Threshold database.
    const b = openDatabase(backup, { readonly: true });
    expect(b.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(1);
    closeDatabase(b);
  });

  it('leaves a plain database plain when a key is given without encryptPlain (the CLI with THRESHOLD_DB_KEY set)', async () => {
    const file = path.join(tempDir('trust-plain-key-'), 'threshold.db');
    closeDatabase(openDatabase(file));
    closeDatabase(openDatabase(file, { key: generateKey() }));
    expect(sniffFile(file)).toBe('plain');
  });

  it('refuses to encrypt a database that fails its integrity check, and changes nothing', async () => {
    const dir = tempDir('trust-corrupt-enc-');
    const file = path.join(dir, 'threshold.db');
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);
    const buf = fs.readFileSync(file);
    buf.fill(0x5a, Math.floor(buf.length / 2), Math.floor(buf.length / 2) + 8192);
    fs.writeFileSync(file, buf);
    const before = sha(file);
    const err = appError(() => openDatabase(file, { key: generateKey(), encryptPlain: true }));
    expect(err.code).toBe('corrupt-database');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
  });
});

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

/** A stand-in for Electron 45's safeStorage (the only fake these tests use, as the real one needs
 *  Electron). Its synchronous calls are deprecated there, so here they throw, as they will once removed. */
function fakeProtection(
  opts: { available?: boolean; backend?: string; rotated?: boolean } = {},
): OsKeyProtection & { encrypted: number } {
  const mask = randomBytes(32);
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ mask[i % mask.length]!));
  const removed = (name: string) => () => {
    throw new Error(`safeStorage.${name} is deprecated; use the asynchronous call`);
  };
  const protection = {
    encrypted: 0,
    isEncryptionAvailable: removed('isEncryptionAvailable'),
    encryptString: removed('encryptString'),
    decryptString: removed('decryptString'),
    isAsyncEncryptionAvailable: () => Promise.resolve(opts.available ?? true),
    encryptStringAsync(s: string) {
      protection.encrypted++;
      return Promise.resolve(Buffer.concat([Buffer.from('OSK1'), xor(Buffer.from(s, 'utf8'))]));
    },
    decryptStringAsync(b: Buffer) {
      if (!b.subarray(0, 4).equals(Buffer.from('OSK1'))) return Promise.reject(new Error('not ours'));
      return Promise.resolve({
        result: xor(b.subarray(4)).toString('utf8'),
        shouldReEncrypt: !!opts.rotated,
      });
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
  return protection;
}

describe('desktop key store', () => {
  it('generates a key once, keeps it only in OS-protected form beside the database, and reuses it', async () => {
    const dir = tempDir('trust-keystore-');
    const dbPath = path.join(dir, 'threshold.db');
    const protection = fakeProtection();
    const first = await resolveDesktopKey({ dbPath, env: {}, protection, platform: 'linux' });
    expect(first).toMatchObject({ kind: 'key', source: 'os', created: true });
    const keyFile = path.join(dir, KEY_FILE_NAME);
    expect(fs.existsSync(keyFile)).toBe(true);
    const hex = first.kind === 'key' && first.key.kind === 'raw' ? first.key.hex : '';
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(keyFile).toString('latin1')).not.toContain(hex);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    const second = await resolveDesktopKey({ dbPath, env: {}, protection, platform: 'linux' });
    expect(second).toMatchObject({ kind: 'key', source: 'os', created: false });
    expect(second.kind === 'key' && second.key).toEqual(first.kind === 'key' && first.key);
    expect(protection.encrypted).toBe(1);
  });

  it('re-encrypts the key file when the OS key store says its key was rotated, and the key stays the same', async () => {
    const dir = tempDir('trust-keystore-rotated-');
    const dbPath = path.join(dir, 'threshold.db');
    const first = await resolveDesktopKey({
      dbPath,
      env: {},
      protection: fakeProtection(),
      platform: 'linux',
    });
    const keyFile = path.join(dir, KEY_FILE_NAME);
    // The key file as a key store that has since rotated its own key would hold it.
    const rotated = fakeProtection({ rotated: true });
    const hex = first.kind === 'key' && first.key.kind === 'raw' ? first.key.hex : '';
    fs.writeFileSync(keyFile, await rotated.encryptStringAsync(hex));
    const again = await resolveDesktopKey({ dbPath, env: {}, protection: rotated, platform: 'linux' });
    expect(again).toMatchObject({ kind: 'key', source: 'os', created: false });
    expect(again.kind === 'key' && again.key).toEqual(first.kind === 'key' && first.key);
    expect(rotated.encrypted).toBe(2);
    expect((await rotated.decryptStringAsync(fs.readFileSync(keyFile))).result).toBe(hex);
  });

  it('writes no key when the OS cannot protect it (Linux basic_text), and says why', async () => {
    const dir = tempDir('trust-keystore-unprotected-');
    const dbPath = path.join(dir, 'threshold.db');
    for (const protection of [
      fakeProtection({ backend: 'basic_text' }),
      fakeProtection({ available: false }),
    ]) {
      const decision = await resolveDesktopKey({ dbPath, env: {}, protection, platform: 'linux' });
      expect(decision.kind).toBe('unprotected');
      expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    }
  });

  it('never makes a new key for an encrypted database it has no key for', async () => {
    const dir = tempDir('trust-keystore-foreign-');
    const dbPath = path.join(dir, 'threshold.db');
    closeDatabase(openDatabase(dbPath, { key: generateKey() }));
    const err = await appErrorOf(
      resolveDesktopKey({ dbPath, env: {}, protection: fakeProtection(), platform: 'linux' }),
    );
    expect(err.code).toBe('key-required');
    expect(err.message).toMatch(/THRESHOLD_DB_KEY/);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('prefers THRESHOLD_DB_KEY, and refuses a key file another account protected', async () => {
    const dir = tempDir('trust-keystore-env-');
    const dbPath = path.join(dir, 'threshold.db');
    const hex = 'cd'.repeat(32);
    expect(
      await resolveDesktopKey({
        dbPath,
        env: { THRESHOLD_DB_KEY: hex },
        protection: fakeProtection(),
        platform: 'linux',
      }),
    ).toMatchObject({ kind: 'key', source: 'env', key: { kind: 'raw', hex } });
    await resolveDesktopKey({ dbPath, env: {}, protection: fakeProtection(), platform: 'linux' });
    const err = await appErrorOf(
      resolveDesktopKey({ dbPath, env: {}, protection: fakeProtection(), platform: 'linux' }),
    );
    expect(err.code).toBe('key-required');
  });
});

describe('the CLI on an encrypted database', () => {
  it('takes the key from THRESHOLD_DB_KEY or a prompt, and says what to do without one or with a wrong one', async () => {
    const dir = tempDir('trust-cli-key-');
    const file = path.join(dir, 'threshold.db');
    const key = generateKey();
    const app = openKeyed(file, { key });
    await writeMarkedThreat(app, 'cli');
    app.close();
    const hex = formatKey(key);

    const withEnv = await runCli(['--db', file, 'list', '--json'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: hex },
    });
    expect(withEnv.code).toBe(0);
    expect(withEnv.out).toContain('T-MARK');

    const asked: string[] = [];
    const withPrompt = await runCli(['--db', file, 'show', 'T-MARK', '--json'], {
      cwd: dir,
      promptSecret: (q) => (asked.push(q), hex),
    });
    expect(withPrompt.code).toBe(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/encrypted/);

    const without = await runCli(['--db', file, 'list'], { cwd: dir });
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/encrypted.*THRESHOLD_DB_KEY/);

    const wrong = await runCli(['--db', file, 'list'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: 'not the key' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/the key does not open .*nothing was changed/i);
  });
});
