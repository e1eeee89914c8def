// Accounts in SQLite: returns domain objects, never rows. Disabled, never deleted (a trigger refuses it).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { nameKey, ROLES, type AccountView, type Role } from '../../shared/domain/accounts';
import { cached } from '../db/statements';
import type { Db } from '../db/types';
import { KdfSchema, keyFingerprint, SealedSchema, type Kdf, type Sealed } from '../crypto/credentials';

/** What proves a passphrase: its scrypt parameters and the verifier derived from it. */
export const CredentialSchema = z.strictObject({ kdf: KdfSchema, verifier: z.string().min(1) });
export type Credential = z.infer<typeof CredentialSchema>;

export interface Account {
  id: string;
  name: string;
  roles: Role[];
  credential: Credential;
  publicKey: string;
  /** The private signing key, sealed under the passphrase-derived key. */
  privateKey: Sealed;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  disabledAt: string | null;
  version: number;
}

interface AccountRow {
  id: string;
  name: string;
  name_key: string;
  roles: string;
  credential: string;
  public_key: string;
  private_key: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  disabled_at: string | null;
  version: number;
}

export function newAccountId(): string {
  return `acct-${randomBytes(8).toString('hex')}`;
}

const RolesJson = z.array(z.enum(ROLES));

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    roles: RolesJson.parse(JSON.parse(row.roles)),
    credential: CredentialSchema.parse(JSON.parse(row.credential)),
    publicKey: row.public_key,
    privateKey: SealedSchema.parse(JSON.parse(row.private_key)),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    disabledAt: row.disabled_at,
    version: row.version,
  };
}

export function accountView(a: Account, names: (id: string) => string | null = () => null): AccountView {
  return {
    id: a.id,
    name: a.name,
    roles: a.roles,
    disabled: a.disabledAt !== null,
    createdAt: a.createdAt,
    createdBy: a.createdBy ? names(a.createdBy) : null,
    keyFingerprint: keyFingerprint(a.publicKey),
  };
}

export class AccountRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return cached(this.db, 'SELECT count(*) FROM accounts').pluck().get() as number;
  }

  get(id: string): Account | undefined {
    const row = cached(this.db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  byName(name: string): Account | undefined {
    const row = cached(this.db, 'SELECT * FROM accounts WHERE name_key = ?').get(nameKey(name)) as
      AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  list(): Account[] {
    return (cached(this.db, 'SELECT * FROM accounts ORDER BY name_key').all() as AccountRow[]).map(toAccount);
  }

  /** Call inside a transaction. */
  insert(a: Omit<Account, 'version' | 'updatedAt' | 'disabledAt'>): void {
    cached(
      this.db,
      `INSERT INTO accounts (id, name, name_key, roles, credential, public_key, private_key, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      a.name,
      nameKey(a.name),
      JSON.stringify(a.roles),
      JSON.stringify(a.credential),
      a.publicKey,
      JSON.stringify(a.privateKey),
      a.createdAt,
      a.createdBy,
      a.createdAt,
    );
  }

  /** Call inside a transaction. */
  update(
    id: string,
    change: {
      roles?: Role[];
      credential?: Credential;
      publicKey?: string;
      privateKey?: Sealed;
      disabledAt?: string | null;
    },
    at: string,
  ): void {
    const sets: string[] = ['updated_at = @at', 'version = version + 1'];
    const params: Record<string, unknown> = { id, at };
    if (change.roles) {
      sets.push('roles = @roles');
      params.roles = JSON.stringify(change.roles);
    }
    if (change.credential) {
      sets.push('credential = @credential');
      params.credential = JSON.stringify(change.credential);
    }
    if (change.publicKey) {
      sets.push('public_key = @publicKey');
      params.publicKey = change.publicKey;
    }
    if (change.privateKey) {
      sets.push('private_key = @privateKey');
      params.privateKey = JSON.stringify(change.privateKey);
    }
    if (change.disabledAt !== undefined) {
      sets.push('disabled_at = @disabledAt');
      params.disabledAt = change.disabledAt;
    }
    this.db.prepare(`UPDATE accounts SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }
}

export type { Kdf };
