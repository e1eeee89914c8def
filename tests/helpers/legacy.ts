// Writes rows as an older schema (0010's threats table) had them, for migration tests: the current
// repository writes columns that later migrations add.
import type { Db } from '../../src/main/db/connection';
import { toColumns } from '../../src/main/threats/columns';
import type { Threat } from '../../src/shared/domain/workspace';

export function insertThreatAsV10(db: Db, threat: Threat, at = '2027-05-01T00:00:00Z'): void {
  const { context_flags: _added60, ...cols } = toColumns(threat);
  db.prepare(
    `INSERT INTO threats (id, election_id, doc, title, purpose, type, target_kind, place_level, actor, actor_name, confidence, breakout,
      audience, trend, status, first_seen, last_seen, classification, version, last_change, created_at, updated_at)
     VALUES (@id, @election_id, @doc, @title, @purpose, @type, @target_kind, @place_level, @actor, @actor_name, @confidence, @breakout,
      @audience, @trend, @status, @first_seen, @last_seen, @classification, 1, 'created', @at, @at)`,
  ).run({ ...cols, at });
}
