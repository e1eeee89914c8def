// Migration 0090: outcome observations and their history, added to a database at 0060 that keeps its threats.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { OutcomeRepository } from '../../../src/main/outcomes/repository';
import { ThreatStore } from '../../../src/main/threats/store';
import { tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { insertElectionAsOf0010 } from '../../helpers/old-schema';

describe('migration 0090 (outcomes)', () => {
  it('adds the outcomes tables to a database at 0060, keeping its threats', () => {
    const file = path.join(tempDir(), 'v60.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 60) });
    insertElectionAsOf0010(old, election, '2027-05-01T00:00:00Z');
    new ThreatStore(old).insert(threat('T-1'), { change: 'created', by: null, at: '2027-05-01T00:00:00Z' });
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'outcomes'").pluck().get()).toBe(0);
    closeDatabase(old);

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
    expect(db.pragma('user_version', { simple: true })).toBe(90);
    expect(db.prepare('SELECT id FROM threats').pluck().all()).toEqual(['T-1']);
    const repo = new OutcomeRepository(db);
    const info = { change: 'created', by: 'A', at: '2027-05-20T00:00:00Z' };
    repo.insert(
      { id: 'O-1', threatId: 'T-1', date: '2027-05-19', reach: { breakout: 2, trend: 'stable' } },
      info,
    );
    repo.update(
      { id: 'O-1', threatId: 'T-1', date: '2027-05-19', reach: { breakout: 1, trend: 'declining' } },
      { ...info, change: 'edited' },
    );
    expect(repo.forThreat('T-1').map((d) => [d.outcome.reach.breakout, d.meta.version])).toEqual([[1, 2]]);
    expect(repo.versions('O-1').map((v) => v.outcome.reach.breakout)).toEqual([1, 2]);
    closeDatabase(db);
  });
});
