// Real SQLite files in temporary folders, with the services built over them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import type { ServiceContext } from '../../src/main/context';
import { createDispatcher, type Dispatch, type Handlers } from '../../src/main/ipc/dispatcher';
import { createContext, createHandlers, type HostPorts } from '../../src/main/services';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const ASSETS_DIR = path.join(REPO_ROOT, 'assets');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A temporary folder, removed after the current test (or kept, for suites that span tests). */
export function tempDir(prefix = 'threshold-test-', opts: { keep?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!opts.keep) cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestApp {
  dir: string;
  file: string;
  db: Db;
  ctx: ServiceContext;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Calls a channel through the dispatcher and returns the value, or throws the error envelope. */
  call<T = unknown>(channel: string, payload?: unknown): Promise<T>;
  close(): void;
}

/** Services over a temporary database. Closed after the current test unless `keep` is set
 *  (then the caller closes it, e.g. in afterAll). */
export function openTestApp(
  opts: {
    file?: string;
    clock?: () => Date;
    keep?: boolean;
    ports?: HostPorts;
    mode?: ServiceContext['mode'];
  } = {},
): TestApp {
  const dir = opts.file ? path.dirname(opts.file) : tempDir('threshold-test-', { keep: opts.keep });
  const file = opts.file ?? path.join(dir, 'threshold.db');
  const db = openDatabase(file);
  const ctx = createContext(db, {
    dbPath: file,
    assetsDir: ASSETS_DIR,
    mode: opts.mode ?? 'cli',
    appVersion: 'test',
    clock: opts.clock,
  });
  const handlers = createHandlers(ctx, opts.ports);
  const dispatch = createDispatcher(handlers, (err, channel) => {
    if (process.env.E2E_DEBUG) console.error('DISPATCH', channel, err);
  });
  let closed = false;
  const close = () => {
    if (!closed) closeDatabase(db);
    closed = true;
    if (opts.keep && !opts.file) fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!opts.keep) cleanups.unshift(close);
  return {
    dir,
    file,
    db,
    ctx,
    handlers,
    dispatch,
    async call<T>(channel: string, payload: unknown = {}) {
      const result = await dispatch(channel, payload);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { envelope: result.error });
      return result.value as T;
    },
    close,
  };
}

/** A stepping clock, so that timestamps are distinct and predictable. */
export function steppingClock(start = '2027-05-01T12:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += stepMs));
}
