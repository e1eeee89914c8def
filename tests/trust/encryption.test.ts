// Encryption at rest, by default: every database is encrypted with a random 256-bit key; nothing of a
// threat is readable in the file or its write-ahead log; the key lives only in key slots beside the
// database (wrapped per person under their passphrase, and under the recovery key); an earlier
// version's plain database is encrypted in place at setup, its plain copy destroyed once confirmed; a
// key given for a file that needs none is an error; the desktop key store; the CLI.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppHost } from '../../src/main/app-host';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import {
  CIPHER_LEGACY,
  formatKey,
  generateKey,
  parseKey,
  sniffFile,
  type DbKey,
} from '../../src/main/db/encryption';
import {
  KEY_FILE_NAME,
  rememberDesktopKey,
  resolveDesktopKey,
  type OsKeyProtection,
} from '../../src/main/db/keys';
import { keyringPath, readKeyring } from '../../src/main/keyring/keyring';
import { openWithRecoveryKey } from '../../src/main/keyring/recovery';
import { AppError } from '../../src/shared/errors';
import { ADMIN, ASSETS_DIR, openTestApp, ORGANISATION, tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { fileContains, recordFigures, runCli, writeMarkedThreat } from './helpers';

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

const host = (dbPath: string, key?: DbKey | null) =>
  AppHost.open({ dbPath, mode: 'cli', assetsDir: ASSETS_DIR, appVersion: 'test', autoBackup: false, key });

const setUp = (h: AppHost, session = 'setup') =>
  h.dispatch(
    'setup:run',
    {
      organisation: { name: ORGANISATION },
      administrator: { name: ADMIN.name, passphrase: ADMIN.passphrase },
    },
    { session },
  );

describe('encryption at rest, by default', () => {
  it('keeps a threat unreadable in the database file and its -wal, before and after a checkpoint', async () => {
    const app = await openTestApp();
    const secret = marker();
    await writeMarkedThreat(app, secret);
    // Before a checkpoint the pages live in the -wal: it must be encrypted too.
    expect(fs.statSync(`${app.file}-wal`).size).toBeGreaterThan(0);
    expect(fileContains(`${app.file}-wal`, secret)).toBe(false);
    expect(fileContains(app.file, secret)).toBe(false);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileContains(app.file, secret)).toBe(false);
    expect(fileContains(`${app.file}-wal`, secret)).toBe(false);
    // Still readable through the app.
    const detail = await app.call<{ threat: { title: string } }>('threats:get', { id: 'T-MARK' });
    expect(detail.threat.title).toContain(secret);
    const key = app.key as Extract<DbKey, { kind: 'raw' }>;
    app.close();
    expect(sniffFile(app.file)).toBe('encrypted');
    expect(fs.readFileSync(app.file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(fileContains(app.file, secret)).toBe(false);
    // The key slots beside it hold neither the key nor anything of the data.
    expect(key.kind).toBe('raw');
    expect(fileContains(keyringPath(app.file), key.hex)).toBe(false);
    expect(fileContains(keyringPath(app.file), secret)).toBe(false);
    expect(fileContains(keyringPath(app.file), ADMIN.name)).toBe(false);
    recordFigures('encryption', {
      cipher: 'SQLCipher 4 (AES-256-CBC, HMAC-SHA512)',
      markerFoundInDb: false,
      markerFoundInWal: false,
      bytesSearched: fs.statSync(app.file).size,
    });
  });

  it('the same check finds the marker in a plain database (the check can fail)', () => {
    const file = path.join(tempDir('trust-plain-'), 'threshold.db');
    const secret = marker();
    const db = openDatabase(file);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', JSON.stringify(secret));
    expect(fileContains(`${file}-wal`, secret)).toBe(true);
    closeDatabase(db);
    expect(fileContains(file, secret)).toBe(true);
    expect(sniffFile(file)).toBe('plain');
  });

  it('writes SQLCipher 4 files with a random raw key: a plain SQLCipher 4 connection opens them', async () => {
    const app = await openTestApp();
    await writeMarkedThreat(app, 'interop');
    const key = app.key as Extract<DbKey, { kind: 'raw' }>;
    app.close();
    expect(key.hex).toMatch(/^[0-9a-f]{64}$/);
    const raw = new Database(app.file, { readonly: true });
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma(`legacy = ${CIPHER_LEGACY}`);
    raw.pragma(`key = "x'${key.hex}'"`);
    expect(raw.prepare('SELECT title FROM threats').pluck().get()).toBe('Title interop');
    raw.close();
    expect(CIPHER_LEGACY).toBe(4);
  });

  it('gives every database a key of its own', async () => {
    const a = await openTestApp();
    const b = await openTestApp();
    expect(formatKey(a.key)).not.toBe(formatKey(b.key));
  });

  it('refuses a wrong key with a clear error and changes nothing (no file written, none created)', async () => {
    const app = await openTestApp();
    await writeMarkedThreat(app, 'x');
    app.close();
    const before = sha(app.file);
    const files = listing(app.dir);
    for (const wrong of [generateKey(), parseKey('a passphrase that is not the key')]) {
      for (const attempt of [() => openDatabase(app.file, { key: wrong }), () => host(app.file, wrong)]) {
        const err = appError(attempt);
        expect(err.code).toBe('wrong-key');
        expect(err.message).toMatch(/the key does not open .*threshold\.db; nothing was changed/i);
        expect(sha(app.file)).toBe(before);
        expect(listing(app.dir)).toEqual(files);
      }
    }
  });

  it('opens a set-up database only through a key: a person signing in (their slot), or the key itself', async () => {
    const app = await openTestApp();
    await writeMarkedThreat(app, 'slot');
    const key = app.key;
    app.close();
    // Nobody has signed in yet: the database stays closed.
    const locked = host(app.file);
    expect(locked.databaseState()).toBe('locked');
    expect(await locked.dispatch('threats:list', {}, { session: 's' })).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    const wrong = await locked.dispatch(
      'session:signIn',
      { name: ADMIN.name, passphrase: 'not the passphrase' },
      { session: 's' },
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'sign-in-refused' } });
    expect(locked.databaseState()).toBe('locked');
    await locked.dispatch('session:signIn', ADMIN, { session: 's' });
    expect(locked.databaseState()).toBe('open');
    expect(formatKey(locked.key!)).toBe(formatKey(key));
    // The failure while it was locked is in the audit log now.
    const failed = locked.db
      .prepare("SELECT details FROM audit_log WHERE action = 'session.sign-in-failed'")
      .pluck()
      .all() as string[];
    expect(failed.map((d) => JSON.parse(d) as { name: string; whileLocked: boolean })).toEqual([
      expect.objectContaining({ name: ADMIN.name, whileLocked: true }),
    ]);
    locked.close();
    // The key given (THRESHOLD_DB_KEY) opens it too; people still sign in.
    const keyed = host(app.file, key);
    expect(keyed.databaseState()).toBe('open');
    expect((await keyed.dispatch('threats:list', {}, { session: 't' })).ok).toBe(false);
    keyed.close();
    // Without slots and without a key, nothing opens it.
    fs.rmSync(keyringPath(app.file));
    const err = appError(() => host(app.file));
    expect(err.code).toBe('key-required');
    expect(err.message).toMatch(/THRESHOLD_DB_KEY/);
  });

  it('refuses a key given for a file that needs none (plain, or not there yet), and changes nothing', () => {
    const dir = tempDir('trust-key-not-needed-');
    const missing = path.join(dir, 'new.db');
    const err = appError(() => host(missing, generateKey()));
    expect(err.code).toBe('key-not-needed');
    expect(err.message).toMatch(/setup creates the database with a new random key/);
    expect(fs.existsSync(missing)).toBe(false);
    const plain = path.join(dir, 'plain.db');
    closeDatabase(openDatabase(plain));
    const before = sha(plain);
    const again = appError(() => host(plain, generateKey()));
    expect(again.code).toBe('key-not-needed');
    expect(again.message).toMatch(/is not encrypted/);
    expect(sha(plain)).toBe(before);
    expect(sniffFile(plain)).toBe('plain');
  });

  it('refuses a weak passphrase as a key for a new database, saying why, and creates nothing', () => {
    const dir = tempDir('trust-weak-');
    const file = path.join(dir, 'new', 'threshold.db');
    for (const weak of ['x', 'password', 'Lakeshore2027!']) {
      const err = appError(() => openDatabase(file, { key: parseKey(weak) }));
      expect(err.code).toBe('weak-passphrase');
      expect(err.message).toMatch(/too weak to protect the database: .*10\^\d+ tries.*Nothing was created/);
      expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    }
    // A raw key (256 random bits, not a passphrase) is no passphrase to judge.
    const raw = path.join(dir, 'raw.db');
    closeDatabase(openDatabase(raw, { key: parseKey('0'.repeat(64)) }));
    expect(sniffFile(raw)).toBe('encrypted');
  });

  it('refuses to encrypt a plain database under a weak passphrase, and leaves it as it was', () => {
    const file = path.join(tempDir('trust-weak-plain-'), 'threshold.db');
    closeDatabase(openDatabase(file));
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
});

describe("an earlier version's database", () => {
  it('plain: encrypted in place at setup, after a plain backup, which is destroyed only once an administrator confirms', async () => {
    const dir = tempDir('trust-migrate-');
    const file = path.join(dir, 'threshold.db');
    const secret = marker();
    const plain = openDatabase(file);
    plain.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', JSON.stringify(secret));
    closeDatabase(plain);
    expect(fileContains(file, secret)).toBe(true);

    const h = host(file);
    expect(h.databaseState()).toBe('needs-setup');
    const report = await setUp(h);
    expect(report).toMatchObject({
      ok: true,
      value: { plainBackup: expect.stringMatching(/^threshold-pre-encryption-.*\.db$/) },
    });
    const backup = path.join(
      dir,
      'backups',
      (report as { value: { plainBackup: string } }).value.plainBackup,
    );
    expect(sniffFile(backup)).toBe('plain');
    expect(fileContains(backup, secret)).toBe(true);
    // What it held is all there, encrypted.
    expect(h.db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe(
      JSON.stringify(secret),
    );
    expect(await h.dispatch('session:status', {}, { session: 'setup' })).toMatchObject({
      ok: true,
      value: { plainBackup: path.basename(backup) },
    });
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(sniffFile(file)).toBe('encrypted');
    expect(fileContains(file, secret)).toBe(false);
    expect(fs.existsSync(`${file}.setup`)).toBe(false);
    // Destroyed only when an administrator confirms.
    expect((await h.dispatch('setup:discardPlainBackup', {}, { session: 'setup' })).ok).toBe(false);
    expect(fs.existsSync(backup)).toBe(true);
    expect(await h.dispatch('setup:discardPlainBackup', { confirm: true }, { session: 'setup' })).toEqual({
      ok: true,
      value: { removed: path.basename(backup) },
    });
    expect(fs.existsSync(backup)).toBe(false);
    expect(await h.dispatch('session:status', {}, { session: 'setup' })).toMatchObject({
      value: { plainBackup: null },
    });
    h.close();
  });

  it('encrypted with a key given to it: set up with that key kept (the slots wrap it)', async () => {
    const file = path.join(tempDir('trust-legacy-enc-'), 'threshold.db');
    const key = parseKey('an old passphrase that protected this database');
    closeDatabase(openDatabase(file, { key }));
    const h = host(file, key);
    expect(h.databaseState()).toBe('needs-setup');
    expect((await setUp(h)).ok).toBe(true);
    h.close();
    const again = host(file);
    await again.dispatch('session:signIn', ADMIN, { session: 's' });
    expect(formatKey(again.key!)).toBe(formatKey(key));
    again.close();
  });

  it('refuses to set up a plain database that fails its integrity check, and changes nothing', async () => {
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
    const h = host(file);
    const r = await setUp(h);
    expect(r).toMatchObject({ ok: false, error: { code: 'corrupt-database' } });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}.setup`)).toBe(false);
    expect(fs.existsSync(keyringPath(file))).toBe(false);
    expect(h.databaseState()).toBe('needs-setup');
  });
});

describe('key slots', () => {
  it('adds a slot per person, removes it when they are disabled, and rewraps only theirs when a passphrase changes; the database key never changes', async () => {
    const app = await openTestApp();
    const key = formatKey(app.key);
    const slots = () => readKeyring(app.file)!.slots;
    // Setup: the administrator's slot and the recovery key's.
    expect(
      slots()
        .map((s) => s.kind)
        .sort(),
    ).toEqual(['account', 'recovery']);
    const bea = await app.person('Bea Lind', ['analyst']);
    expect(slots().filter((s) => s.kind === 'account')).toHaveLength(2);
    const before = JSON.stringify(slots());
    await bea.call('session:changePassphrase', {
      current: bea.passphrase,
      next: 'copper-lantern-orchard-sky-77',
    });
    const after = slots();
    // One slot rewrapped (a new salt and wrap), the others as they were.
    const changed = after.filter((s) => !before.includes(JSON.stringify(s)));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kind: 'account', accountId: bea.account.id });
    expect(after).toHaveLength(3);
    await app.call('accounts:disable', { id: bea.account.id });
    expect(slots().some((s) => s.kind === 'account' && s.accountId === bea.account.id)).toBe(false);
    expect(readKeyring(app.file)!.revoked).toEqual([bea.account.id]);
    expect(formatKey(app.key)).toBe(key);
    app.close();
    // Her old passphrase no longer opens the database.
    const locked = host(app.file);
    expect(
      await locked.dispatch(
        'session:signIn',
        { name: 'Bea Lind', passphrase: 'copper-lantern-orchard-sky-77' },
        { session: 'b' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'sign-in-refused' } });
    expect(locked.databaseState()).toBe('locked');
    locked.close();
  });

  it('opens the database with the recovery key printed at setup, and with nothing else like it', async () => {
    const dir = tempDir('trust-recovery-');
    const file = path.join(dir, 'threshold.db');
    const h = host(file);
    const report = (await setUp(h)) as { ok: true; value: { recoveryKey: string } };
    const key = formatKey(h.key!);
    h.close();
    const { recoveryKey } = report.value;
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){12}$/);
    expect(fileContains(keyringPath(file), recoveryKey)).toBe(false);
    expect(formatKey(openWithRecoveryKey(readKeyring(file), recoveryKey.toLowerCase())!)).toBe(key);
    const other = recoveryKey.replace(/^./, recoveryKey[0] === 'A' ? 'B' : 'A');
    expect(openWithRecoveryKey(readKeyring(file), other)).toBeNull();
  });
});

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
  it('keeps a database key only in OS-protected form beside the database, and gives it back for that database', async () => {
    const app = await openTestApp();
    const protection = fakeProtection();
    expect(await rememberDesktopKey({ dbPath: app.file, key: app.key, protection, platform: 'linux' })).toBe(
      true,
    );
    const keyFile = path.join(app.dir, KEY_FILE_NAME);
    const hex = formatKey(app.key);
    expect(fs.readFileSync(keyFile).toString('latin1')).not.toContain(hex);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    app.close();
    expect(await resolveDesktopKey({ dbPath: app.file, env: {}, protection, platform: 'linux' })).toEqual({
      key: app.key,
      source: 'os',
    });
    expect(protection.encrypted).toBe(1);
  });

  it('re-encrypts the key file when the OS key store says its key was rotated, and the key stays the same', async () => {
    const app = await openTestApp();
    app.close();
    const keyFile = path.join(app.dir, KEY_FILE_NAME);
    // The key file as a key store that has since rotated its own key would hold it.
    const rotated = fakeProtection({ rotated: true });
    const hex = formatKey(app.key);
    fs.writeFileSync(keyFile, await rotated.encryptStringAsync(hex));
    const again = await resolveDesktopKey({
      dbPath: app.file,
      env: {},
      protection: rotated,
      platform: 'linux',
    });
    expect(again).toEqual({ key: app.key, source: 'os' });
    expect(rotated.encrypted).toBe(2);
    expect((await rotated.decryptStringAsync(fs.readFileSync(keyFile))).result).toBe(hex);
  });

  it('writes no key when the OS cannot protect it (Linux basic_text, or none): passphrases open the database', async () => {
    const dir = tempDir('trust-keystore-unprotected-');
    const dbPath = path.join(dir, 'threshold.db');
    for (const protection of [
      fakeProtection({ backend: 'basic_text' }),
      fakeProtection({ available: false }),
    ]) {
      expect(await rememberDesktopKey({ dbPath, key: generateKey(), protection, platform: 'linux' })).toBe(
        false,
      );
      expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    }
  });

  it('ignores a kept key beside a database that is not encrypted, and prefers THRESHOLD_DB_KEY', async () => {
    const dir = tempDir('trust-keystore-stale-');
    const dbPath = path.join(dir, 'threshold.db');
    const protection = fakeProtection();
    await rememberDesktopKey({ dbPath, key: generateKey(), protection, platform: 'linux' });
    expect(await resolveDesktopKey({ dbPath, env: {}, protection, platform: 'linux' })).toEqual({
      key: null,
      source: null,
    });
    const hex = 'cd'.repeat(32);
    expect(
      await resolveDesktopKey({ dbPath, env: { THRESHOLD_DB_KEY: hex }, protection, platform: 'linux' }),
    ).toEqual({ key: { kind: 'raw', hex }, source: 'env' });
  });

  it('says so, and lets people sign in instead, when the kept key cannot be read by this account', async () => {
    const app = await openTestApp();
    await rememberDesktopKey({
      dbPath: app.file,
      key: app.key,
      protection: fakeProtection(),
      platform: 'linux',
    });
    app.close();
    const decision = await resolveDesktopKey({
      dbPath: app.file,
      env: {},
      protection: fakeProtection(),
      platform: 'linux',
    });
    expect(decision.key).toBeNull();
    expect(decision.warning).toMatch(
      /cannot be decrypted by this user account.*sign in with your passphrase/,
    );
  });
});

describe('the CLI on an encrypted database', () => {
  it('signs the person in (their slot opens the database); THRESHOLD_DB_KEY opens it too; says what is wrong otherwise', async () => {
    const app = await openTestApp();
    await writeMarkedThreat(app, 'cli');
    const key = formatKey(app.key);
    app.close();
    const { dir, file } = app;

    const signedIn = await runCli(['--db', file, 'list', '--json'], { cwd: dir });
    expect(signedIn.code, signedIn.err).toBe(0);
    expect(signedIn.out).toContain('T-MARK');

    const withKey = await runCli(['--db', file, 'list', '--json'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: key }),
    });
    expect(withKey.code, withKey.err).toBe(0);

    const asked: string[] = [];
    const withPrompt = await runCli(['--db', file, '--user', ADMIN.name, 'show', 'T-MARK', '--json'], {
      cwd: dir,
      env: {},
      promptSecret: (q) => (asked.push(q), ADMIN.passphrase),
    });
    expect(withPrompt.code, withPrompt.err).toBe(0);
    expect(asked).toEqual([`Passphrase for ${ADMIN.name}: `]);

    const nobody = await runCli(['--db', file, 'list'], { cwd: dir, env: {} });
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/--user NAME.*THRESHOLD_USER/);

    const wrong = await runCli(['--db', file, 'list'], {
      cwd: dir,
      env: cliEnv({ ...ADMIN, passphrase: 'not it at all' }),
    });
    expect(wrong.code).toBe(4);
    expect(wrong.err).toMatch(/The name or the passphrase is not right/);

    const wrongKey = await runCli(['--db', file, 'list'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: 'not the key' }),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/the key does not open .*nothing was changed/i);
  });
});
