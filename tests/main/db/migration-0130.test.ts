// Migration 0130: each threat's score moves from the wide `threats` row to the narrow `threat_scores`. A
// database at 0120 with scored, unscored and deleted threats keeps every score (the log shows and sorts
// them, the detail reads them), the column leaves `threats`, and deleting a threat's row leaves no score.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { ThreatStore } from '../../../src/main/threats/store';
import { tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { insertElectionAsOf0010, setLevelAsOf0010 } from '../../helpers/old-schema';

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);
const info = { change: 'created', by: null, at: '2027-05-01T00:00:00Z' } as const;

describe('migration 0130 (threat scores)', () => {
  it('moves the scores of a database at 0120 to threat_scores, drops the column, and the log shows them', () => {
    const file = path.join(tempDir(), 'v120.db');
    const old = openDatabase(file, { migrations: upTo(120) });
    insertElectionAsOf0010(old, election, '2027-05-01T00:00:00Z');
    const before = new ThreatStore(old);
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4']) before.insert(threat(id), info);
    setLevelAsOf0010(old, 'T-1', 'speak-publicly', 72.5);
    setLevelAsOf0010(old, 'T-2', 'monitor', 12.25);
    setLevelAsOf0010(old, 'T-4', 'engage-privately', 40);
    before.setDeleted('T-4', true, { ...info, change: 'deleted' });
    closeDatabase(old);

    const db = openDatabase(file, { migrations: upTo(130) });
    expect(db.pragma('user_version', { simple: true })).toBe(130);
    const columns = (db.pragma('table_info(threats)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('level');
    expect(columns).not.toContain('score');
    const scores = db
      .prepare(
        'SELECT t.id, s.score FROM threat_scores s JOIN threats t ON t.rowid = s.threat_rowid ORDER BY t.id',
      )
      .all();
    // The unscored threat has no row; the deleted one keeps its score.
    expect(scores).toEqual([
      { id: 'T-1', score: 72.5 },
      { id: 'T-2', score: 12.25 },
      { id: 'T-4', score: 40 },
    ]);

    const store = new ThreatStore(db);
    expect(store.get('T-1')?.meta).toMatchObject({ level: 'speak-publicly', score: 72.5 });
    expect(store.get('T-3')?.meta).toMatchObject({ level: null, score: null });
    expect(store.get('T-4')?.meta).toMatchObject({ level: 'engage-privately', score: 40 });
    const page = store.list({}, { field: 'score', direction: 'desc' }, 0, 10);
    expect(page.rows.map((r) => [r.id, r.level, r.score])).toEqual([
      ['T-1', 'speak-publicly', 72.5],
      ['T-2', 'monitor', 12.25],
      ['T-3', null, null],
    ]);
    const ascending = store.list({}, { field: 'score', direction: 'asc' }, 0, 10);
    expect(ascending.rows.map((r) => r.id)).toEqual(['T-3', 'T-2', 'T-1']);
    expect(store.list({ deleted: true }, { field: 'score', direction: 'desc' }, 0, 10).rows).toMatchObject([
      { id: 'T-4', score: 40 },
    ]);

    // A threat's row gone (nothing in the app hard-deletes; a database tool might): its score goes with it.
    db.exec("DELETE FROM threats WHERE id = 'T-2'");
    expect(db.prepare('SELECT count(*) FROM threat_scores').pluck().get()).toBe(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    closeDatabase(db);
  });
});
