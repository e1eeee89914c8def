// Migration 0040 (drafting): a database left by the version before it keeps its threats, gains the plan and
// draft tables, and the database itself keeps saved versions: plan versions never change, approved draft
// versions never change, and no version is deleted.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { tempDir } from '../../helpers/db';

describe('migration 0040: drafting', () => {
  it('brings the threat log along and adds plans and drafts whose saved versions the database protects', () => {
    const file = path.join(tempDir(), 'old.db');
    const before = MIGRATIONS.filter((m) => m.version < 40);
    const old = openDatabase(file, { migrations: before });
    expect(old.pragma('user_version', { simple: true })).toBe(before[before.length - 1]!.version);
    old
      .prepare(
        'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES ' +
          "('e1', '{}', 'E', '2027-05-17', 'now', 'now')",
      )
      .run();
    old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', '"kept"');
    closeDatabase(old);

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 40) });
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('"kept"');
    expect(db.prepare("SELECT name FROM elections WHERE id = 'e1'").pluck().get()).toBe('E');

    db.prepare(
      'INSERT INTO comm_plans (id, election_id, cluster, threat_ids, version, created_at, ' +
        "updated_at) VALUES ('P-1', 'e1', 0, '[\"t1\"]', 1, 'now', 'now')",
    ).run();
    db.prepare("INSERT INTO comm_plan_threats (threat_id, plan_id) VALUES ('t1', 'P-1')").run();
    db.prepare(
      'INSERT INTO comm_plan_versions (plan_id, version, doc, assessment, change, saved_at) ' +
        "VALUES ('P-1', 1, '{}', '{}', 'created', 'now')",
    ).run();
    expect(() => db.prepare('UPDATE comm_plan_versions SET doc = \'{"x":1}\'').run()).toThrow(
      /never changed/,
    );
    expect(() => db.prepare('DELETE FROM comm_plan_versions').run()).toThrow(/never deleted/);

    db.prepare(
      'INSERT INTO drafts (id, plan_id, template, version, status, created_at, updated_at) ' +
        "VALUES ('D-1', 'P-1', 'public-statement', 1, 'draft', 'now', 'now')",
    ).run();
    db.prepare(
      'INSERT INTO draft_versions (draft_id, version, plan_version, doc, status, change, ' +
        "saved_at) VALUES ('D-1', 1, 1, '{}', 'draft', 'created', 'now')",
    ).run();
    // A draft version may be signed off (its status changes) until it is approved; then it is frozen.
    db.prepare("UPDATE draft_versions SET status = 'reviewed' WHERE draft_id = 'D-1'").run();
    db.prepare("UPDATE draft_versions SET status = 'approved' WHERE draft_id = 'D-1'").run();
    expect(() =>
      db.prepare("UPDATE draft_versions SET doc = '{\"x\":1}' WHERE draft_id = 'D-1'").run(),
    ).toThrow(/read-only/);
    expect(() => db.prepare("DELETE FROM draft_versions WHERE draft_id = 'D-1'").run()).toThrow(
      /never deleted/,
    );
    expect(() =>
      db
        .prepare(
          'INSERT INTO draft_versions (draft_id, version, plan_version, doc, status, change, ' +
            "saved_at) VALUES ('D-1', 2, 1, '{}', 'final', 'x', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    closeDatabase(db);
  });
});
