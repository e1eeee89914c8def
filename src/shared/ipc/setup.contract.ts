// First run: nothing else works until an organisation and its first administrator exist.
import { z } from 'zod';
import { SetupRequestSchema } from '../domain/accounts';
import type { SetupReport } from '../domain/session';
import { Confirmed, returns } from './define';

export const setupContract = {
  /** Creates the organisation and its first administrator (every role), signs them in here, and, for a
   *  new database, creates it encrypted with a random key; answers the recovery key, once. An
   *  unencrypted database from an earlier version is encrypted in place first (a plain copy is kept
   *  until an administrator confirms it may go: setup:discardPlainBackup). */
  'setup:run': { request: SetupRequestSchema, response: returns<SetupReport>() },
  /** Destroys the unencrypted copy kept when an earlier version's database was encrypted (administrators). */
  'setup:discardPlainBackup': {
    request: z.strictObject({ confirm: Confirmed }),
    response: returns<{ removed: string | null }>(),
  },
} as const;
