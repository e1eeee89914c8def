import type { Migration } from './types';

// Covering indexes that really cover. Both are partial (WHERE deleted_at IS NULL), and SQLite still reads
// deleted_at from the table for every entry unless the index holds it: counting the log, paging it and the
// dashboard's counts read each threat's wide row. Holding deleted_at (always NULL there, one byte) makes
// them index-only. The per-election index also grows the columns that cluster suggestion reads (source
// name, target, regions, channels, false claim), so that suggesting clusters never reads the table.
export const m0060CoveringIndexes: Migration = {
  version: 60,
  name: 'covering-indexes',
  up(db) {
    db.exec(`
      DROP INDEX threats_log;
      CREATE INDEX threats_log ON threats(first_seen, purpose, type, target_kind, place_level, actor, confidence, breakout,
        trend, status, level, election_id, classification, deleted_at) WHERE deleted_at IS NULL;
      DROP INDEX threats_dashboard_election;
      CREATE INDEX threats_dashboard_election ON threats(election_id, first_seen, type, purpose, target_kind, level,
        actor_name, target_description, regions, channels, false_claim, deleted_at) WHERE deleted_at IS NULL;
    `);
  },
};
