import type { Migration } from './types';

// "What do we say?": communication plans and drafts, each with every version kept whole. A plan version
// keeps the assessment it was built from; a draft version keeps its text, status and sign-offs. Versions are
// never deleted, and an approved draft version is never changed (editing writes a new version).
export const m0040Drafting: Migration = {
  version: 40,
  name: 'drafting',
  up(db) {
    db.exec(`
      CREATE TABLE comm_plans (
        id          TEXT PRIMARY KEY,
        election_id TEXT,
        cluster     INTEGER NOT NULL CHECK (cluster IN (0, 1)),
        threat_ids  TEXT NOT NULL,
        version     INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      -- Which plans concern a threat (the Drafts tab of the threat panel).
      CREATE TABLE comm_plan_threats (
        threat_id TEXT NOT NULL,
        plan_id   TEXT NOT NULL REFERENCES comm_plans(id),
        PRIMARY KEY (threat_id, plan_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE comm_plan_versions (
        plan_id    TEXT NOT NULL REFERENCES comm_plans(id),
        version    INTEGER NOT NULL,
        doc        TEXT NOT NULL,
        assessment TEXT NOT NULL,
        change     TEXT NOT NULL,
        saved_at   TEXT NOT NULL,
        saved_by   TEXT,
        saved_role TEXT,
        PRIMARY KEY (plan_id, version)
      ) STRICT;

      CREATE TABLE drafts (
        id         TEXT PRIMARY KEY,
        plan_id    TEXT NOT NULL REFERENCES comm_plans(id),
        template   TEXT NOT NULL,
        version    INTEGER NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'approved')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX drafts_plan ON drafts(plan_id);
      CREATE INDEX drafts_updated ON drafts(updated_at) WHERE deleted_at IS NULL;

      CREATE TABLE draft_versions (
        draft_id     TEXT NOT NULL REFERENCES drafts(id),
        version      INTEGER NOT NULL,
        plan_version INTEGER NOT NULL,
        doc          TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'approved')),
        change       TEXT NOT NULL,
        saved_at     TEXT NOT NULL,
        saved_by     TEXT,
        saved_role   TEXT,
        PRIMARY KEY (draft_id, version)
      ) STRICT;

      CREATE TRIGGER comm_plan_versions_no_update BEFORE UPDATE ON comm_plan_versions BEGIN
        SELECT RAISE(ABORT, 'a saved plan version is never changed; save a new version');
      END;
      CREATE TRIGGER comm_plan_versions_no_delete BEFORE DELETE ON comm_plan_versions BEGIN
        SELECT RAISE(ABORT, 'plan versions are never deleted');
      END;
      CREATE TRIGGER draft_versions_frozen BEFORE UPDATE ON draft_versions WHEN old.status = 'approved' BEGIN
        SELECT RAISE(ABORT, 'an approved draft version is read-only; edit it as a new version');
      END;
      CREATE TRIGGER draft_versions_no_delete BEFORE DELETE ON draft_versions BEGIN
        SELECT RAISE(ABORT, 'draft versions are never deleted');
      END;
    `);
  },
};
