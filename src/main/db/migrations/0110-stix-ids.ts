import type { Migration } from './types';

// STIX identifiers: random (version 4) UUIDs, as OASIS's best practice asks, kept so that exporting the
// same threat again gives the same id. One row per thing a bundle names (an incident per threat, a
// location per place, a relationship per link, the organisation's identity…), keyed by what Threshold
// calls it. Ids taken from a partner's bundle on import are kept here too, so a re-export keeps them.
// Rows are never deleted: an id once published stays the thing's id. Numbered 0110 to leave 0100 to work
// landing beside it.
export const m0110StixIds: Migration = {
  version: 110,
  name: 'stix-ids',
  up(db) {
    db.exec(`
      CREATE TABLE stix_ids (
        type       TEXT NOT NULL,
        key        TEXT NOT NULL,
        stix_id    TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (type, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
