import type { Migration } from './types';

// Every version of the intervention policy ever saved, so that an old assessment can be
// re-read with the policy it used. The latest version is the one in force.
export const m0020Policies: Migration = {
  version: 20,
  name: 'policies',
  up(db) {
    db.exec(`
      CREATE TABLE policies (
        version    INTEGER PRIMARY KEY,
        doc        TEXT NOT NULL,
        saved_at   TEXT NOT NULL,
        saved_by   TEXT,
        saved_role TEXT,
        note       TEXT
      ) STRICT;
    `);
  },
};
