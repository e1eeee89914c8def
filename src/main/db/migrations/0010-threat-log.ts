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

      -- The log's columns: narrow rows (the document lives in threat_docs), so that scans, counts and
      -- whole-log passes (scoring, cluster suggestions) read no JSON and few pages.
      CREATE TABLE threats (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        election_id  TEXT NOT NULL REFERENCES elections(id),
        title        TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        type         TEXT NOT NULL,
        target_kind  TEXT NOT NULL,
        target_description TEXT,
        place_level  TEXT NOT NULL,
        regions      TEXT,
        channels     TEXT,
        actor        TEXT NOT NULL,
        actor_name   TEXT,
        confidence   TEXT NOT NULL,
        breakout     INTEGER NOT NULL,
        audience     INTEGER,
        trend        TEXT,
        status       TEXT,
        first_seen   TEXT NOT NULL,
        last_seen    TEXT,
        false_claim  TEXT,
        context_flags INTEGER NOT NULL DEFAULT 0,
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

      -- The contract document of each threat (without its classified notes), one row per threat.
      CREATE TABLE threat_docs (
        rowid INTEGER PRIMARY KEY REFERENCES threats(rowid) ON DELETE CASCADE,
        doc   TEXT NOT NULL
      ) STRICT;

      -- One covering index over every column the log filters on, in first-seen order: counts and pages
      -- are index scans that read no table row but the ones shown.
      CREATE INDEX threats_log ON threats(first_seen, purpose, type, target_kind, place_level, actor, confidence, breakout,
        trend, status, level, election_id, classification) WHERE deleted_at IS NULL;
      CREATE INDEX threats_title ON threats(title COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX threats_level ON threats(level, first_seen) WHERE deleted_at IS NULL;
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

      -- Full-text search over live threats. Written by the repository in the same transaction as the
      -- threat (text assembled in JS: cheaper than JSON functions in a trigger). Column detail is
      -- enough for the log's word and prefix search, and keeps the index small.
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
