// SQLite's "database is busy": another process (the CLI importing, a backup) held the write lock for
// longer than the busy timeout every connection waits (db/connection.ts). It reaches a person as what it
// is, with what to do, never as "Something went wrong".
import { AppError } from '../../shared/errors';

/** How long every connection waits for another process's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/** Whether an error is SQLite's busy or locked (better-sqlite3's SqliteError carries the code). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The AppError a busy database becomes. */
export function busyError(): AppError {
  return new AppError('busy', { id: 'concurrency/database-busy' });
}
