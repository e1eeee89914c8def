// Opens the database and the services for one CLI command, through the same dispatcher
// (validation included) that the desktop app and browser mode use.
import path from 'node:path';
import { AppError } from '../shared/errors';
import { closeDatabase, openDatabase } from '../main/db/connection';
import { resolveCliKey } from '../main/db/keys';
import { createContext, type ServiceContext } from '../main/context';
import { createDispatcher, type Dispatch } from '../main/ipc/dispatcher';
import { createHandlers } from '../main/services';
import { appVersion, sourceAssetsDir } from '../main/paths';

export interface CliSession {
  ctx: ServiceContext;
  dispatch: Dispatch;
  /** Calls a channel; throws the AppError it returns. */
  call<T>(channel: string, payload?: unknown): Promise<T>;
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
  return {
    ctx,
    dispatch,
    async call<T>(channel: string, payload: unknown = {}) {
      const result = await dispatch(channel, payload);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.problems);
      return result.value as T;
    },
    close: () => closeDatabase(db),
  };
}
