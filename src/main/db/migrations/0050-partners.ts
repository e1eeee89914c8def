import type { Migration } from './types';

// The partner directory: each organisation as its document (roles with primary and backup
// contacts, notify rules, contact log), the columns the directory sorts on, and every
// superseded version, restorable. Nothing is hard-deleted.
// Also the dashboard's covering indexes: its counts (by type, purpose, target, level and day)
// read only these indexes, for one election or all, never the threat documents.
export const m0050Partners: Migration = {
  version: 50,
  name: 'partners',
  up(db) {
    db.exec(`
      CREATE TABLE partners (
        rowid          INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        doc            TEXT NOT NULL,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        last_contacted TEXT,
        version        INTEGER NOT NULL DEFAULT 1,
        last_change    TEXT NOT NULL,
        changed_by     TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;
      CREATE INDEX partners_name ON partners(name COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX partners_deleted ON partners(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE partner_versions (
        partner_id  TEXT NOT NULL,
        version     INTEGER NOT NULL,
        doc         TEXT NOT NULL,
        change      TEXT NOT NULL,
        changed_by  TEXT,
        changed_at  TEXT NOT NULL,
        deleted_at  TEXT,
        PRIMARY KEY (partner_id, version)
      ) STRICT;

      CREATE INDEX threats_dashboard_election ON threats(election_id, first_seen, type, purpose, target_kind, level) WHERE deleted_at IS NULL;
    `);
  },
};
