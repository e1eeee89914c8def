import type { Migration } from './types';

// Assessments ("Should we speak?") kept whole with the policy version and the threat versions they
// used, and the humans' decisions on them. Both are append-only: nothing is edited or deleted.
// Each threat's current level and score stay in the threats table (kept in step by the
// assessment service, which also fills them in for threats recorded before this migration).
export const m0030Assessments: Migration = {
  version: 30,
  name: 'assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id              INTEGER PRIMARY KEY,
        threat_ids      TEXT NOT NULL,
        cluster         INTEGER NOT NULL CHECK (cluster IN (0, 1)),
        election_id     TEXT,
        level           TEXT NOT NULL CHECK (level IN ('monitor', 'engage-privately', 'speak-publicly')),
        score           REAL NOT NULL,
        policy_version  INTEGER NOT NULL,
        threat_versions TEXT NOT NULL,
        as_of           TEXT NOT NULL,
        result          TEXT NOT NULL,
        created_by      TEXT,
        created_role    TEXT,
        created_at      TEXT NOT NULL
      ) STRICT;

      -- Which assessments looked at which threat (and at which version): a threat's history.
      CREATE TABLE assessment_threats (
        threat_id      TEXT NOT NULL,
        assessment_id  INTEGER NOT NULL REFERENCES assessments(id),
        threat_version INTEGER NOT NULL,
        PRIMARY KEY (threat_id, assessment_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assessment_threats_assessment ON assessment_threats(assessment_id);

      CREATE TABLE decisions (
        id                INTEGER PRIMARY KEY,
        assessment_id     INTEGER NOT NULL REFERENCES assessments(id),
        recommended_level TEXT NOT NULL CHECK (recommended_level IN ('monitor', 'engage-privately', 'speak-publicly')),
        level             TEXT NOT NULL CHECK (level IN ('monitor', 'engage-privately', 'speak-publicly')),
        rationale         TEXT NOT NULL,
        decided_by        TEXT NOT NULL,
        role              TEXT NOT NULL,
        decided_at        TEXT NOT NULL,
        CHECK (level = recommended_level OR length(trim(rationale)) > 0)
      ) STRICT;
      CREATE INDEX decisions_assessment ON decisions(assessment_id);

      CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments BEGIN
        SELECT RAISE(ABORT, 'assessments are kept as they were made');
      END;
      CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments BEGIN
        SELECT RAISE(ABORT, 'assessments are kept as they were made');
      END;
      CREATE TRIGGER assessment_threats_no_update BEFORE UPDATE ON assessment_threats BEGIN
        SELECT RAISE(ABORT, 'assessments are kept as they were made');
      END;
      CREATE TRIGGER assessment_threats_no_delete BEFORE DELETE ON assessment_threats BEGIN
        SELECT RAISE(ABORT, 'assessments are kept as they were made');
      END;
      CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN
        SELECT RAISE(ABORT, 'decisions are kept as they were recorded');
      END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN
        SELECT RAISE(ABORT, 'decisions are kept as they were recorded');
      END;
    `);
  },
};
