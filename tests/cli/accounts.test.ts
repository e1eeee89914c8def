// The command line with accounts, with no terminal: setup (the recovery key printed), people added, listed,
// disabled and given new passphrases by an administrator, every command acting as --user NAME (or
// THRESHOLD_USER) with THRESHOLD_PASSPHRASE, refusals with exit 4, the database key for administrators only
// (audited), and browser mode's --demo printing its two accounts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/shared/domain/accounts';
import type { AuditEntryView } from '../../src/shared/domain/audit';
import { AppHost } from '../../src/main/app-host';
import { sniffFile } from '../../src/main/db/encryption';
import { ADMIN, ASSETS_DIR, REPO_ROOT, tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { runCli } from '../trust/helpers';

const LI = { name: 'Li Wei', passphrase: 'lantern-orchard-copper-fifty-3' };

async function setUp(): Promise<{ dir: string; db: string }> {
  const dir = tempDir('threshold-cli-accounts-');
  const db = path.join(dir, 'threshold.db');
  const r = await runCli(
    [
      '--db',
      db,
      'setup',
      '--org-name',
      'Elections Lakeshore',
      '--org-name-fr',
      'Élections Lakeshore',
      '--admin',
      ADMIN.name,
    ],
    { cwd: dir, env: { THRESHOLD_PASSPHRASE: ADMIN.passphrase } },
  );
  expect(r.code, r.err).toBe(0);
  return { dir, db };
}

describe('threshold setup', () => {
  it('sets up an encrypted database and prints the recovery key once; the administrator holds every role', async () => {
    const dir = tempDir('threshold-cli-setup-');
    const db = path.join(dir, 'threshold.db');
    const weak = await runCli(
      ['--db', db, 'setup', '--org-name', 'Elections Lakeshore', '--admin', ADMIN.name],
      {
        cwd: dir,
        env: { THRESHOLD_PASSPHRASE: 'password1' },
      },
    );
    expect(weak.code).not.toBe(0);
    expect(weak.err).toMatch(/too weak: .+/);
    expect(sniffFile(db)).toBe('missing');

    const r = await runCli(
      ['--db', db, 'setup', '--org-name', 'Elections Lakeshore', '--admin', ADMIN.name],
      {
        cwd: dir,
        env: { THRESHOLD_PASSPHRASE: ADMIN.passphrase },
      },
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/recovery key/i);
    expect(sniffFile(db)).toBe('encrypted');
    const again = await runCli(['--db', db, 'setup', '--org-name', 'Other', '--admin', 'Someone Else'], {
      cwd: dir,
      env: { THRESHOLD_PASSPHRASE: 'another-strong-passphrase-for-me-77' },
    });
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/already set up/);
    const list = await runCli(['--db', db, 'user', 'list', '--json'], { cwd: dir });
    expect((JSON.parse(list.out) as AccountView[])[0]).toMatchObject({
      name: ADMIN.name,
      roles: ['analyst', 'communications', 'reviewer', 'approver', 'policy-owner', 'administrator'],
    });
  });

  it('refuses every command before setup, and a command that says no one', async () => {
    const dir = tempDir('threshold-cli-nosetup-');
    const db = path.join(dir, 'threshold.db');
    const r = await runCli(['--db', db, 'list'], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/not set up yet/);
    const { db: ready } = await setUp();
    const nobody = await runCli(['--db', ready, 'list'], { cwd: dir, env: {} });
    expect(nobody.code).not.toBe(0);
    expect(nobody.err).toMatch(/--user NAME/);
  });
});

