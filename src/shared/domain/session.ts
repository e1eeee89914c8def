// A session as the contract carries it: where the session of a window, a browser or a command is, and
// what setup answers. Sessions live in main (src/main/sessions); the host, never the payload, says whose
// session a call belongs to.
import { z } from 'zod';
import type { AccountView } from './accounts';
import type { Action } from './permissions';

/**
 * Where the session of this window (desktop), browser (browser mode) or command (CLI) is:
 * - `needs-setup`: no organisation or administrator yet; only setup works;
 * - `signed-out`: nobody is signed in here; sign in;
 * - `locked`: the person was idle (or locked it); their passphrase unlocks it, or someone else signs in;
 * - `signed-in`: the account acts; every call is checked against its roles.
 */
export const SESSION_STATES = ['needs-setup', 'signed-out', 'locked', 'signed-in'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface SessionStatus {
  state: SessionState;
  /** The signed-in (or locked) person; null otherwise. */
  account: AccountView | null;
  /** Minutes without a call before the session locks itself. */
  idleMinutes: number;
  /** When the session will lock if nothing happens (ISO), while signed in. */
  locksAt: string | null;
  /** What the signed-in person may do (from their roles; the services check it on every call). */
  allowed: Action[];
  /** The organisation's name, to greet people on the sign-in screen (null before setup). */
  organisation: { en: string; fr: string } | null;
  /** A database encrypted at setup from an earlier, unencrypted version left a plain copy: its file
   *  name, until an administrator confirms it may be destroyed (setup:discardPlainBackup). */
  plainBackup: string | null;
}

export const DEFAULT_IDLE_MINUTES = 15;
export const MAX_IDLE_MINUTES = 480;
export const IdleMinutesSchema = z.number().int().min(1).max(MAX_IDLE_MINUTES);

export interface SetupReport {
  /** The recovery key: shown once, never stored. It opens the database if every passphrase is lost. */
  recoveryKey: string;
  administrator: AccountView;
  /** Set when an unencrypted database from an earlier version was encrypted: the plain copy kept. */
  plainBackup: string | null;
  sampleLoaded: boolean;
  status: SessionStatus;
}
