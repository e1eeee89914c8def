// Nothing lost: automatic rotating backups on start, backups on demand, and restore (in the app
// through AppHost, and from the CLI), which checks everything before replacing anything and keeps the
// database it replaces.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppHost } from '../../src/main/app-host';
import { AuditLog } from '../../src/main/audit/audit-log';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { applyKey, generateKey, formatKey, sniffFile } from '../../src/main/db/encryption';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import type { BackupInfo, BackupOverview, RestoreReport } from '../../src/shared/domain/backups';
import type { Result } from '../../src/shared/errors';
import { election, threat } from '../fixtures/mini-workspace';
import { ADMIN, ASSETS_DIR, openTestApp, ORGANISATION, tempDir } from '../helpers/db';
import { cliEnv, keyOf, openRaw } from '../helpers/people';
import { databaseFingerprint } from '../helpers/snapshot';
import { fileContains, runCli } from './helpers';

/** The session every call of these tests is made in: the administrator's. */
const CALLER = { session: 'test' };

/** The host as browser mode opens it: set up on first use, signed in as the administrator after. */
async function openHost(
  dbPath: string,
  opts: Partial<Parameters<typeof AppHost.open>[0]> = {},
): Promise<AppHost> {
  let t = Date.parse('2027-05-01T12:00:00Z') + Math.floor(Math.random() * 1e6) * 1000;
  const host = AppHost.open({
    dbPath,
    mode: 'browser',
    assetsDir: ASSETS_DIR,
    appVersion: 'test',
    clock: () => new Date((t += 1000)),
    ...opts,
  });
  const r =
    host.databaseState() === 'needs-setup'
      ? await host.dispatch(
          'setup:run',
          {
            organisation: { name: ORGANISATION },
            administrator: { name: ADMIN.name, passphrase: ADMIN.passphrase },
          },
          CALLER,
        )
      : await host.dispatch('session:signIn', ADMIN, CALLER);
  if (!r.ok) throw new Error(r.error.message);
  return host;
}

