// Writing into a database at an older schema, as the app of that time did, for the migration tests:
// today's repositories write today's columns, which an older schema may not have.
import type { Db } from '../../src/main/db/types';
import type { Election } from '../../src/shared/domain/workspace';

/** An election row with migration 0010's columns (before 0120 added who changed it). */
export function insertElectionAsOf0010(db: Db, election: Election, at: string): void {
  db.prepare(
    'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(election.id, JSON.stringify(election), election.name, election.pollingDay, at, at);
}

/** A threat's level and score as a database before 0130 kept them: both in the `threats` row. */
export function setLevelAsOf0010(db: Db, id: string, level: string | null, score: number | null): void {
  db.prepare('UPDATE threats SET level = ?, score = ? WHERE id = ?').run(level, score, id);
}
