// Another process on the same database file, for the contention tests: one that holds the write lock for a
// while (hold-write-lock.ts), or the real command line (bin/threshold.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DbKey } from '../../../src/main/db/encryption';
import { REPO_ROOT } from '../../helpers/db';

export interface OtherProgram {
  child: ChildProcess;
  /** Resolves when the program printed this line. */
  said(line: string): Promise<void>;
  exited: Promise<{ code: number | null; out: string; err: string }>;
}

function watch(child: ChildProcess): OtherProgram {
  let out = '';
  let err = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    for (const w of waiters.filter((w) => out.split('\n').includes(w.line))) w.resolve();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
  return {
    child,
    exited,
    said: (line) =>
      new Promise<void>((resolve, reject) => {
        if (out.split('\n').includes(line)) return resolve();
        waiters.push({ line, resolve });
        void exited.then(({ code }) => reject(new Error(`exited (${code}) before "${line}": ${err}`)));
      }),
  };
}

/** Takes the database's write lock in another process and holds it for `ms`. */
export function holdWriteLock(file: string, key: DbKey, ms: number): OtherProgram {
  if (key.kind !== 'raw') throw new Error('a raw key is needed');
  return watch(
    spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'hold-write-lock.ts'), file, key.hex, String(ms)],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
}

/** The real command line, in a process of its own. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): OtherProgram {
  return watch(
    spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'threshold.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}
