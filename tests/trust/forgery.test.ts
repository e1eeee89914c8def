// The forgeries of issue 10, by an insider who has the database file and its key (but nobody's passphrase):
// they drop the triggers, change an entry's actor and level, re-hash every later entry and rewrite the head;
// they edit a decision or an approved text in its table; they delete or re-order entries and re-hash the
// chain; they cut the log behind an exported checkpoint. Each is detected by `threshold audit verify` and
// refused by `threshold restore`; the untouched database verifies, and restores.
import type Database from 'better-sqlite3-multiple-ciphers';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/main/assessment/default-policy';
import { entryHash } from '../../src/main/audit/audit-log';
import type { DbKey } from '../../src/main/db/encryption';
import type { StoredAssessment } from '../../src/shared/domain/decision';
import type { DraftRecord, PlanRecord } from '../../src/shared/domain/drafting-records';
import { ADMIN, openTestApp, steppingClock, tempDir } from '../helpers/db';
import { cliEnv, copyDatabase, openRaw, type Person } from '../helpers/people';
import { runCli } from './helpers';

interface Built {
  dir: string;
  file: string;
  key: DbKey;
  approver: Person;
  draftId: string;
  decisionId: number;
}

let built: Built;

/** A set-up database with a decision (signed by an approver), an approved draft and a later entry or two. */
beforeAll(async () => {
  const app = await openTestApp({
    keep: true,
    file: path.join(tempDir('forgery-base-', { keep: true }), 'threshold.db'),
    clock: steppingClock('2027-05-12T12:00:00.000Z'),
  });
  await app.call('workspace:loadSample');
  const comms = await app.person('Ana Ruiz', ['communications']);
  const approver = await app.person('Marie Gagnon', ['approver']);
  const a = await app.call<StoredAssessment>('assessment:save', { threatIds: ['lk27-001'] });
  const decision = await approver.call<{ id: number }>('assessment:decide', {
    assessmentId: a.id,
    recommendedLevel: a.level,
    level: a.level,
    rationale: '',
    passphrase: approver.passphrase,
  });
  const plan = await comms.call<PlanRecord>('drafting:createPlan', {
    threatIds: ['lk27-001'],
    cluster: false,
    asOf: '2027-05-12T12:00:00Z',
  });
  const draft = await comms.call<DraftRecord>('drafting:createDraft', {
    planId: plan.id,
    template: 'public-statement',
  });
  await approver.call('drafting:approve', {
    draftId: draft.id,
    expectedVersion: 1,
    passphrase: approver.passphrase,
  });
  await app.call('policy:save', {
    policy: { ...DEFAULT_POLICY, thresholds: { ...DEFAULT_POLICY.thresholds, speakPublicly: 80 } },
    note: 'a higher bar to speak',
  });
  await app.call('threats:list', {});
  built = {
    dir: app.dir,
    file: app.file,
    key: app.key,
    approver,
    draftId: draft.id,
    decisionId: decision.id,
  };
  app.close();
}, 120_000);

/** A copy of the database (with its key slots), tampered with as someone holding the key would. */
async function forged(name: string, tamper: (raw: Database.Database) => void): Promise<string> {
  const file = path.join(tempDir(`forgery-${name}-`), 'forged.db');
  copyDatabase(built.file, file);
  const raw = await openRaw(file, built.key);
  raw.exec(`
    DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
    DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER IF EXISTS decisions_no_delete;
    DROP TRIGGER IF EXISTS draft_versions_frozen;
  `);
  raw.transaction(() => tamper(raw))();
  raw.close();
  return file;
}

interface Row {
  seq: number;
  at: string;
  actor: string | null;
  role: string | null;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
  account_id: string | null;
}

/** Recomputes every entry's link and hash from the first on, and the head: a chain that hashes right. */
function rehash(raw: Database.Database): void {
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  let prev = '0'.repeat(64);
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const hash = entryHash({ ...r, prev_hash: prev });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
  const last = rows.at(-1)!;
  raw
    .prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'")
    .run(JSON.stringify({ seq: last.seq, hash: prev }));
}

