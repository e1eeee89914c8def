// The CLI's streams and exit codes, injectable so that tests run commands in-process.
import { confirmSync, promptSecretSync } from '../main/terminal/prompt';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks for a secret (the database key) without echo; null when no one can answer (not a TTY). */
  promptSecret?(question: string): string | null;
  /** Asks a yes/no question; null when no one can answer (not a TTY). */
  confirm?(question: string): boolean | null;
}

export const EXIT = { ok: 0, error: 1, usage: 2, checksFailed: 3 } as const;

export class UsageError extends Error {}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  promptSecret: promptSecretSync,
  confirm: confirmSync,
};
