// Opens the database and the services for one CLI command, and the same typed API the renderer uses
// (createApi), over the same dispatcher (validation included) as the desktop app and browser mode.
import path from 'node:path';
import { createApi, type ThresholdApi } from '../shared/ipc/contract';
import { closeDatabase, openDatabase } from '../main/db/connection';
import { resolveCliKey } from '../main/db/keys';
import type { ServiceContext } from '../main/context';
import { createDispatcher } from '../main/ipc/dispatcher';
import { createContext, createHandlers } from '../main/services';
import { appVersion, sourceAssetsDir } from '../main/paths';

export { unwrap } from '../shared/errors';

export interface CliSession {
  ctx: ServiceContext;
  /** One function per channel, as window.threshold has them; unwrap() the results. */
  api: ThresholdApi;
  close(): void;
}

export interface SessionOptions {
  env?: NodeJS.ProcessEnv;
  /** Asks for the key when the database is encrypted and THRESHOLD_DB_KEY is not set. */
  promptSecret?: (question: string) => string | null;
}

export function openSession(dbPath: string, opts: SessionOptions = {}): CliSession {
  const file = path.resolve(dbPath);
  const { key } = resolveCliKey({
    dbPath: file,
    env: opts.env ?? {},
    ...(opts.promptSecret ? { prompt: opts.promptSecret } : {}),
  });
  const db = openDatabase(file, { check: 'full', key });
  const ctx = createContext(db, {
    dbPath: file,
    assetsDir: sourceAssetsDir(),
    mode: 'cli',
    appVersion: appVersion(),
  });
  const dispatch = createDispatcher(createHandlers(ctx));
  return { ctx, api: createApi(dispatch), close: () => closeDatabase(db) };
}
