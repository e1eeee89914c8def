// The CLI's streams and exit codes, injectable so that tests run commands in-process.
import { confirmSync, promptSecretSync } from '../main/terminal/prompt';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks for a secret (a passphrase) without echo; null when no one can answer (not a TTY). */
  promptSecret?(question: string): string | null;
  /** Asks a yes/no question; null when no one can answer (not a TTY). */
  confirm?(question: string): boolean | null;
}

/** 4: refused because of who is acting (a wrong passphrase, a role that does not allow it, the four-eyes
 *  rule), with the reason on standard error. */
export const EXIT = { ok: 0, error: 1, usage: 2, checksFailed: 3, refused: 4 } as const;

/** The error codes that mean "refused for who you are or what you may do". */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'forbidden',
  'sign-in-refused',
  'try-later',
  'not-signed-in',
  'session-locked',
  'weak-passphrase',
  // Another program holds the database (a running app or server, for a restore).
  'locked',
]);

export class UsageError extends Error {}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  promptSecret: promptSecretSync,
  confirm: confirmSync,
};
