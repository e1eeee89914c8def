// Nothing lost: automatic rotating backups on start, backups on demand, and restore (in the app
// through AppHost, and from the CLI), which checks everything before replacing anything and keeps the
// database it replaces.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppHost } from '../../src/main/app-host';
import { AuditLog } from '../../src/main/audit/audit-log';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { generateKey, formatKey, sniffFile } from '../../src/main/db/encryption';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import type { BackupInfo, BackupOverview, RestoreReport } from '../../src/shared/domain/backups';
import type { Result } from '../../src/shared/errors';
import { election, threat } from '../fixtures/mini-workspace';
import { ASSETS_DIR, openTestApp, tempDir } from '../helpers/db';
import { databaseFingerprint } from '../helpers/snapshot';
import { fileContains, runCli } from './helpers';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function openHost(dbPath: string, opts: Partial<Parameters<typeof AppHost.open>[0]> = {}): AppHost {
  let t = Date.parse('2027-05-01T12:00:00Z') + Math.floor(Math.random() * 1e6) * 1000;
  return AppHost.open({
    dbPath,
    mode: 'browser',
    assetsDir: ASSETS_DIR,
    appVersion: 'test',
    clock: () => new Date((t += 1000)),
    ...opts,
  });
}

async function ok<T>(r: Promise<Result<unknown>>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function addThreat(host: AppHost, id: string): Promise<void> {
  const elections = await ok<{ id: string }[]>(host.dispatch('elections:list', {}));
  if (!elections.length) await ok(host.dispatch('elections:save', { election }));
  await ok(host.dispatch('threats:create', { threat: threat(id, { title: `Threat ${id}` }) }));
}

async function threatIds(host: AppHost): Promise<string[]> {
  const page = await ok<{ rows: { id: string }[] }>(host.dispatch('threats:list', {}));
  return page.rows.map((r) => r.id).sort();
}

function backupsDir(dbPath: string) {
  return path.join(path.dirname(dbPath), 'backups');
}

describe('backups', () => {
  it('takes a backup on every start of an existing database and keeps only the newest N automatic ones', async () => {
    const dbPath = path.join(tempDir('trust-rotate-'), 'threshold.db');
    let host = openHost(dbPath);
    expect(host.startBackup).toBeNull(); // a brand-new database has nothing to back up
    await addThreat(host, 'T-1');
    await ok(host.dispatch('backups:setKeep', { keep: 3 }));
    const manual = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    host.close();
    for (let i = 0; i < 5; i++) {
      host = openHost(dbPath);
      expect(host.startBackup).toMatch(/^threshold-auto-.*\.db$/);
      host.close();
    }
    host = openHost(dbPath);
    const overview = await ok<BackupOverview>(host.dispatch('backups:list', {}));
    host.close();
    expect(overview.keep).toBe(3);
    expect(overview.backups.filter((b) => b.kind === 'auto')).toHaveLength(3);
    // What the user asked for is never rotated away.
    expect(overview.backups.map((b) => b.name)).toContain(manual.name);
    for (const b of overview.backups) {
      expect(b.schemaVersion).toBe(LATEST_VERSION);
      expect(b.size).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(b.createdAt))).toBe(false);
    }
    // Newest first.
    const dates = overview.backups.map((b) => b.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(fs.readdirSync(backupsDir(dbPath)).some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('backs up an encrypted database encrypted, and lists it with its schema version', async () => {
    const dbPath = path.join(tempDir('trust-enc-backup-'), 'threshold.db');
    const key = generateKey();
    let host = openHost(dbPath, { key, keySource: 'env' });
    await addThreat(host, 'T-SECRETMARK');
    const info = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    const overview = await ok<BackupOverview>(host.dispatch('backups:list', {}));
    host.close();
    const file = path.join(backupsDir(dbPath), info.name);
    expect(sniffFile(file)).toBe('encrypted');
    expect(fileContains(file, 'SECRETMARK')).toBe(false);
    expect(overview).toMatchObject({
      encrypted: true,
      keySource: 'env',
      canRestore: true,
      canShowKey: false,
    });
    expect(overview.backups.find((b) => b.name === info.name)).toMatchObject({
      encrypted: true,
      schemaVersion: LATEST_VERSION,
      kind: 'manual',
    });
    host = openHost(dbPath, { key });
    expect(host.startBackup).not.toBeNull();
    host.close();
  });
});

describe('restore in the app (close, replace, reopen)', () => {
  it('puts the backup in place, keeps the replaced database as replaced-<date>, records it, and keeps serving', async () => {
    const dbPath = path.join(tempDir('trust-restore-'), 'threshold.db');
    const host = openHost(dbPath);
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    await addThreat(host, 'T-B');
    expect(await threatIds(host)).toEqual(['T-A', 'T-B']);

    const report = await ok<RestoreReport>(
      host.dispatch('backups:restore', { name: backup.name, confirm: true }),
    );
    expect(report.restoredFrom).toBe(backup.name);
    expect(path.basename(report.replacedBy!)).toMatch(/^threshold-replaced-.*\.db$/);
    // The app keeps working, on the restored database.
    expect(await threatIds(host)).toEqual(['T-A']);
    await addThreat(host, 'T-C');
    expect(await threatIds(host)).toEqual(['T-A', 'T-C']);
    expect(new AuditLog(host.db).verify().ok).toBe(true);
    expect(
      host.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'database.restored'").pluck().get(),
    ).toBe(1);
    host.close();
    // Nothing was lost: the replaced database, with T-B, is in the backups folder and opens.
    const replaced = openDatabase(report.replacedBy!, { readonly: true });
    expect(replaced.prepare('SELECT id FROM threats ORDER BY id').pluck().all()).toEqual(['T-A', 'T-B']);
    closeDatabase(replaced);
    expect(fs.existsSync(`${dbPath}.restoring`)).toBe(false);
  });

  it('checks before replacing anything: a bad backup changes neither the database nor the backups folder', async () => {
    const dir = tempDir('trust-restore-bad-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = openHost(dbPath);
    await addThreat(host, 'T-A');
    const good = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    const bdir = backupsDir(dbPath);
    const goodFile = path.join(bdir, good.name);

    // Bad candidates, each under a backup's name.
    const make = (suffix: string, build: (file: string) => void) => {
      const file = path.join(bdir, `threshold-manual-2027-01-0${suffix}T00-00-00-000Z.db`);
      build(file);
      return path.basename(file);
    };
    const damaged = make('1', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = new Database(f);
      raw.pragma('journal_mode = DELETE');
      raw.exec(
        `CREATE TABLE filler (x TEXT); INSERT INTO filler SELECT hex(randomblob(500)) FROM ` +
          `(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 400) SELECT i FROM c);`,
      );
      raw.close();
      const buf = fs.readFileSync(f);
      buf.fill(0x5a, Math.floor(buf.length / 2), Math.floor(buf.length / 2) + 8192);
      fs.writeFileSync(f, buf);
    });
    const foreign = make('2', (f) => {
      const raw = new Database(f);
      raw.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')");
      raw.close();
    });
    const newer = make('3', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = new Database(f);
      raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
      raw.close();
    });
    const otherKey = make('4', (f) => {
      const db = openDatabase(f, { key: generateKey() });
      closeDatabase(db);
    });
    const tampered = make('5', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = new Database(f);
      raw.exec(
        'DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = \'{"forged":true}\' WHERE seq = 1',
      );
      raw.close();
    });
    const text = make('6', (f) => fs.writeFileSync(f, 'not a database at all\n'.repeat(100)));

    const expectations: [string, string][] = [
      [damaged, 'corrupt-database'],
      [foreign, 'not-a-database'],
      [newer, 'newer-database'],
      [otherKey, 'key-required'],
      [tampered, 'corrupt-database'],
      [text, 'not-a-database'],
      ['threshold-manual-2099-01-01T00-00-00-000Z.db', 'not-found'],
      ['../threshold.db', 'invalid-request'],
      ['..', 'invalid-request'],
      ['/etc/passwd', 'invalid-request'],
    ];
    const fingerprint = databaseFingerprint(host.db);
    const listingBefore = fs.readdirSync(bdir).sort();
    for (const [name, code] of expectations) {
      const r = await host.dispatch('backups:restore', { name, confirm: true });
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code, name).toBe(code);
        expect(r.error.message, name).not.toMatch(/^Something went wrong/);
      }
      expect(databaseFingerprint(host.db)).toBe(fingerprint);
      expect(fs.readdirSync(bdir).sort()).toEqual(listingBefore);
    }
    // Without the confirmation, nothing happens either.
    const unconfirmed = await host.dispatch('backups:restore', { name: good.name });
    expect(unconfirmed.ok).toBe(false);
    expect(await threatIds(host)).toEqual(['T-A']);
    host.close();
  });

  it('puts the old database back when a backup that passed its checks cannot be opened by the app', async () => {
    const dir = tempDir('trust-restore-rollback-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = openHost(dbPath);
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    // Whole, with an intact audit chain and a known schema version, but missing a table the services need.
    const raw = new Database(path.join(backupsDir(dbPath), backup.name));
    raw.exec('DROP TABLE policies');
    raw.close();
    await addThreat(host, 'T-B');
    const r = await host.dispatch('backups:restore', { name: backup.name, confirm: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'corrupt-database', message: expect.stringMatching(/put back/) },
    });
    expect(await threatIds(host)).toEqual(['T-A', 'T-B']);
    host.close();
  });

  it('in an encrypted app, restores a plain backup encrypted (e.g. the one kept before encryption)', async () => {
    const dbPath = path.join(tempDir('trust-restore-plain-'), 'threshold.db');
    let host = openHost(dbPath);
    await addThreat(host, 'T-PLAINMARK');
    host.close();
    let plainBackup = '';
    const key = generateKey();
    host = openHost(dbPath, {
      key,
      keySource: 'os',
      encryptPlain: true,
      onEncrypted: (b) => (plainBackup = b),
    });
    await addThreat(host, 'T-LATER');
    const report = await ok<RestoreReport>(
      host.dispatch('backups:restore', { name: path.basename(plainBackup), confirm: true }),
    );
    expect(report.encrypted).toBe(true);
    expect(await threatIds(host)).toEqual(['T-PLAINMARK']);
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    host.close();
    expect(sniffFile(dbPath)).toBe('encrypted');
    expect(fileContains(dbPath, 'PLAINMARK')).toBe(false);
  });

  it('restores a backup from an older schema and migrates it on reopen (with its own pre-migration backup)', async () => {
    const dir = tempDir('trust-restore-old-');
    const dbPath = path.join(dir, 'threshold.db');
    const old = path.join(dir, 'backups', 'threshold-manual-2026-01-01T00-00-00-000Z.db');
    fs.mkdirSync(path.dirname(old), { recursive: true });
    const db = openDatabase(old, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', '"old"');
    db.pragma('journal_mode = DELETE');
    closeDatabase(db);
    const host = openHost(dbPath);
    const report = await ok<RestoreReport>(
      host.dispatch('backups:restore', { name: path.basename(old), confirm: true }),
    );
    expect(report.schemaVersion).toBe(MIGRATIONS[0]!.version);
    expect(host.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(host.db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('"old"');
    host.close();
  });

  it('without a host (the services alone), restore and showing the key answer unsupported', async () => {
    const app = openTestApp();
    const before = databaseFingerprint(app.db);
    for (const [channel, payload] of [
      ['backups:restore', { name: 'threshold-manual-2027-01-01T00-00-00-000Z.db', confirm: true }],
      ['security:showDatabaseKey', { confirm: true }],
    ] as const) {
      const r = await app.dispatch(channel, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
    expect(databaseFingerprint(app.db)).toBe(before);
  });
});

describe('backup and restore from the CLI', () => {
  it('threshold backup writes a backup (or --out FILE), and threshold restore puts one back after confirmation', async () => {
    const dir = tempDir('trust-cli-restore-');
    const dbPath = path.join(dir, 'threshold.db');
    const app = openTestApp({ file: dbPath });
    await app.call('elections:save', { election });
    await app.call('threats:create', { threat: threat('T-A') });
    app.close();

    const out = await runCli(['--db', dbPath, 'backup', '--out', 'copy.db'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'copy.db'))).toBe(true);
    const inFolder = await runCli(['--db', dbPath, 'backup', '--json'], { cwd: dir });
    expect(inFolder.code).toBe(0);
    expect(JSON.parse(inFolder.out).name).toMatch(/^threshold-manual-/);
    const again = await runCli(['--db', dbPath, 'backup', '--out', 'copy.db'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);

    const more = openTestApp({ file: dbPath });
    await more.call('threats:create', { threat: threat('T-B') });
    more.close();
    const before = sha(dbPath);

    // Not on a terminal and no --yes: refused, nothing changed.
    const refused = await runCli(['--db', dbPath, 'restore', 'copy.db'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--yes/);
    // On a terminal, answered no: nothing changed.
    const declined = await runCli(['--db', dbPath, 'restore', 'copy.db'], { cwd: dir, confirm: () => false });
    expect(declined.code).toBe(1);
    expect(sha(dbPath)).toBe(before);
    // A file that is not a backup: refused before anything changes.
    fs.writeFileSync(path.join(dir, 'notes.db'), 'hello');
    const bad = await runCli(['--db', dbPath, 'restore', 'notes.db', '--yes'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a Threshold database/);
    expect(sha(dbPath)).toBe(before);

    const done = await runCli(['--db', dbPath, 'restore', 'copy.db', '--yes', '--json'], { cwd: dir });
    expect(done.code).toBe(0);
    const report = JSON.parse(done.out) as RestoreReport;
    expect(path.basename(report.replacedBy!)).toMatch(/^threshold-replaced-/);
    const list = await runCli(['--db', dbPath, 'list', '--json'], { cwd: dir });
    expect(list.out).toContain('T-A');
    expect(list.out).not.toContain('T-B');
    const replaced = openDatabase(report.replacedBy!, { readonly: true });
    expect(replaced.prepare('SELECT id FROM threats ORDER BY id').pluck().all()).toEqual(['T-A', 'T-B']);
    closeDatabase(replaced);
  });

  it('restores an encrypted backup with the key from THRESHOLD_DB_KEY and refuses it without', async () => {
    const dir = tempDir('trust-cli-restore-enc-');
    const dbPath = path.join(dir, 'threshold.db');
    const key = generateKey();
    const host = openHost(dbPath, { key });
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}));
    await addThreat(host, 'T-B');
    host.close();
    const file = path.join(backupsDir(dbPath), backup.name);
    const before = sha(dbPath);
    const without = await runCli(['--db', dbPath, 'restore', file, '--yes'], { cwd: dir });
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/THRESHOLD_DB_KEY/);
    const wrong = await runCli(['--db', dbPath, 'restore', file, '--yes'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: formatKey(generateKey()) },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/the key does not open/i);
    expect(sha(dbPath)).toBe(before);
    const done = await runCli(['--db', dbPath, 'restore', file, '--yes'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: formatKey(key) },
    });
    expect(done.code).toBe(0);
    expect(sniffFile(dbPath)).toBe('encrypted');
    const list = await runCli(['--db', dbPath, 'list', '--json'], {
      cwd: dir,
      env: { THRESHOLD_DB_KEY: formatKey(key) },
    });
    expect(list.out).toContain('T-A');
    expect(list.out).not.toContain('T-B');
  });
});
