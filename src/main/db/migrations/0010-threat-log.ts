import type { Migration } from './types';

// The threat log: elections, threats (the contract document plus the columns the log
// filters and sorts on), classified notes kept apart, history, full-text search, audit.
export const m0010ThreatLog: Migration = {
  version: 10,
  name: 'threat-log',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE elections (
        id          TEXT PRIMARY KEY,
        doc         TEXT NOT NULL,
        name        TEXT NOT NULL,
        polling_day TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      CREATE TABLE threats (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        election_id  TEXT NOT NULL REFERENCES elections(id),
        doc          TEXT NOT NULL,
        title        TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        type         TEXT NOT NULL,
        target_kind  TEXT NOT NULL,
        place_level  TEXT NOT NULL,
        actor        TEXT NOT NULL,
        actor_name   TEXT,
        confidence   TEXT NOT NULL,
        breakout     INTEGER NOT NULL,
        audience     INTEGER,
        trend        TEXT,
        status       TEXT,
        first_seen   TEXT NOT NULL,
        last_seen    TEXT,
        classification TEXT,
        level        TEXT,
        score        REAL,
        version      INTEGER NOT NULL DEFAULT 1,
        last_change  TEXT NOT NULL,
        changed_by   TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT
      ) STRICT;

      CREATE INDEX threats_first_seen ON threats(first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_election ON threats(election_id, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_purpose ON threats(purpose, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_type ON threats(type, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_target ON threats(target_kind, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_actor ON threats(actor, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_status ON threats(status, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_level ON threats(level, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_breakout ON threats(breakout, first_seen) WHERE deleted_at IS NULL;
      CREATE INDEX threats_updated ON threats(updated_at) WHERE deleted_at IS NULL;
      CREATE INDEX threats_deleted ON threats(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE threat_regions (
        region       TEXT NOT NULL COLLATE NOCASE,
        threat_rowid INTEGER NOT NULL REFERENCES threats(rowid) ON DELETE CASCADE,
        PRIMARY KEY (region, threat_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX threat_regions_threat ON threat_regions(threat_rowid);

      CREATE TABLE threat_channels (
        channel      TEXT NOT NULL COLLATE NOCASE,
        threat_rowid INTEGER NOT NULL REFERENCES threats(rowid) ON DELETE CASCADE,
        PRIMARY KEY (channel, threat_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX threat_channels_threat ON threat_channels(threat_rowid);

      -- Classified notes live apart from the document that public drafts read.
      CREATE TABLE classified_notes (
        threat_rowid   INTEGER NOT NULL REFERENCES threats(rowid) ON DELETE CASCADE,
        seq            INTEGER NOT NULL,
        classification TEXT NOT NULL CHECK (classification IN ('PROTECTED', 'SECRET', 'TOP SECRET')),
        text           TEXT NOT NULL,
        extra          TEXT,
        PRIMARY KEY (threat_rowid, seq)
      ) STRICT;

      -- Every superseded version of a threat, whole (classified notes included), restorable.
      CREATE TABLE threat_versions (
        threat_id   TEXT NOT NULL,
        version     INTEGER NOT NULL,
        doc         TEXT NOT NULL,
        change      TEXT NOT NULL,
        changed_by  TEXT,
        changed_at  TEXT NOT NULL,
        deleted_at  TEXT,
        PRIMARY KEY (threat_id, version)
      ) STRICT;

      -- Full-text search. Written by the repository in the same transaction as the threat (text
      -- assembled in JS: cheaper than JSON functions in a trigger). Column detail is enough for
      -- the log's word and prefix search, and keeps the index small.
      CREATE VIRTUAL TABLE threats_fts USING fts5(
        title, summary, false_claim, facts, names, places, translations,
        content = '', contentless_delete = 1, detail = 'column',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      -- Append-only, hash-chained. The triggers refuse edits through SQL; the chain
      -- (and the head kept in settings) detects edits made to the file by other means.
      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT,
        role      TEXT,
        action    TEXT NOT NULL,
        subject   TEXT,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_subject ON audit_log(subject);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `);
  },
};
