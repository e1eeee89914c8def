// Opens the database and the services for one CLI command, through the same dispatcher
// (validation included) that the desktop app and browser mode use.
import path from 'node:path';
import { AppError } from '../shared/errors';
import { closeDatabase, openDatabase } from '../main/db/connection';
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

export function openSession(dbPath: string): CliSession {
  const file = path.resolve(dbPath);
  const db = openDatabase(file, { check: 'quick' });
  const ctx = createContext(db, { dbPath: file, assetsDir: sourceAssetsDir(), mode: 'cli', appVersion: appVersion() });
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