describe('threshold user', () => {
  it('adds, lists, disables and re-keys people; only administrators may; refusals exit 4', async () => {
    const { dir, db } = await setUp();
    const asAdmin = (extra: NodeJS.ProcessEnv = {}) => cliEnv(ADMIN, extra);
    const weak = await runCli(['--db', db, 'user', 'add', LI.name, '--roles', 'reviewer,approver'], {
      cwd: dir,
      env: asAdmin({ THRESHOLD_NEW_PASSPHRASE: 'liwei2027' }),
    });
    expect(weak.code).not.toBe(0);
    expect(weak.err).toMatch(/too weak/);
    const added = await runCli(['--db', db, 'user', 'add', LI.name, '--roles', 'reviewer,approver'], {
      cwd: dir,
      env: asAdmin({ THRESHOLD_NEW_PASSPHRASE: LI.passphrase }),
    });
    expect(added.code, added.err).toBe(0);
    const list = JSON.parse(
      (await runCli(['--db', db, 'user', 'list', '--json'], { cwd: dir, env: asAdmin() })).out,
    ) as AccountView[];
    expect(list.find((a) => a.name === LI.name)).toMatchObject({
      roles: ['reviewer', 'approver'],
      disabled: false,
    });

    // Li acts as Li (--user, or THRESHOLD_USER), and may not manage accounts.
    const asLi = { THRESHOLD_PASSPHRASE: LI.passphrase };
    expect((await runCli(['--db', db, '--user', LI.name, 'list'], { cwd: dir, env: asLi })).code).toBe(0);
    const notAdmin = await runCli(
      ['--db', db, '--user', LI.name, 'user', 'add', 'Sam Okoro', '--roles', 'analyst'],
      {
        cwd: dir,
        env: { ...asLi, THRESHOLD_NEW_PASSPHRASE: 'orchid-basalt-mirror-teapot-8' },
      },
    );
    expect(notAdmin.code).toBe(4);
    expect(notAdmin.err).toMatch(/may not/);
    const wrong = await runCli(['--db', db, '--user', LI.name, 'list'], {
      cwd: dir,
      env: { THRESHOLD_PASSPHRASE: 'not-lis-passphrase-at-all' },
    });
    expect(wrong.code).toBe(4);
    expect(wrong.err).toMatch(/name or the passphrase is not right/);

    // Their own passphrase, changed: the old one no longer signs in.
    const next = 'quiet-harbour-violin-sixty-one';
    const passwd = await runCli(['--db', db, '--user', LI.name, 'user', 'passwd', LI.name], {
      cwd: dir,
      env: { ...asLi, THRESHOLD_NEW_PASSPHRASE: next },
    });
    expect(passwd.code, passwd.err).toBe(0);
    expect((await runCli(['--db', db, '--user', LI.name, 'list'], { cwd: dir, env: asLi })).code).toBe(4);
    expect(
      (
        await runCli(['--db', db, '--user', LI.name, 'list'], {
          cwd: dir,
          env: { THRESHOLD_PASSPHRASE: next },
        })
      ).code,
    ).toBe(0);

    // Disabled: refused with the right passphrase too.
    const disabled = await runCli(['--db', db, 'user', 'disable', LI.name], { cwd: dir, env: asAdmin() });
    expect(disabled.code, disabled.err).toBe(0);
    expect(
      (
        await runCli(['--db', db, '--user', LI.name, 'list'], {
          cwd: dir,
          env: { THRESHOLD_PASSPHRASE: next },
        })
      ).code,
    ).toBe(4);
    const after = JSON.parse(
      (await runCli(['--db', db, 'user', 'list', '--json'], { cwd: dir, env: asAdmin() })).out,
    ) as AccountView[];
    expect(after.find((a) => a.name === LI.name)?.disabled).toBe(true);
  });
});

describe('threshold db key', () => {
  it('prints the raw key to an administrator (audited), which THRESHOLD_DB_KEY then takes; refuses anyone else', async () => {
    const { dir, db } = await setUp();
    await runCli(['--db', db, 'user', 'add', LI.name, '--roles', 'analyst'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_NEW_PASSPHRASE: LI.passphrase }),
    });
    const refused = await runCli(['--db', db, '--user', LI.name, 'db', 'key'], {
      cwd: dir,
      env: { THRESHOLD_PASSPHRASE: LI.passphrase },
    });
    expect(refused.code).toBe(4);
    expect(refused.out).toBe('');
    const shown = await runCli(['--db', db, 'db', 'key'], { cwd: dir });
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(/^[0-9a-f]{64}$/);
    const withKey = await runCli(['--db', db, 'audit', 'list', '--json'], {
      cwd: dir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: shown.out }),
    });
    expect(withKey.code, withKey.err).toBe(0);
    const entries = JSON.parse(withKey.out) as AuditEntryView[];
    expect(entries.filter((e) => e.action === 'database.key-shown')).toEqual([
      expect.objectContaining({ actor: ADMIN.name, role: 'administrator', signature: expect.any(String) }),
    ]);
    // A key given for a file that needs none is an error, not ignored.
    const plainDir = tempDir('threshold-cli-nokey-');
    const none = await runCli(['--db', path.join(plainDir, 'new.db'), 'list'], {
      cwd: plainDir,
      env: cliEnv(ADMIN, { THRESHOLD_DB_KEY: shown.out }),
    });
    expect(none.code).not.toBe(0);
    expect(none.err).toMatch(/cannot be its key/);
  });
});

describe('browser mode --demo', () => {
  it('sets up a demo organisation and prints each demo account on a line of its own; each signs in', async () => {
    const dir = tempDir('threshold-demo-');
    const db = path.join(dir, 'demo.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/browser/main.ts', '--demo', '--no-open', '--db', db],
      { cwd: REPO_ROOT, env: { ...process.env, THRESHOLD_DB_KEY: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const lines = await new Promise<string[]>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${err}`)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = out.split('\n').filter((l) => l.startsWith('demo account: '));
        // Printed before the server's address: both are there once the address is.
        if (found.length >= 2 && /http:\/\/127\.0\.0\.1:\d+/.test(out)) resolve(found);
      });
    }).finally(() => child.kill('SIGTERM'));
    await new Promise((resolve) => child.once('close', resolve));
    expect(lines).toHaveLength(2);
    const accounts = lines.map((l) => {
      const m = /^demo account: (\S+) (\S+)$/.exec(l);
      expect(m, l).not.toBeNull();
      return { name: m![1]!, passphrase: m![2]! };
    });
    expect(fs.existsSync(db)).toBe(true);
    const host = AppHost.open({
      dbPath: db,
      mode: 'cli',
      assetsDir: ASSETS_DIR,
      appVersion: 'test',
      autoBackup: false,
    });
    try {
      for (const [i, a] of accounts.entries()) {
        const r = await host.dispatch('session:signIn', a, { session: `demo-${i}` });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
    } finally {
      host.close();
    }
  });
});
