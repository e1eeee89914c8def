// Errors that cross the IPC boundary as data. The renderer never sees a stack trace.
// Each carries a message id with its parameters (the catalog src/shared/i18n/{en,fr}/errors.json), so that
// the interface and the CLI say it in the person's language; `message` is the English, for logs.
// The English catalog is read here as data (no i18next: this module is below everything that translates).
import errorsEn from './i18n/en/errors.json';

/** A key without its plural suffix: "x_one" and "x_other" are the sentence "x", told its `count`. */
type WithoutPlural<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : K;

/** Every sentence an AppError can say: the ids of the English catalog (./i18n/en/errors.json). */
export type ErrorMessageId = WithoutPlural<keyof typeof errorsEn>;
export type ErrorParams = Record<string, string | number>;

const ENGLISH: Record<string, string> = errorsEn;

/** The sentence in English, for an AppError's message (as i18next renders the catalog: plurals by count). */
export function englishErrorText(id: string, params: ErrorParams = {}): string {
  const count = params.count;
  const form = typeof count === 'number' ? ENGLISH[`${id}_${count === 1 ? 'one' : 'other'}`] : undefined;
  const text = form ?? ENGLISH[id] ?? id;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

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

/** What an error says, as an id of the errors catalog and the values its sentence needs. */
export interface ErrorText {
  id: ErrorMessageId;
  params?: ErrorParams;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** In English, for logs and anything that cannot translate. */
  message: string;
  /** The id of the sentence in the errors catalog, and its parameters: what the interface translates. */
  messageId: string;
  params?: ErrorParams;
  problems?: ProblemLocation[];
  conflict?: ConflictDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: ProblemLocation[] | undefined;
  readonly conflict: ConflictDetails | undefined;
  readonly messageId: string;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, text: ErrorText, problems?: ProblemLocation[], conflict?: ConflictDetails) {
    super(englishErrorText(text.id, text.params));
    this.name = 'AppError';
    this.code = code;
    this.messageId = text.id;
    this.params = text.params;
    this.problems = problems;
    this.conflict = conflict;
  }

  /** An error that came back as data (from the services, or a team server), thrown again as it was. */
  static fromShape(shape: AppErrorShape): AppError {
    const err = new AppError(shape.code, { id: `code/${shape.code}` }, shape.problems, shape.conflict);
    err.message = shape.message;
    return Object.assign(err, { messageId: shape.messageId ?? `code/${shape.code}`, params: shape.params });
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      messageId: this.messageId,
      ...(this.params ? { params: this.params } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
      ...(this.conflict ? { conflict: this.conflict } : {}),
    };
  }
}

/** "Dana Roy changed this threat while you were editing": a stale write refused, nothing saved. */
export function staleWrite(details: ConflictDetails, noun = details.kind): AppError {
  const versions = { noun, version: details.theirs.version, started: details.yours.version };
  return new AppError(
    'conflict',
    details.changedBy
      ? { id: 'records/changed-while-editing', params: { who: details.changedBy, ...versions } }
      : { id: 'records/changed-while-editing-by-someone', params: versions },
    undefined,
    details,
  );
}

/** An error as data, for code that answers without throwing (the IPC and HTTP layers). */
export function errorShape(code: ErrorCode, text: ErrorText): AppErrorShape {
  return new AppError(code, text).toShape();
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

/** The first five items, `a; b; …`, and how many more there are (in English: the details of a log line). */
export function listed(items: readonly string[]): string {
  return `${items.slice(0, 5).join('; ')}${items.length > 5 ? ` (and ${items.length - 5} more)` : ''}`;
}

/** Why a file cannot be imported, as one sentence for the person importing it (the problems follow it). */
export function importRefusal(
  fileName: string,
  problems: readonly ProblemLocation[],
  total: number,
): ErrorText {
  return {
    id: 'transfer/cannot-import',
    params: { fileName, problems: listProblems(problems, total) },
  };
}

/** The value of a result envelope, or its error thrown as an AppError (for callers in main and the CLI). */
export async function unwrap<T>(result: Promise<Result<T>> | Result<T>): Promise<T> {
  const r = await result;
  if (!r.ok) throw AppError.fromShape(r.error);
  return r.value;
}
