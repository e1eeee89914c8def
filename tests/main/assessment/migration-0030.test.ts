// Migration 0030: a database at 0020 with threats and a saved policy gains the assessment and decision
// tables, keeps its data, and the service then fills in the levels of threats recorded before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { ThreatStore } from '../../../src/main/threats/store';
import type { ThreatDetail } from '../../../src/shared/domain/threat-log';
import { assessThreat } from '../../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import { openTestApp, steppingClock, tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { insertElectionAsOf0010 } from '../../helpers/old-schema';

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

describe('migration 0030 (assessments and decisions)', () => {
  it('adds the tables to a database at 0020, keeps its threats and policies, and levels are filled in at start', async () => {
    const file = path.join(tempDir(), 'v20.db');
    const old = openDatabase(file, { migrations: upTo(20) });
    expect(old.pragma('user_version', { simple: true })).toBe(20);
    insertElectionAsOf0010(old, election, '2027-05-01T00:00:00Z');
    new ThreatStore(old).insert(threat('T-1'), {
      change: 'created',
      by: 'Ana',
      at: '2027-05-01T00:00:00Z',
    });
    old
      .prepare(
        'INSERT INTO policies (version, doc, saved_at, saved_by, saved_role, note) VALUES (2, ?, ?, NULL, NULL, ?)',
      )
      .run(JSON.stringify({ ...DEFAULT_POLICY, version: 2 }), '2027-05-01T00:00:00Z', 'kept');
    closeDatabase(old);

    const migrated = openDatabase(file, { migrations: upTo(30) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(30);
    const tables = migrated
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('assessments', 'assessment_threats', 'decisions') ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(['assessment_threats', 'assessments', 'decisions']);
    expect(migrated.prepare('SELECT level FROM threats WHERE id = ?').pluck().get('T-1')).toBeNull();
    expect(migrated.prepare('SELECT note FROM policies WHERE version = 2').pluck().get()).toBe('kept');
    // A decision that departs from the recommendation without a rationale is refused by the table itself.
    migrated
      .prepare(
        "INSERT INTO assessments (threat_ids, cluster, level, score, policy_version, threat_versions, as_of, result, created_at) VALUES ('[\"T-1\"]', 0, 'monitor', 10, 2, '{}', 'x', '{}', 'x')",
      )
      .run();
    expect(() =>
      migrated
        .prepare(
          "INSERT INTO decisions (assessment_id, recommended_level, level, rationale, decided_by, role, decided_at) VALUES (1, 'monitor', 'speak-publicly', '  ', 'Jo', 'Chair', 'x')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    closeDatabase(migrated);

    const app = await openTestApp({ file, clock: steppingClock('2027-05-12T12:00:00Z') });
    const detail = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
    const want = assessThreat(
      threat('T-1'),
      election,
      { ...DEFAULT_POLICY, version: 2 },
      { asOf: '2027-05-12T12:00:00Z' },
    );
    expect(detail.meta.level).toBe(want.level);
    expect(detail.meta.score).toBeCloseTo(want.score, 5);
  });
});
