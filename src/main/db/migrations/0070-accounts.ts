import type { Migration } from './types';

// People: accounts with roles, a scrypt verifier of the passphrase, and an Ed25519 key pair (the private
// key sealed under the passphrase). Accounts are disabled, never deleted. What people sign carries the
// signer's account and signature: audit entries, decisions, policy versions (and, in their documents,
// draft sign-offs). The identity typed in settings by earlier versions means nothing now and goes.
export const m0070Accounts: Migration = {
  version: 70,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL UNIQUE,
        roles       TEXT NOT NULL,
        credential  TEXT NOT NULL,
        public_key  TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT REFERENCES accounts(id),
        updated_at  TEXT NOT NULL,
        disabled_at TEXT,
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN
        SELECT RAISE(ABORT, 'accounts are disabled, never deleted');
      END;

      ALTER TABLE audit_log ADD COLUMN account_id TEXT;
      ALTER TABLE audit_log ADD COLUMN signature TEXT;

      ALTER TABLE decisions ADD COLUMN account_id TEXT;
      ALTER TABLE decisions ADD COLUMN content_hash TEXT;
      ALTER TABLE decisions ADD COLUMN signature TEXT;

      ALTER TABLE policies ADD COLUMN account_id TEXT;
      ALTER TABLE policies ADD COLUMN content_hash TEXT;
      ALTER TABLE policies ADD COLUMN signature TEXT;

      DELETE FROM settings WHERE key = 'identity';
    `);
  },
};
