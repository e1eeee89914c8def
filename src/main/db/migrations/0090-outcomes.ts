import type { Migration } from './types';

// After a response: outcome observations per threat (reach then, platform actions, media pick-up,
// partner feedback, a note), each a versioned, soft-deleted document like partners; every superseded
// version is kept whole. Numbered 0090 to leave 0070 and 0080 to work landing beside it.
export const m0090Outcomes: Migration = {
  version: 90,
  name: 'outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE outcomes (
        rowid       INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        doc         TEXT NOT NULL,
        threat_id   TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        last_change TEXT NOT NULL,
        changed_by  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
      CREATE INDEX outcomes_threat ON outcomes(threat_id, observed_on) WHERE deleted_at IS NULL;

      CREATE TABLE outcome_versions (
        outcome_id  TEXT NOT NULL,
        version     INTEGER NOT NULL,
        doc         TEXT NOT NULL,
        change      TEXT NOT NULL,
        changed_by  TEXT,
        changed_at  TEXT NOT NULL,
        deleted_at  TEXT,
        PRIMARY KEY (outcome_id, version)
      ) STRICT;
    `);
  },
};