async function verify(file: string, extra: string[] = []) {
  return runCli(['--db', file, 'audit', 'verify', ...extra], { cwd: path.dirname(file), env: cliEnv(ADMIN) });
}

/** `threshold restore` of `source` over a fresh copy of the untouched database. */
async function restore(source: string) {
  const target = path.join(tempDir('forgery-target-'), 'threshold.db');
  copyDatabase(built.file, target);
  const r = await runCli(['--db', target, 'restore', source, '--yes'], {
    cwd: path.dirname(target),
    env: cliEnv(ADMIN),
  });
  return { ...r, target };
}

async function expectDetectedAndRefused(file: string, problem: RegExp) {
  const v = await verify(file);
  expect(v.code, v.out).toBe(1);
  expect(v.err).toMatch(/NOT intact/);
  expect(v.err).toMatch(problem);
  const r = await restore(file);
  expect(r.code, r.out).not.toBe(0);
  expect(r.err).toMatch(/fails the audit check/);
  // The database it would have replaced is still the untouched one.
  expect((await verify(r.target)).code).toBe(0);
}

describe('an insider with the file and its key', { timeout: 300_000 }, () => {
  it('leaves an untouched database intact, and restorable (the control)', async () => {
    const v = await verify(built.file);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/intact/);
    const copy = path.join(tempDir('forgery-control-'), 'copy.db');
    copyDatabase(built.file, copy);
    const r = await restore(copy);
    expect(r.code, r.err).toBe(0);
  });

  it('changes an entry’s actor and level, re-hashes every later entry and rewrites the head: detected', async () => {
    const file = await forged('rehash', (raw) => {
      const entry = raw
        .prepare("SELECT seq, details FROM audit_log WHERE action = 'decision.recorded'")
        .get() as {
        seq: number;
        details: string;
      };
      const details = { ...(JSON.parse(entry.details) as object), decided: 'monitor' };
      raw
        .prepare("UPDATE audit_log SET actor = 'Li Wei', role = 'reviewer', details = ? WHERE seq = ?")
        .run(JSON.stringify(details), entry.seq);
      raw
        .prepare(
          "UPDATE decisions SET level = 'monitor', rationale = 'Held', decided_by = 'Li Wei' WHERE id = ?",
        )
        .run(built.decisionId);
      rehash(raw);
    });
    // The chain itself hashes right again: only the signatures tell.
    await expectDetectedAndRefused(file, /signature does not match/);
  });

  it('edits a row of decisions directly: detected', async () => {
    const file = await forged('decision', (raw) => {
      raw
        .prepare("UPDATE decisions SET level = 'speak-publicly', rationale = 'forged' WHERE id = ?")
        .run(built.decisionId);
    });
    await expectDetectedAndRefused(file, new RegExp(`decision ${built.decisionId} does not match`));
  });

  it('edits the text of an approved draft: detected', async () => {
    const file = await forged('approved-text', (raw) => {
      const row = raw
        .prepare('SELECT doc FROM draft_versions WHERE draft_id = ? AND version = 1')
        .get(built.draftId) as { doc: string };
      const doc = JSON.parse(row.doc) as { title: Record<string, string> };
      doc.title.en = 'Something else entirely';
      raw
        .prepare('UPDATE draft_versions SET doc = ? WHERE draft_id = ? AND version = 1')
        .run(JSON.stringify(doc), built.draftId);
    });
    await expectDetectedAndRefused(file, /does not match what was approved/);
  });

  it('edits the policy in force in its table: detected', async () => {
    const file = await forged('policy', (raw) => {
      const row = raw.prepare('SELECT version, doc FROM policies ORDER BY version DESC LIMIT 1').get() as {
        version: number;
        doc: string;
      };
      const doc = JSON.parse(row.doc) as { thresholds: Record<string, number> };
      doc.thresholds.speakPublicly = 99;
      raw.prepare('UPDATE policies SET doc = ? WHERE version = ?').run(JSON.stringify(doc), row.version);
    });
    await expectDetectedAndRefused(file, /policy version \d+ does not match/);
  });

  it('deletes an entry and re-hashes the chain: detected', async () => {
    const file = await forged('delete', (raw) => {
      const seq = raw
        .prepare("SELECT seq FROM audit_log WHERE action = 'decision.recorded'")
        .pluck()
        .get() as number;
      raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
      const later = raw
        .prepare('SELECT seq FROM audit_log WHERE seq > ? ORDER BY seq')
        .pluck()
        .all(seq) as number[];
      for (const s of later) raw.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(s - 1, s);
      rehash(raw);
    });
    await expectDetectedAndRefused(file, /signature does not match/);
  });

  it('re-orders two entries and re-hashes the chain: detected', async () => {
    const file = await forged('reorder', (raw) => {
      const [a, b] = raw
        .prepare('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 2')
        .pluck()
        .all() as number[];
      raw.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(a);
      raw.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(a, b);
      raw.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(b);
      rehash(raw);
    });
    await expectDetectedAndRefused(file, /signature does not match/);
  });

  it('swaps a person’s public key in the accounts table for one of their own: detected', async () => {
    const file = await forged('account-key', (raw) => {
      const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x;
      raw.prepare('UPDATE accounts SET public_key = ? WHERE name = ?').run(other, built.approver.name);
    });
    await expectDetectedAndRefused(file, /signing key other than the one the audit log recorded/);
  });

  it('cuts the log behind an exported checkpoint: detected with the checkpoint', async () => {
    // A checkpoint exported by the approver, kept outside the database; then the log goes on.
    const base = path.join(tempDir('forgery-checkpoint-'), 'threshold.db');
    copyDatabase(built.file, base);
    const checkpoint = path.join(path.dirname(base), 'checkpoint.json');
    const made = await runCli(['--db', base, 'audit', 'checkpoint', '--out', checkpoint], {
      cwd: path.dirname(base),
      env: cliEnv(built.approver),
    });
    expect(made.code, made.err).toBe(0);
    const saved = JSON.parse(fs.readFileSync(checkpoint, 'utf8')) as { seq: number; hash: string };
    expect(await verify(base, ['--checkpoint', checkpoint])).toMatchObject({ code: 0 });

    // Cut: the checkpoint's entry and everything after it removed, the head rewritten.
    const file = path.join(path.dirname(base), 'cut.db');
    copyDatabase(base, file);
    const raw = await openRaw(file, built.key);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(saved.seq);
    const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    raw.prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'").run(JSON.stringify(last));
    raw.close();

    // Without the checkpoint the shorter log is consistent; the checkpoint shows what is missing.
    expect((await verify(file)).code).toBe(0);
    const v = await verify(file, ['--checkpoint', checkpoint]);
    expect(v.code).toBe(1);
    // (Signing in to check writes entries of its own, so the cut shows as a different entry at that place.)
    expect(v.err).toMatch(
      new RegExp(`entry ${saved.seq} (of the checkpoint|is not the one the checkpoint).*(removed|rewritten)`),
    );
  });

  it('refuses a checkpoint file that was altered', async () => {
    const dir = tempDir('forgery-checkpoint-edit-');
    const base = path.join(dir, 'threshold.db');
    copyDatabase(built.file, base);
    const checkpoint = path.join(dir, 'checkpoint.json');
    expect(
      (await runCli(['--db', base, 'audit', 'checkpoint', '--out', checkpoint], { cwd: dir })).code,
    ).toBe(0);
    const c = JSON.parse(fs.readFileSync(checkpoint, 'utf8')) as { seq: number };
    fs.writeFileSync(checkpoint, JSON.stringify({ ...c, seq: c.seq - 1 }));
    const v = await verify(base, ['--checkpoint', checkpoint]);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/checkpoint is not signed/);
  });
});
