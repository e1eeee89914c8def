// The people of the test organisation, and what the command line needs to act as them.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { derivePassphraseKeys } from '../../src/main/crypto/credentials';
import { applyKey, type DbKey } from '../../src/main/db/encryption';
import { openSlot, readKeyring, slotsForName } from '../../src/main/keyring/keyring';

export interface Person {
  name: string;
  passphrase: string;
}

export const ORGANISATION = { en: 'Elections Lakeshore', fr: 'Élections Lakeshore' };

/** The first administrator of every test database: holds every role. */
export const ADMIN: Person = { name: 'Avery Admin', passphrase: 'violet-harbour-quilt-engine-42' };

/** THRESHOLD_USER and THRESHOLD_PASSPHRASE for a CLI run as `person`. */
export function cliEnv(person: Person = ADMIN, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { THRESHOLD_USER: person.name, THRESHOLD_PASSPHRASE: person.passphrase, ...extra };
}

/** Copies a database with its key slots (an encrypted database is opened through them). */
export function copyDatabase(from: string, to: string): void {
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}.keyring`)) fs.copyFileSync(`${from}.keyring`, `${to}.keyring`);
}

/** The database key of a test database, from the administrator's key slot (as signing in gets it). */
export async function keyOf(file: string, person: Person = ADMIN): Promise<DbKey> {
  for (const slot of slotsForName(readKeyring(file), person.name)) {
    const key = openSlot(slot, (await derivePassphraseKeys(person.passphrase, slot.kdf)).slotKey);
    if (key) return key;
  }
  throw new Error(`no slot of ${person.name} opens ${file}`);
}

/** The file opened with SQLite and its key, as someone holding the key (not the app) would: to tamper. */
export async function openRaw(file: string, key?: DbKey): Promise<Database.Database> {
  const db = new Database(file);
  applyKey(db, key ?? (await keyOf(file)));
  return db;
}
