// Real SQLite files in temporary folders, with the services built over them by the same host every entry
// point uses (AppHost): set up with an organisation and its first administrator, who is signed in, so that
// `app.call(channel)` acts as them. `app.person(name, roles)` adds someone else and acts as them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { AppHost, type AppHostOptions } from '../../src/main/app-host';
import type { ServiceContext } from '../../src/main/context';
import type { Db } from '../../src/main/db/connection';
import type { DbKey } from '../../src/main/db/encryption';
import type { Caller, Dispatch } from '../../src/main/ipc/dispatcher';
import type { OpenFilePort } from '../../src/main/files/open-port';
import type { SaveFilePort } from '../../src/main/files/save-port';
import { ROLES, type AccountView, type Role } from '../../src/shared/domain/accounts';
import { EMPTY_ORGANISATION_PROFILE } from '../../src/shared/domain/organisation';
import type { Result } from '../../src/shared/errors';
import { ADMIN, ORGANISATION, type Person } from './people';

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

/** Someone signed in on the test app, in a session of their own. */
export interface Acting {
  name: string;
  passphrase: string;
  caller: Caller;
  /** Calls a channel as this person and returns the value, or throws the error envelope. */
  call<T = unknown>(channel: string, payload?: unknown): Promise<T>;
  /** The raw result envelope of a call as this person. */
  dispatch(channel: string, payload?: unknown): Promise<Result<unknown>>;
}

export interface TestApp extends Acting {
  dir: string;
  file: string;
  host: AppHost;
  db: Db;
  ctx: ServiceContext;
  /** The database's key (every test database is encrypted, as every real one is). */
  key: DbKey;
  /** Calls as the administrator (the raw envelope), as every entry point does: with a session. */
  dispatch: Dispatch & Acting['dispatch'];
  /** Adds an account (as the administrator) and signs that person in, in a session of their own. */
  person(name: string, roles: Role[], passphrase?: string): Promise<Acting & { account: AccountView }>;
  /** Signs an existing person in, in a session of their own. */
  signIn(person: Person): Promise<Acting>;
  /** The same app, acting as a new person with these roles (`call` and `dispatch` are theirs). */
  as(name: string, roles: Role[]): Promise<TestApp & { account: AccountView }>;
  close(): void;
}

export interface TestAppOptions {
  /** The database file: created (set up) if missing, encrypted first if it is an earlier version's plain
   *  file, opened with the administrator's passphrase if it is already set up. */
  file?: string;
  clock?: () => Date;
  /** Kept open after the current test (the caller closes it). */
  keep?: boolean;
  saveFile?: SaveFilePort;
  /** Where files the user chooses are opened (the desktop app's dialog). */
  openFile?: OpenFilePort;
  /** The mode the services run in (default 'cli'; the e2e harness says which shell it stands for). */
  mode?: ServiceContext['mode'];
  /** Load the sample workspace at setup. */
  sample?: boolean;
  /** false: leave a new database as a first run finds it (needing setup), with nobody signed in. */
  setUp?: boolean;
  /** The desktop app's team servers (File → Connect to a team server…). */
  teamServers?: AppHostOptions['teamServers'];
  /** Hold the database as a running app or server does (its lock file), under this program's name. */
  holdAs?: string;
}

let sessions = 0;

function actingAs(host: AppHost, person: Person): Acting {
  const caller: Caller = { session: `test-${++sessions}-${person.name}` };
  const dispatch = (channel: string, payload: unknown = {}) => host.dispatch(channel, payload, caller);
  return {
    ...person,
    caller,
    dispatch,
    async call<T>(channel: string, payload: unknown = {}) {
      const result = await dispatch(channel, payload);
      if (!result.ok)
        throw Object.assign(new Error(`${channel}: ${result.error.code}: ${result.error.message}`), {
          envelope: result.error,
        });
      return result.value as T;
    },
  };
}

/** Services over a temporary database, set up and signed in as the administrator. Closed after the current
 *  test unless `keep` is set (then the caller closes it, e.g. in afterAll). */
export async function openTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = opts.file ? path.dirname(opts.file) : tempDir('threshold-test-', { keep: opts.keep });
  const file = opts.file ?? path.join(dir, 'threshold.db');
  const host = AppHost.open({
    dbPath: file,
    mode: opts.mode ?? 'cli',
    ...(opts.holdAs ? { holdAs: opts.holdAs } : {}),
    assetsDir: ASSETS_DIR,
    appVersion: 'test',
    autoBackup: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.saveFile ? { saveFile: opts.saveFile } : {}),
    ...(opts.openFile ? { openFile: opts.openFile } : {}),
    ...(opts.teamServers ? { teamServers: opts.teamServers } : {}),
    onInternalError: (err, channel) => {
      if (process.env.E2E_DEBUG) console.error('DISPATCH', channel, err);
    },
  });
  const admin = actingAs(host, ADMIN);
  if (opts.setUp === false) {
    // A first run: setup is left to the test (e.g. through the interface).
  } else if (host.databaseState() === 'needs-setup') {
    const r = await admin.dispatch('setup:run', {
      organisation: { name: ORGANISATION },
      administrator: { name: ADMIN.name, passphrase: ADMIN.passphrase },
      sample: opts.sample ?? false,
    });
    if (!r.ok) throw new Error(`setup failed: ${r.error.message}`);
  } else {
    await admin.call('session:signIn', { name: ADMIN.name, passphrase: ADMIN.passphrase });
  }
  let closed = false;
  const close = () => {
    if (!closed) host.close();
    closed = true;
    if (opts.keep && !opts.file) fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!opts.keep) cleanups.unshift(close);
  const app: TestApp = {
    ...admin,
    // Exactly what it is given (an absent payload stays absent: the fuzz test sends one).
    dispatch: ((channel: unknown, payload: unknown, caller?: Caller) =>
      host.dispatch(channel, payload, caller ?? admin.caller)) as TestApp['dispatch'],
    dir,
    file,
    host,
    get db() {
      return host.db;
    },
    get ctx() {
      return host.ctx;
    },
    get key() {
      return host.key!;
    },
    async person(
      name,
      roles,
      passphrase = `${name.toLowerCase().replace(/\W+/g, '-')}-quartz-meadow-lantern-91`,
    ) {
      const account = await admin.call<AccountView>('accounts:create', { name, roles, passphrase });
      const acting = actingAs(host, { name, passphrase });
      await acting.call('session:signIn', { name, passphrase });
      return { ...acting, account };
    },
    async as(name, roles) {
      const person = await app.person(name, roles);
      const view = Object.create(app) as TestApp & { account: AccountView };
      return Object.assign(view, {
        name: person.name,
        passphrase: person.passphrase,
        caller: person.caller,
        call: person.call,
        dispatch: ((channel: unknown, payload: unknown) =>
          host.dispatch(channel, payload, person.caller)) as TestApp['dispatch'],
        account: person.account,
      });
    },
    async signIn(person) {
      const acting = actingAs(host, person);
      await acting.call('session:signIn', { name: person.name, passphrase: person.passphrase });
      return acting;
    },
    close,
  };
  return app;
}

/** The organisation profile setup gives a test database: its name, nothing else yet. */
export const SETUP_PROFILE = { ...EMPTY_ORGANISATION_PROFILE, name: ORGANISATION };

/** Every role: what the first administrator holds. */
export const ALL_ROLES: Role[] = [...ROLES];

/** A stepping clock, so that timestamps are distinct and predictable. */
export function steppingClock(start = '2027-05-01T12:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += stepMs));
}

export { ADMIN, ORGANISATION };
