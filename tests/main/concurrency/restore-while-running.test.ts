// Restore while the app runs (issue 11's third case: `threshold restore` while browser mode was running lost
// a threat the app had reported saved). Now: a running app or server holds a lock file beside the
// database; `threshold restore` on it is refused, naming the holder (program, pid, host), and nothing the
// app saved is lost; a lock left by a dead process is stale and handled; a restore inside the app waits
// for no one: it is refused while a write is in flight, and takes the database offline for every window
// (an offline notice, then an online one naming the backup).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { acquireDatabaseLock, currentHolder, lockFileOf } from '../../../src/main/concurrency/database-lock';
import type { LiveNotice } from '../../../src/shared/domain/live';
import type { BackupInfo } from '../../../src/shared/domain/backups';
import type { ThreatDetail, ThreatPage } from '../../../src/shared/domain/threat-log';
import { openTestApp, tempDir } from '../../helpers/db';
import { ADMIN, cliEnv } from '../../helpers/people';
import { threat, workspace } from '../../fixtures/mini-workspace';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: cliEnv(), cwd };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The pid of a process that has exited (as a crashed server's would be). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('threshold restore while the app or a server runs', () => {
  it('is refused, naming the program that holds the database; no threat reported saved is lost', async () => {
    const dir = tempDir('restore-running-');
    const file = path.join(dir, 'threshold.db');
    const app = await openTestApp({ file, mode: 'browser', holdAs: 'browser mode' });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const backup = await cli(['--db', file, 'backup', '--out', 'before.db'], dir);
    expect(backup.code, backup.err).toBe(0);
    // The app reports this threat saved, after the backup was taken.
    const saved = await app.call<ThreatDetail>('threats:create', { threat: threat('T-SAVED') });
    expect(saved.meta.version).toBe(1);

    const refused = await cli(['--db', file, 'restore', 'before.db', '--yes'], dir);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain(
      `is open in browser mode (process ${process.pid} on ${os.hostname()}, since `,
    );
    expect(refused.err).toContain('so it cannot be restored now');
    expect(refused.err).not.toMatch(/\n\s+at /);
    // Nothing was replaced: the threat is there, and the app goes on saving.
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-SAVED' })).threat.id).toBe('T-SAVED');
    await app.call('threats:create', { threat: threat('T-AFTER') });
    expect((await app.call<ThreatPage>('threats:list', { limit: 1 })).total).toBe(4);

    // Once the app has closed, the lock is gone and the restore goes ahead.
    app.close();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    const done = await cli(['--db', file, 'restore', 'before.db', '--yes'], dir);
    expect(done.code, done.err).toBe(0);
  });

  it('takes over a lock left by a process that died; refuses a second holder while the first runs', async () => {
    const dir = tempDir('restore-stale-');
    const file = path.join(dir, 'threshold.db');
    const first = await openTestApp({ file });
    first.close();
    // A crashed server's lock: same host, a pid that no longer runs.
    fs.writeFileSync(
      lockFileOf(file),
      JSON.stringify({ pid: deadPid(), host: os.hostname(), program: 'the team server', since: 'earlier' }),
    );
    expect(currentHolder(file)).toBeNull();
    const lock = acquireDatabaseLock(file, 'the team server');
    expect(currentHolder(file)).toMatchObject({ pid: process.pid, program: 'the team server' });
    // A second program that would hold it is refused, naming the first.
    expect(() => acquireDatabaseLock(file, 'browser mode')).toThrow(
      /is open in the team server \(process \d+ on .*\), so it cannot be opened here as well/,
    );
    lock.release();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    // A lock from another machine is believed (its process cannot be checked from here).
    fs.writeFileSync(
      lockFileOf(file),
      JSON.stringify({ pid: 1, host: 'another-host', program: 'the team server', since: 'earlier' }),
    );
    expect(currentHolder(file)).toMatchObject({ host: 'another-host' });
    const restore = await cli(['--db', file, 'restore', 'anything.db', '--yes'], dir);
    expect(restore.code).toBe(4);
    expect(restore.err).toContain('the team server (process 1 on another-host');
  });
});

describe('restore inside the running app', () => {
  it('is refused while a write is in flight, and nothing of that write is lost', async () => {
    const app = await openTestApp({ mode: 'browser' });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const backup = await app.call<BackupInfo>('backups:create', {});
    // Not awaited: the save is queued (in flight) when the restore arrives.
    const saving = app.dispatch('threats:create', { threat: threat('T-IN-FLIGHT') });
    const restore = await app.dispatch('backups:restore', { name: backup.name, confirm: true });
    expect(restore.ok ? null : restore.error.code).toBe('try-later');
    expect(restore.ok ? '' : restore.error.message).toMatch(/being saved right now.*nothing was changed/);
    expect((await saving).ok).toBe(true);
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-IN-FLIGHT' })).meta.version).toBe(1);
    // With nothing in flight, it goes ahead.
    expect((await app.dispatch('backups:restore', { name: backup.name, confirm: true })).ok).toBe(true);
  });

  it('takes the database offline for every window, then says which backup it came back from', async () => {
    const app = await openTestApp({ mode: 'browser' });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const backup = await app.call<BackupInfo>('backups:create', {});
    const heard: LiveNotice[] = [];
    // Whether the database was open when each notice went out (each window's stream writes it then):
    // "offline" before the old file is closed, "online" once the restored one is open.
    const openWhen: Record<string, boolean> = {};
    const stop = app.host.live.subscribe((n) => {
      heard.push(n);
      openWhen[n.kind] = app.host.databaseState() === 'open';
    });
    await app.call('backups:restore', { name: backup.name, confirm: true });
    stop();
    expect(heard.filter((n) => n.kind !== 'changed')).toEqual([
      { kind: 'offline', by: ADMIN.name },
      { kind: 'online', by: ADMIN.name, from: backup.name },
    ]);
    expect(openWhen).toMatchObject({ offline: true, online: true });
  });
});
