import type { Migration } from './types';

// Each threat's score moves out of the wide `threats` row into a narrow table of its own. A change of
// factor weights rewrites every threat's score: in `threats` that dirtied every page of the table (44 MB
// of WAL at 100,000 threats); here it rewrites a table of two numbers per threat. The level stays in
// `threats`: the covering indexes the log and the dashboard read hold it, and it changes rarely.
// A threat with no score (never assessed) has no row. The column leaves `threats`, so that nothing reads
// a stale copy of it.
export const m0130ThreatScores: Migration = {
  version: 130,
  name: 'threat-scores',
  up(db) {
    db.exec(`
      CREATE TABLE threat_scores (
        threat_rowid INTEGER PRIMARY KEY REFERENCES threats(rowid) ON DELETE CASCADE,
        score        REAL NOT NULL
      ) STRICT;
      INSERT INTO threat_scores (threat_rowid, score) SELECT rowid, score FROM threats WHERE score IS NOT NULL;
      ALTER TABLE threats DROP COLUMN score;
    `);
  },
};
