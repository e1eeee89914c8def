// Errors that cross the IPC boundary as data. The renderer never sees a stack trace.

export const ERROR_CODES = [
  'invalid-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'conflict',
  'import-invalid',
  'policy-invalid',
  'not-a-database',
  'newer-database',
  'corrupt-database',
  'key-required',
  'wrong-key',
  'weak-passphrase',
  'locked',
  'needs-setup',
  'not-signed-in',
  'session-locked',
  'sign-in-refused',
  'try-later',
  'key-not-needed',
  'unsupported',
  /** A team server that did not answer. */
  'unavailable',
  /** A team server presenting another certificate than the one pinned at the first connection. */
  'certificate-changed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One located problem, e.g. in an imported file: `$.threats[3].purpose` or `line 12, column 4`. */
export interface ProblemLocation {
  where: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  problems?: ProblemLocation[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: ProblemLocation[] | undefined;

  constructor(code: ErrorCode, message: string, problems?: ProblemLocation[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }

  toShape(): AppErrorShape {
    return this.problems
      ? { code: this.code, message: this.message, problems: this.problems }
      : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function isAppErrorShape(x: unknown): x is AppErrorShape {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as AppErrorShape).code === 'string' &&
    typeof (x as AppErrorShape).message === 'string'
  );
}

/** The first five problems, `where: message; …`, and how many more there are. */
export function listProblems(problems: readonly ProblemLocation[], total = problems.length): string {
  const shown = problems
    .slice(0, 5)
    .map((p) => `${p.where}: ${p.message}`)
    .join('; ');
  return `${shown}${total > 5 ? ` (and ${total - 5} more)` : ''}`;
}

/** Why a file cannot be imported, as one sentence for the person importing it. */
export function importRefusal(fileName: string, problems: readonly ProblemLocation[], total: number): string {
  return `${fileName} cannot be imported: ${listProblems(problems, total)}. Nothing was imported.`;
}

/** The value of a result envelope, or its error thrown as an AppError (for callers in main and the CLI). */
export async function unwrap<T>(result: Promise<Result<T>> | Result<T>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.problems);
  return r.value;
}