async function ok<T>(r: Promise<Result<unknown>>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function addThreat(host: AppHost, id: string): Promise<void> {
  const elections = await ok<{ id: string }[]>(host.dispatch('elections:list', {}, CALLER));
  if (!elections.length) await ok(host.dispatch('elections:save', { election }, CALLER));
  await ok(host.dispatch('threats:create', { threat: threat(id, { title: `Threat ${id}` }) }, CALLER));
}

async function threatIds(host: AppHost): Promise<string[]> {
  const page = await ok<{ rows: { id: string }[] }>(host.dispatch('threats:list', {}, CALLER));
  return page.rows.map((r) => r.id).sort();
}

function backupsDir(dbPath: string) {
  return path.join(path.dirname(dbPath), 'backups');
}

describe('backups', () => {
  it('takes a backup on every start of an existing database and keeps only the newest N automatic ones', async () => {
    const dbPath = path.join(tempDir('trust-rotate-'), 'threshold.db');
    let host = await openHost(dbPath);
    expect(host.startBackup).toBeNull(); // a brand-new database (made by setup) has nothing to back up
    await addThreat(host, 'T-1');
    await ok(host.dispatch('backups:setKeep', { keep: 3 }, CALLER));
    const manual = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    host.close();
    for (let i = 0; i < 5; i++) {
      host = await openHost(dbPath);
      expect(host.startBackup).toMatch(/^threshold-auto-.*\.db$/);
      host.close();
    }
    host = await openHost(dbPath);
    const overview = await ok<BackupOverview>(host.dispatch('backups:list', {}, CALLER));
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

  it('backs up the (encrypted) database encrypted, and lists it with its schema version', async () => {
    const dbPath = path.join(tempDir('trust-enc-backup-'), 'threshold.db');
    let host = await openHost(dbPath);
    const key = host.key!;
    host.close();
    host = await openHost(dbPath, { key, keySource: 'env' });
    await addThreat(host, 'T-SECRETMARK');
    const info = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    const overview = await ok<BackupOverview>(host.dispatch('backups:list', {}, CALLER));
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
    host = await openHost(dbPath, { key });
    expect(host.startBackup).not.toBeNull();
    host.close();
  });
});

describe('restore in the app (close, replace, reopen)', () => {
  it('puts the backup in place, keeps the replaced database as replaced-<date>, records it, and keeps serving', async () => {
    const dbPath = path.join(tempDir('trust-restore-'), 'threshold.db');
    const host = await openHost(dbPath);
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    await addThreat(host, 'T-B');
    expect(await threatIds(host)).toEqual(['T-A', 'T-B']);

    const report = await ok<RestoreReport>(
      host.dispatch('backups:restore', { name: backup.name, confirm: true }, CALLER),
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
    const key = host.key!;
    host.close();
    // Nothing was lost: the replaced database, with T-B, is in the backups folder and opens (same key).
    const replaced = openDatabase(report.replacedBy!, { readonly: true, key });
    expect(replaced.prepare('SELECT id FROM threats ORDER BY id').pluck().all()).toEqual(['T-A', 'T-B']);
    closeDatabase(replaced);
    expect(fs.existsSync(`${dbPath}.restoring`)).toBe(false);
  });

  it('checks before replacing anything: a bad backup changes neither the database nor the backups folder', async () => {
    const dir = tempDir('trust-restore-bad-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = await openHost(dbPath);
    await addThreat(host, 'T-A');
    const good = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    const bdir = backupsDir(dbPath);
    const goodFile = path.join(bdir, good.name);

    // Bad candidates, each under a backup's name.
    const make = (suffix: string, build: (file: string) => void) => {
      const file = path.join(bdir, `threshold-manual-2027-01-0${suffix}T00-00-00-000Z.db`);
      build(file);
      return path.basename(file);
    };
    // The backups share the database's key: someone holding it could tamper with one.
    const key = host.key!;
    const keyed = (f: string) => {
      const db = new Database(f);
      applyKey(db, key);
      return db;
    };
    const damaged = make('1', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = keyed(f);
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
      const raw = keyed(f);
      raw.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')");
      raw.close();
    });
    const newer = make('3', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = keyed(f);
      raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
      raw.close();
    });
    const otherKey = make('4', (f) => {
      const db = openDatabase(f, { key: generateKey() });
      closeDatabase(db);
    });
    const tampered = make('5', (f) => {
      fs.copyFileSync(goodFile, f);
      const raw = keyed(f);
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
      [otherKey, 'wrong-key'],
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
      const r = await host.dispatch('backups:restore', { name, confirm: true }, CALLER);
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code, name).toBe(code);
        expect(r.error.message, name).not.toMatch(/^Something went wrong/);
      }
      expect(databaseFingerprint(host.db)).toBe(fingerprint);
      expect(fs.readdirSync(bdir).sort()).toEqual(listingBefore);
    }
    // Without the confirmation, nothing happens either.
    const unconfirmed = await host.dispatch('backups:restore', { name: good.name }, CALLER);
    expect(unconfirmed.ok).toBe(false);
    expect(await threatIds(host)).toEqual(['T-A']);
    host.close();
  });

  it('puts the old database back when a backup that passed its checks cannot be opened by the app', async () => {
    const dir = tempDir('trust-restore-rollback-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = await openHost(dbPath);
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    // Whole, with an intact audit chain and a known schema version, but missing a table the services need.
    const raw = await openRaw(path.join(backupsDir(dbPath), backup.name), host.key!);
    raw.exec('DROP TABLE policies');
    raw.close();
    await addThreat(host, 'T-B');
    const r = await host.dispatch('backups:restore', { name: backup.name, confirm: true }, CALLER);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'corrupt-database', message: expect.stringMatching(/put back/) },
    });
    expect(await threatIds(host)).toEqual(['T-A', 'T-B']);
    host.close();
  });

  it('refuses a backup that does not know the person restoring as an administrator: it would lock people out', async () => {
    const dir = tempDir('trust-restore-stranger-');
    // An earlier version's plain database: setup encrypts it and keeps the plain copy in the backups folder.
    const dbPath = path.join(dir, 'threshold.db');
    const plain = openDatabase(dbPath);
    plain.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', '"PLAINMARK"');
    closeDatabase(plain);
    const host = await openHost(dbPath);
    await addThreat(host, 'T-LATER');
    const plainCopy = fs.readdirSync(backupsDir(dbPath)).find((n) => n.includes('pre-encryption'))!;
    // A backup taken before a second administrator existed does not know her either.
    const before = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    const dana = { name: 'Dana Ortiz', passphrase: 'plum-granite-harbor-sleeve-19' };
    await ok(host.dispatch('accounts:create', { ...dana, roles: ['administrator'] }, CALLER));
    const danaCaller = { session: 'dana' };
    await ok(host.dispatch('session:signIn', dana, danaCaller));
    const fingerprint = databaseFingerprint(host.db);
    for (const [name, caller] of [
      [plainCopy, CALLER],
      [before.name, danaCaller],
    ] as const) {
      const r = await host.dispatch('backups:restore', { name, confirm: true }, caller);
      expect(r, name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/as an administrator/) },
      });
      expect(databaseFingerprint(host.db)).toBe(fingerprint);
    }
    // The first administrator can restore the backup that knows her.
    expect((await host.dispatch('backups:restore', { name: before.name, confirm: true }, CALLER)).ok).toBe(
      true,
    );
    expect(await threatIds(host)).toEqual(['T-LATER']);
    // Dana's session ended: the restored database does not know her.
    expect(await host.dispatch('threats:list', {}, danaCaller)).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    host.close();
  });

  it('without a window to show it in (CLI, browser mode), showing the key answers unsupported', async () => {
    const app = await openTestApp();
    const before = databaseFingerprint(app.db);
    const r = await app.dispatch('security:showDatabaseKey', { confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(databaseFingerprint(app.db)).toBe(before);
  });
});

