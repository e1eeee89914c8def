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
  'locked',
  'unsupported',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One located problem, e.g. in an imported file: `$.threats[3].purpose` or `line 12, column 4`. */
export interface ProblemLocation {
  where: string;
  /** In English, for logs, the command line and anything that cannot translate. */
  message: string;
  /** The path into the request or document, for a form to show the problem beside its field. */
  path?: (string | number)[];
  /** What is wrong, as an id the interface translates ("required", "too_big", "date" …). */
  code?: string;
  /** The values the translated message needs ("maximum", "values" …). */
  params?: Record<string, string | number>;
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
