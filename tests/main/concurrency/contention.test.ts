// The concurrency cases of issue 11, each with a real second process on the same database file:
// - the CLI importing while browser mode saves: every save in the app succeeds (it waits its turn);
// - another program holding the write lock while the app saves: the saves wait and succeed, reading what
//   the other program committed (BEGIN IMMEDIATE: no stale snapshot, no SQLITE_BUSY);
// - the lock held for longer than the busy timeout: a save gets "The database is busy…" (code 'busy'),
//   nothing is changed, and a `decide` from the command line says the same, without a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ThreatDetail, ThreatPage } from '../../../src/shared/domain/threat-log';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { BUSY_TIMEOUT_MS } from '../../../src/main/concurrency/busy';
import { openTestApp, tempDir, type TestApp } from '../../helpers/db';
import { cliEnv } from '../../helpers/people';
import { threat, workspace } from '../../fixtures/mini-workspace';
import { holdWriteLock, runCli } from './other-program';

async function browserModeApp(): Promise<TestApp> {
  const app = await openTestApp({ mode: 'browser', holdAs: 'browser mode' });
  await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
  return app;
}

/** A workspace file of `n` threats, for the command line to import. */
function bigWorkspace(n: number): string {
  const file = path.join(tempDir(), 'import.json');
  const threats = Array.from({ length: n }, (_, i) =>
    threat(`CLI-${i}`, { title: `Imported by the command line ${i}`, facts: [`Fact ${i}`] }),
  );
  fs.writeFileSync(file, JSON.stringify(workspace(threats)));
  return file;
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: cliEnv(), cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('another program writing the same database', () => {
  it('a CLI import during a browser-mode session: every save in the app succeeds', async () => {
    const app = await browserModeApp();
    const importing = runCli(['import', bigWorkspace(1500), '--db', app.file], cliEnv());
    const results: { ok: boolean; error?: unknown }[] = [];
    // Saves while the import runs (however the two interleave on this machine: each must succeed).
    for (let i = 0; i < 5; i++) {
      const created = await app.dispatch('threats:create', {
        threat: { ...threat(`APP-${i}`), title: `Saved in the app ${i}` },
      });
      results.push(created.ok ? { ok: true } : { ok: false, error: created.error });
      const t1 = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
      const edited = await app.dispatch('threats:update', {
        threat: { ...t1.threat, summary: `Edited in the app ${i}` },
        expectedVersion: t1.meta.version,
      });
      results.push(edited.ok ? { ok: true } : { ok: false, error: edited.error });
      await new Promise((r) => setTimeout(r, 50));
    }
    const done = await importing.exited;
    expect(done.err).not.toMatch(/\n\s+at /);
    expect(done.code, done.err).toBe(0);
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    const all = await app.call<ThreatPage>('threats:list', { limit: 1 });
    expect(all.total).toBe(2 + 5 + 1500);
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-1' })).threat.summary).toBe(
      'Edited in the app 4',
    );
  }, 120_000);

  it('waits while another program holds the write lock, then saves on top of what it committed', async () => {
    const app = await browserModeApp();
    const other = holdWriteLock(app.file, app.key, 1500);
    await other.said('locked');
    const results = [];
    for (let i = 0; i < 5; i++) {
      const t1 = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
      results.push(
        await app.dispatch('threats:update', {
          threat: { ...t1.threat, title: `Saved while another program wrote ${i}` },
          expectedVersion: t1.meta.version,
        }),
      );
    }
    await other.exited;
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    // The other program's write is there too: nobody's change was lost.
    expect(
      app.db.prepare("SELECT count(*) FROM settings WHERE key = 'test.otherProgram'").pluck().get(),
    ).toBe(1);
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-1' })).meta.version).toBe(6);
  }, 60_000);

  it('says the database is busy when the lock is held past the busy timeout; nothing changes, no stack trace', async () => {
    const app = await browserModeApp();
    const before = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
    const other = holdWriteLock(app.file, app.key, BUSY_TIMEOUT_MS + 2500);
    await other.said('locked');
    const refused = await app.dispatch('threats:update', {
      threat: { ...before.threat, title: 'Never saved' },
      expectedVersion: before.meta.version,
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'busy',
        message:
          'The database is busy: another Threshold program is writing to it. Try again in a moment; nothing was changed.',
        messageId: 'concurrency/database-busy',
      },
    });
    await other.exited;
    const after = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
    expect(after.meta.version).toBe(before.meta.version);
    expect(after.threat.title).toBe(before.threat.title);
  }, 60_000);

  it('a `decide` during an import waits its turn, or says the database is busy: never a stack trace', async () => {
    const app = await browserModeApp();
    // An import shorter than the busy timeout: the decision waits, then is recorded.
    let other = holdWriteLock(app.file, app.key, 1500);
    await other.said('locked');
    const waited = await cli([
      'decide',
      'T-1',
      '--level',
      'monitor',
      '--rationale',
      'Watching it.',
      '--db',
      app.file,
    ]);
    await other.exited;
    expect(waited.code, waited.err).toBe(0);
    // One longer than the busy timeout: a clear message, exit code 1, nothing recorded.
    const decisions = () => app.db.prepare('SELECT count(*) FROM assessments').pluck().get() as number;
    const recorded = decisions();
    other = holdWriteLock(app.file, app.key, BUSY_TIMEOUT_MS + 2500);
    await other.said('locked');
    const busy = await cli([
      'decide',
      'T-2',
      '--level',
      'monitor',
      '--rationale',
      'Watching it.',
      '--db',
      app.file,
    ]);
    await other.exited;
    expect(busy.code).toBe(1);
    expect(busy.err).toContain('The database is busy: another Threshold program is writing to it.');
    expect(busy.err).not.toMatch(/\n\s+at |unexpected error/);
    expect(decisions()).toBe(recorded);
  }, 60_000);
});
