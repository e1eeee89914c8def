// Opens the database and the services for one CLI command, signs the person in (--user NAME or
// THRESHOLD_USER, with THRESHOLD_PASSPHRASE or a prompt), and gives the same typed API the renderer uses
// (createApi), over the same dispatcher (validation, sessions and permissions included) as the desktop
// app and browser mode. The command acts as that account, and only as it.
import path from 'node:path';
import { AppError, unwrap } from '../shared/errors';
import { createApi, type ThresholdApi } from '../shared/ipc/contract';
import type { Action } from '../shared/domain/permissions';
import { AppHost } from '../main/app-host';
import type { ServiceContext } from '../main/context';
import { resolveCliKey } from '../main/db/keys';
import type { Caller } from '../main/ipc/dispatcher';
import { appVersion, sourceAssetsDir } from '../main/paths';
import type { Acting } from '../main/scope';
import { UsageError } from './io';

export { unwrap } from '../shared/errors';

/** The one session of a CLI run. */
export const CLI_CALLER: Caller = { session: 'cli' };

export const USER_ENV = 'THRESHOLD_USER';
export const PASSPHRASE_ENV = 'THRESHOLD_PASSPHRASE';

export interface CliSession {
  host: AppHost;
  ctx: ServiceContext;
  /** One function per channel, as window.threshold has them; unwrap() the results. */
  api: ThresholdApi;
  /** Who the command acts as. */
  acting: Acting;
  /** Runs work that is not a channel as the signed-in account, if its roles allow `action`. */
  as<T>(action: Action, fn: () => T): T;
  close(): void;
}

export interface SessionOptions {
  env?: NodeJS.ProcessEnv;
  /** --user NAME (else THRESHOLD_USER). */
  user?: string | undefined;
  /** Asks for a secret without echo (the passphrase), on a terminal. */
  promptSecret?: (question: string) => string | null;
}

/** The options every entry point's host takes from the environment (THRESHOLD_DB_KEY, if set). */
export function cliHostOptions(dbPath: string, env: NodeJS.ProcessEnv) {
  const { key, source } = resolveCliKey({ env });
  return {
    dbPath: path.resolve(dbPath),
    mode: 'cli' as const,
    assetsDir: sourceAssetsDir(),
    appVersion: appVersion(),
    key,
    keySource: source,
    autoBackup: false,
  };
}

/** The passphrase of `name`: THRESHOLD_PASSPHRASE, else asked on the terminal. */
export function passphraseFor(
  name: string,
  env: NodeJS.ProcessEnv,
  promptSecret?: (question: string) => string | null,
  variable = PASSPHRASE_ENV,
): string {
  const given = env[variable] ?? promptSecret?.(`Passphrase for ${name}: `) ?? null;
  if (!given)
    throw new AppError('not-signed-in', { id: 'cli/no-passphrase-for-set', params: { name, variable } });
  return given;
}

export async function openSession(dbPath: string, opts: SessionOptions = {}): Promise<CliSession> {
  const env = opts.env ?? {};
  const host = AppHost.open(cliHostOptions(dbPath, env));
  try {
    if (host.databaseState() === 'needs-setup')
      throw new AppError('needs-setup', { id: 'cli/not-set-up-yet', params: { file: path.resolve(dbPath) } });
    const name = opts.user ?? env[USER_ENV];
    if (!name?.trim())
      throw new UsageError(`say who you are: --user NAME (or set ${USER_ENV}), with ${PASSPHRASE_ENV}`);
    const passphrase = passphraseFor(name, env, opts.promptSecret);
    await unwrap(host.dispatch('session:signIn', { name, passphrase }, CLI_CALLER));
    const acting = host.actingOf(CLI_CALLER.session);
    if (!acting) throw new AppError('not-signed-in', { id: 'cli/sign-did-not-hold' });
    return {
      host,
      ctx: host.ctx,
      api: createApi((channel, request) => host.dispatch(channel, request, CLI_CALLER)),
      acting,
      as: (action, fn) => host.actAs(CLI_CALLER.session, action, fn),
      close: () => host.close(),
    };
  } catch (err) {
    host.close();
    throw err;
  }
}
