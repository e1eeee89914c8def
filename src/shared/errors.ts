// Errors that cross the IPC boundary as data. The renderer never sees a stack trace.

export const ERROR_CODES = [
  'invalid-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'conflict',
  'busy',
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
  /** In English, for logs, the command line and anything that cannot translate. */
  message: string;
  /** The path into the request or document, for a form to show the problem beside its field. */
  path?: (string | number)[];
  /** What is wrong, as an id the interface translates ("required", "too_big", "date" …). */
  code?: string;
  /** The values the translated message needs ("maximum", "values" …). */
  params?: Record<string, string | number>;
}

/**
 * A stale write, refused: who changed the record since the person opened it, and both versions, so that
 * the person can see what differs and choose (keep theirs, or apply theirs on top and save again).
 */
export interface ConflictDetails {
  /** What kind of record: 'threat', 'partner', 'outcome', 'plan', 'draft', 'policy'. */
  kind: string;
  id: string;
  /** The account that made the version now stored (from its version metadata); null when unknown. */
  changedBy: string | null;
  changedAt: string | null;
  /** The version now stored, and the record as it is. */
  theirs: { version: number; record: unknown };
  /** The version the person started from, and what they tried to save. */
  yours: { version: number; record: unknown };
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  problems?: ProblemLocation[];
  conflict?: ConflictDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: ProblemLocation[] | undefined;
  readonly conflict: ConflictDetails | undefined;

  constructor(code: ErrorCode, message: string, problems?: ProblemLocation[], conflict?: ConflictDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
    this.conflict = conflict;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.problems ? { problems: this.problems } : {}),
      ...(this.conflict ? { conflict: this.conflict } : {}),
    };
  }
}

/** "Dana Roy changed this threat while you were editing": a stale write refused, nothing saved. */
export function staleWrite(details: ConflictDetails, noun = details.kind): AppError {
  const who = details.changedBy ?? 'Someone';
  return new AppError(
    'conflict',
    `${who} changed this ${noun} while you were editing (it is now at version ${details.theirs.version}; ` +
      `you started from version ${details.yours.version}). Nothing was saved: compare the two versions ` +
      'and choose.',
    undefined,
    details,
  );
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
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.problems, r.error.conflict);
  return r.value;
}