describe('backup and restore from the CLI', () => {
  it('threshold backup writes a backup (or --out FILE), and threshold restore puts one back after confirmation', async () => {
    const dir = tempDir('trust-cli-restore-');
    const dbPath = path.join(dir, 'threshold.db');
    const app = await openTestApp({ file: dbPath });
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

    const more = await openTestApp({ file: dbPath });
    await more.call('threats:create', { threat: threat('T-B') });
    more.close();
    // What the database holds (the CLI's sign-ins are recorded, as every sign-in is).
    const key = await keyOf(dbPath);
    const holds = () => {
      const db = openDatabase(dbPath, { readonly: true, key });
      try {
        return databaseFingerprint(db);
      } finally {
        closeDatabase(db);
      }
    };
    const before = holds();

    // Not on a terminal and no --yes: refused, nothing changed.
    const refused = await runCli(['--db', dbPath, 'restore', 'copy.db'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--yes/);
    // On a terminal, answered no: nothing changed.
    const declined = await runCli(['--db', dbPath, 'restore', 'copy.db'], { cwd: dir, confirm: () => false });
    expect(declined.code).toBe(1);
    expect(holds()).toBe(before);
    // A file that is not a backup: refused before anything changes.
    fs.writeFileSync(path.join(dir, 'notes.db'), 'hello');
    const bad = await runCli(['--db', dbPath, 'restore', 'notes.db', '--yes'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a Threshold database/);
    expect(holds()).toBe(before);

    const done = await runCli(['--db', dbPath, 'restore', 'copy.db', '--yes', '--json'], { cwd: dir });
    expect(done.code).toBe(0);
    const report = JSON.parse(done.out) as RestoreReport;
    expect(path.basename(report.replacedBy!)).toMatch(/^threshold-replaced-/);
    const list = await runCli(['--db', dbPath, 'list', '--json'], { cwd: dir });
    expect(list.out).toContain('T-A');
    expect(list.out).not.toContain('T-B');
    const replaced = openDatabase(report.replacedBy!, { readonly: true, key: await keyOf(dbPath) });
    expect(replaced.prepare('SELECT id FROM threats ORDER BY id').pluck().all()).toEqual(['T-A', 'T-B']);
    closeDatabase(replaced);
  });

  it('restores as a signed-in administrator (their slot gives the key), refuses anyone else, and a wrong key', async () => {
    const dir = tempDir('trust-cli-restore-enc-');
    const dbPath = path.join(dir, 'threshold.db');
    const host = await openHost(dbPath);
    await addThreat(host, 'T-A');
    const backup = await ok<BackupInfo>(host.dispatch('backups:create', {}, CALLER));
    await addThreat(host, 'T-B');
    const analyst = { name: 'Ola Berg', passphrase: 'sable-orchid-thimble-quarry-58' };
    await ok(host.dispatch('accounts:create', { ...analyst, roles: ['analyst'] }, CALLER));
    const key = host.key!;
    host.close();
    const file = path.join(backupsDir(dbPath), backup.name);
    const holds = () => {
      const db = openDatabase(dbPath, { readonly: true, key });
      try {
        return databaseFingerprint(db);
      } finally {
        closeDatabase(db);
      }
    };
    // Opening once lets open-time upkeep (levels as of today) settle: what must not change is the rest.
    await runCli(['--db', dbPath, 'list'], { cwd: dir });
    const before = holds();
    const nobody = await runCli(['--db', dbPath, 'restore', file, '--yes'], { cwd: dir, env: {} });
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/--user NAME/);
    const notAdmin = await runCli(['--db', dbPath, 'restore', file, '--yes'], {
      cwd: dir,
      env: cliEnv(analyst),
    });
    expect(notAdmin.code).toBe(4);
    expect(notAdmin.err).toMatch(/may not do this/);
    const wrong = await runCli(['--db', dbPath, 'restore', file, '--yes'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: formatKey(generateKey()) }),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/the key does not open/i);
    expect(holds()).toBe(before);
    const done = await runCli(['--db', dbPath, 'restore', file, '--yes'], { cwd: dir });
    expect(done.code, done.err).toBe(0);
    expect(sniffFile(dbPath)).toBe('encrypted');
    const list = await runCli(['--db', dbPath, 'list', '--json'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: formatKey(key) }),
    });
    expect(list.out).toContain('T-A');
    expect(list.out).not.toContain('T-B');
  });
});
