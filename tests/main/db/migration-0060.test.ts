// Migration 0060: the partial indexes of the log (threats_log) and of each election
// (threats_dashboard_election) hold deleted_at, so that SQLite reads them alone; the per-election one also
// holds what cluster suggestion reads. A database at 0050 keeps its threats.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { ThreatStore } from '../../../src/main/threats/store';
import { tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { insertElectionAsOf0010 } from '../../helpers/old-schema';

describe('migration 0060 (covering indexes)', () => {
  it('makes the log and per-election indexes cover their reads (deleted_at held), keeps the threats', () => {
    const file = path.join(tempDir(), 'v50.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 50) });
    insertElectionAsOf0010(old, election, '2027-05-01T00:00:00Z');
    new ThreatStore(old).insert(
      threat('T-1', { source: { actor: 'unknown', name: 'Src', confidence: 'low' } }),
      {
        change: 'created',
        by: null,
        at: '2027-05-01T00:00:00Z',
      },
    );
    closeDatabase(old);

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 60) });
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    const columns = (db.pragma('index_info(threats_dashboard_election)') as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual([
      'election_id',
      'first_seen',
      'type',
      'purpose',
      'target_kind',
      'level',
      'actor_name',
      'target_description',
      'regions',
      'channels',
      'false_claim',
      'deleted_at',
    ]);
    const repo = new ThreatStore(db);
    expect(repo.clusterColumns(election.id).columns.sourceName).toEqual(['Src']);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT rowid, first_seen, actor_name, target_kind, target_description, purpose, type, regions, channels, false_claim
         FROM threats INDEXED BY threats_dashboard_election WHERE deleted_at IS NULL AND election_id = ? ORDER BY first_seen, rowid`,
      )
      .all(election.id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX threats_dashboard_election/);
    // Counting the log reads the log's index only.
    const count = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT count(*) FROM threats t INDEXED BY threats_log WHERE t.deleted_at IS NULL',
      )
      .all() as { detail: string }[];
    expect(count.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX threats_log/);
    expect(db.prepare('SELECT id FROM threats').pluck().all()).toEqual(['T-1']);
    closeDatabase(db);
  });
});
