// Migration 0120: who made an election's current version, added to a database at 0110 that keeps its
// elections and their versions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { ElectionRepository } from '../../../src/main/elections/repository';
import { tempDir } from '../../helpers/db';
import { election } from '../../fixtures/mini-workspace';

describe('migration 0120 (election changes)', () => {
  it('adds changed_by to the elections of a database at 0110, keeping their documents and versions', () => {
    const file = path.join(tempDir(), 'v110.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 110) });
    old
      .prepare(
        'INSERT INTO elections (id, doc, name, polling_day, version, created_at, updated_at) ' +
          "VALUES (?, ?, ?, ?, 3, '2027-05-01T00:00:00Z', '2027-05-02T00:00:00Z')",
      )
      .run(election.id, JSON.stringify(election), election.name, election.pollingDay);
    closeDatabase(old);

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 120) });
    expect(db.pragma('user_version', { simple: true })).toBe(120);
    const repo = new ElectionRepository(db);
    expect(repo.detail(election.id)).toEqual({
      election,
      meta: {
        version: 3,
        changedBy: null,
        createdAt: '2027-05-01T00:00:00Z',
        updatedAt: '2027-05-02T00:00:00Z',
        deletedAt: null,
      },
    });
    repo.upsert({ ...election, name: 'Renamed' }, '2027-05-03T00:00:00Z', 'Dana Roy');
    expect(repo.detail(election.id)?.meta).toMatchObject({ version: 4, changedBy: 'Dana Roy' });
    closeDatabase(db);
  });
});
