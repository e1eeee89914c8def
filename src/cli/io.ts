// The CLI's streams and exit codes, injectable so that tests run commands in-process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const EXIT = { ok: 0, error: 1, usage: 2, checksFailed: 3 } as const;

export class UsageError extends Error {}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  cwd: process.cwd(),
};
