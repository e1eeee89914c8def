// Sessions: where this window's (desktop), browser's (browser mode) or command's (CLI) session is, and
// signing in, locking, unlocking and signing out. The host says whose session a call belongs to (the
// window, the session cookie, the command line); nothing in a payload ever names who is acting.
import { z } from 'zod';
import { AccountNameSchema, PassphraseSchema } from '../domain/accounts';
import { IdleMinutesSchema, type SessionStatus } from '../domain/session';
import type { PassphraseVerdict } from '../security/passphrase-strength';
import { returns } from './define';

export const sessionContract = {
  /** Where this session is; never counts as activity (it does not keep a session from locking). */
  'session:status': { request: z.strictObject({}), response: returns<SessionStatus>() },
  /** Signs a person in here (replacing whoever was signed in or locked here). Refused with the same
   *  sentence for a wrong name or passphrase; after repeated failures for a name, refused until a delay
   *  has passed (code `try-later`). Failures are audited. */
  'session:signIn': {
    request: z.strictObject({ name: AccountNameSchema, passphrase: PassphraseSchema }),
    response: returns<SessionStatus>(),
  },
  /** Locks this session now (the person stays signed in; their passphrase unlocks it). */
  'session:lock': { request: z.strictObject({}), response: returns<SessionStatus>() },
  /** Unlocks a locked session with the same person's passphrase. */
  'session:unlock': {
    request: z.strictObject({ passphrase: PassphraseSchema }),
    response: returns<SessionStatus>(),
  },
  /** Signs out whoever is signed in (or locked) here. */
  'session:signOut': { request: z.strictObject({}), response: returns<SessionStatus>() },
  /** Changes the signed-in person's own passphrase (its strength is checked; their key slot is rewrapped). */
  'session:changePassphrase': {
    request: z.strictObject({ current: PassphraseSchema, next: PassphraseSchema }),
    response: returns<SessionStatus>(),
  },
  /** How strong a passphrase is, and why not, before it is submitted (the same check the services apply). */
  'session:checkPassphrase': {
    request: z.strictObject({
      passphrase: z.string().max(1024),
      name: z.string().max(100).optional(),
      language: z.enum(['en', 'fr']).default('en'),
    }),
    response: returns<PassphraseVerdict>(),
  },
  /** Minutes without activity before every session locks (administrators). */
  'session:setIdleMinutes': {
    request: z.strictObject({ minutes: IdleMinutesSchema }),
    response: returns<SessionStatus>(),
  },
} as const;
