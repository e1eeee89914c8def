// Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their first write.
// In WAL mode a deferred transaction that has read, and then finds another program (the CLI importing)
// holding the write lock, gets SQLITE_BUSY at once when that program commits: its snapshot is stale, and
// the busy timeout cannot help. Begun IMMEDIATE, it waits its turn (the busy timeout) and then reads the
// latest data. A transaction called inside another is a savepoint, as before.
import type Database from 'better-sqlite3-multiple-ciphers';

type Transaction = ReturnType<Database.Database['transaction']>;

export function beginTransactionsImmediately(db: Database.Database): void {
  const deferred = db.transaction.bind(db);
  const transaction = ((fn: (...args: never[]) => unknown) => {
    const t = deferred(fn);
    const run = (...args: never[]) => t.immediate(...args);
    return Object.assign(run, {
      default: t.immediate,
      deferred: t.deferred,
      immediate: t.immediate,
      exclusive: t.exclusive,
    }) as Transaction;
  }) as Database.Database['transaction'];
  Object.defineProperty(db, 'transaction', { value: transaction, configurable: true, writable: true });
}
