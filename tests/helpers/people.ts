// The people of the test organisation, and what the command line needs to act as them.
import fs from 'node:fs';

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
