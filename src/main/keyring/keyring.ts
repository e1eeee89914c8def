// The key slots beside the database (`<database>.keyring`), as LUKS keeps them in its header: the
// database's key (256 random bits, an SQLCipher 4 raw key) wrapped once per person with AES-256-GCM under
// a key derived from their passphrase (scrypt; its parameters stored with the slot), and once under the
// recovery key printed at setup. Never the key itself. Adding a person adds a slot, disabling them removes
// it, changing a passphrase rewraps one slot; the database is never re-encrypted for any of it.
// The file also remembers failed sign-ins per name (for the back-off), since the database may be locked
// when they happen. Written whole, beside its final name, synced and renamed: never half written.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { nameKey } from '../../shared/domain/accounts';
import { AppError } from '../../shared/errors';
import { KdfSchema, SealedSchema, seal, unseal, type Kdf } from '../crypto/credentials';
import { fsyncDir } from '../db/encryption';
import type { DbKey } from '../db/encryption';

export const KEYRING_FORMAT = 'threshold-keyring/1';

const AccountSlotSchema = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.literal('account'),
  accountId: z.string().min(1).max(100),
  /** SHA-256 of the normalised name: finds a person's slot while the database is locked, without
   *  writing names in clear beside it. */
  nameHash: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: KdfSchema,
  key: SealedSchema,
  createdAt: z.string(),
});

const RecoverySlotSchema = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.literal('recovery'),
  salt: z.string().min(1),
  key: SealedSchema,
  /** The recovery key's own public signing key (its signature proves a recovery in the audit log). */
  publicKey: z.string().min(1),
  createdAt: z.string(),
});

const SlotSchema = z.discriminatedUnion('kind', [AccountSlotSchema, RecoverySlotSchema]);
export type AccountSlot = z.infer<typeof AccountSlotSchema>;
export type RecoverySlot = z.infer<typeof RecoverySlotSchema>;
export type Slot = z.infer<typeof SlotSchema>;

const FailuresSchema = z.strictObject({ count: z.number().int().min(0), last: z.string() });
export type Failures = z.infer<typeof FailuresSchema>;

export const KeyringSchema = z.strictObject({
  format: z.literal(KEYRING_FORMAT),
  slots: z.array(SlotSchema),
  /** Failed sign-ins by name hash, since the last success. */
  failures: z.record(z.string(), FailuresSchema),
  /** Accounts disabled since: their slots are gone, and a restored older database must not bring them
   *  back (the host disables them in it). */
  revoked: z.array(z.string()).default([]),
  /** Failed sign-ins while the database was locked: written to the audit log when it next opens. */
  unaudited: z.array(z.strictObject({ at: z.string(), nameHash: z.string() })).default([]),
});
export type Keyring = z.infer<typeof KeyringSchema>;

export const EMPTY_KEYRING: Keyring = {
  format: KEYRING_FORMAT,
  slots: [],
  failures: {},
  revoked: [],
  unaudited: [],
};

export function keyringPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.keyring`;
}

export function nameHash(name: string): string {
  return createHash('sha256')
    .update(`threshold/name/${nameKey(name)}`, 'utf8')
    .digest('hex');
}

/** The keyring beside `dbPath`, or null when there is none. A damaged one is an error, never ignored. */
export function readKeyring(dbPath: string): Keyring | null {
  const file = keyringPath(dbPath);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = KeyringSchema.safeParse(parsed);
  if (!result.success)
    throw new AppError('corrupt-database', { id: 'keyring/key-slots-beside-database', params: { file } });
  return result.data;
}

export function writeKeyring(dbPath: string, keyring: Keyring): void {
  const file = keyringPath(dbPath);
  const temp = `${file}.partial`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(KeyringSchema.parse(keyring), null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

const DbKeySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('raw'), hex: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.strictObject({ kind: z.literal('passphrase'), text: z.string().min(1) }),
]);

const slotPurpose = (slotId: string) => `threshold/key-slot/${slotId}`;

function wrapKey(slotKey: Buffer, slotId: string, dbKey: DbKey) {
  return seal(slotKey, Buffer.from(JSON.stringify(dbKey), 'utf8'), slotPurpose(slotId));
}

/** The database key a slot holds, or null when `slotKey` is not the one that wrapped it. */
export function openSlot(slot: Slot, slotKey: Buffer): DbKey | null {
  const plain = unseal(slotKey, slot.key, slotPurpose(slot.id));
  if (!plain) return null;
  const parsed = DbKeySchema.safeParse(JSON.parse(plain.toString('utf8')));
  return parsed.success ? parsed.data : null;
}

export function newAccountSlot(opts: {
  accountId: string;
  name: string;
  kdf: Kdf;
  slotKey: Buffer;
  dbKey: DbKey;
  at: string;
}): AccountSlot {
  const id = `slot-${randomBytes(8).toString('hex')}`;
  return {
    id,
    kind: 'account',
    accountId: opts.accountId,
    nameHash: nameHash(opts.name),
    kdf: opts.kdf,
    key: wrapKey(opts.slotKey, id, opts.dbKey),
    createdAt: opts.at,
  };
}

export function newRecoverySlot(opts: {
  salt: Buffer;
  slotKey: Buffer;
  publicKey: string;
  dbKey: DbKey;
  at: string;
}): RecoverySlot {
  const id = 'recovery';
  return {
    id,
    kind: 'recovery',
    salt: opts.salt.toString('base64'),
    key: wrapKey(opts.slotKey, id, opts.dbKey),
    publicKey: opts.publicKey,
    createdAt: opts.at,
  };
}

export function accountSlots(keyring: Keyring | null, accountId: string): AccountSlot[] {
  return (keyring?.slots ?? []).filter(
    (s): s is AccountSlot => s.kind === 'account' && s.accountId === accountId,
  );
}

export function slotsForName(keyring: Keyring | null, name: string): AccountSlot[] {
  const hash = nameHash(name);
  return (keyring?.slots ?? []).filter((s): s is AccountSlot => s.kind === 'account' && s.nameHash === hash);
}

export function recoverySlot(keyring: Keyring | null): RecoverySlot | undefined {
  return keyring?.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
}

/** Where a host keeps its keyring: the file beside the database, or (while setup builds a new database)
 *  memory, written to the file only when setup succeeds. */
export interface KeyringStore {
  read(): Keyring | null;
  write(keyring: Keyring): void;
}

export function fileKeyring(dbPath: string): KeyringStore {
  return { read: () => readKeyring(dbPath), write: (k) => writeKeyring(dbPath, k) };
}

export function memoryKeyring(initial: Keyring | null = null): KeyringStore & { current: Keyring | null } {
  const store = {
    current: initial,
    read: () => store.current,
    write: (k: Keyring) => {
      store.current = KeyringSchema.parse(k);
    },
  };
  return store;
}

/** Reads, changes and writes the keyring in one step. */
export function updateKeyring(store: KeyringStore, change: (k: Keyring) => Keyring): Keyring {
  const next = change(store.read() ?? EMPTY_KEYRING);
  store.write(next);
  return next;
}
