// Who holds a database: the desktop app, browser mode or the team server writes a lock file beside the
// database while it has it open (`threshold.db.lock`: pid, host, program, since), so that another program
// that would replace the file (`threshold restore`) or serve it a second time is refused with a message
// naming the holder. A lock left by a process that died (same host, no such pid) is stale and taken over.
// The CLI's ordinary commands do not take it: they share the file through SQLite's own locking and the
// busy timeout.
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../shared/errors';

export interface LockHolder {
  pid: number;
  host: string;
  program: string;
  since: string;
}

export interface DatabaseLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

export const lockFileOf = (dbPath: string): string => `${dbPath}.lock`;

/** Whether a process with this pid runs on this machine (EPERM: it runs, as someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      program: typeof parsed.program === 'string' ? parsed.program : 'Threshold',
      since: typeof parsed.since === 'string' ? parsed.since : '',
    };
  } catch {
    return null;
  }
}

/** The live holder of a database's lock, if any; a stale lock (a dead process on this host, or an
 *  unreadable file) is removed and counts as none. A lock from another host is believed: its process
 *  cannot be checked from here. */
export function currentHolder(dbPath: string): LockHolder | null {
  const file = lockFileOf(dbPath);
  if (!fs.existsSync(file)) return null;
  const holder = readHolder(file);
  if (holder && (holder.host !== os.hostname() || alive(holder.pid))) return holder;
  fs.rmSync(file, { force: true });
  return null;
}

/** "the team server (process 4242 on ops-1, since 2026-12-01T18:00:00.000Z)" */
export function describeHolder(holder: LockHolder): string {
  return `${holder.program} (process ${holder.pid} on ${holder.host}${holder.since ? `, since ${holder.since}` : ''})`;
}

function heldError(dbPath: string, holder: LockHolder, what: string): AppError {
  return new AppError('locked', {
    id: 'concurrency/open-so-close-that',
    params: { dbPath, describeHolder: describeHolder(holder), what, lockFileOf: lockFileOf(dbPath) },
  });
}

/** Takes the lock for `program`, or refuses naming whoever holds it. */
export function acquireDatabaseLock(dbPath: string, program: string, now = new Date()): DatabaseLock {
  const file = lockFileOf(dbPath);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), program, since: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx': created only if absent, so that two programs starting at once cannot both take it.
      fs.writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        file,
        holder,
        release() {
          if (released) return;
          released = true;
          // Only our own lock: never one another program took after ours was judged stale.
          const still = readHolder(file);
          if (still && still.pid === holder.pid && still.host === holder.host)
            fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = currentHolder(dbPath);
      if (other) throw heldError(dbPath, other, 'it cannot be opened here as well');
    }
  }
  throw new AppError('locked', { id: 'concurrency/could-not-take-lock', params: { file } });
}

/** Refuses when a running program holds the database (what `threshold restore` checks first). */
export function assertNotHeld(dbPath: string, what: string): void {
  const holder = currentHolder(dbPath);
  if (holder) throw heldError(dbPath, holder, what);
}
