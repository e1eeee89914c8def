// `threshold serve`: one database on this machine's disk, served over HTTPS to the team by the same
// server as browser mode (browser/server.ts in its team mode) and the same services. It refuses a
// database that is not set up (whoever reached the page first would otherwise create the organisation).
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { AppHost } from '../app-host';
import { jsonLines } from '../browser/request-log';
import { startBrowserServer, type BrowserServer } from '../browser/server';
import { BrowserSessions } from '../browser/session';
import { openBrowserHost } from '../browser/open-host';
import { serverCertificate, type ServerCertificate } from './certificate';

export interface TeamServerOptions {
  dbPath: string;
  host: string;
  port: number;
  certFile?: string;
  keyFile?: string;
  /** The built renderer. */
  staticDir: string;
  env: NodeJS.ProcessEnv;
  /** Where the JSON lines of the log go (the command: standard output). */
  write: (text: string) => void;
  /** A browser session unused for this long ends (default 60 minutes); the person's own session locks
   *  sooner, after the organisation's idle time. */
  idleMinutes?: number;
}

export interface TeamServer {
  server: BrowserServer;
  host: AppHost;
  certificate: ServerCertificate;
  close(): Promise<void>;
}

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const dbPath = path.resolve(opts.dbPath);
  // Its lock file: `threshold restore` and a second server on the same file are refused while it runs.
  const { host, downloads } = openBrowserHost({ dbPath, env: opts.env, holdAs: 'the team server' });
  try {
    if (host.databaseState() === 'needs-setup')
      throw new AppError('needs-setup', {
        id: 'serve/not-set-up-create',
        params: { dbPath, dbPath2: opts.dbPath },
      });
    const certificate = await serverCertificate({
      dbPath,
      host: opts.host,
      ...(opts.certFile ? { certFile: opts.certFile } : {}),
      ...(opts.keyFile ? { keyFile: opts.keyFile } : {}),
    });
    const sessions = new BrowserSessions({
      secure: true,
      idleMs: (opts.idleMinutes ?? 60) * 60_000,
      // A browser session that ends takes the person's session with it.
      onEnd: (name) => void host.sessions.store.signOut(`browser:${name}`),
    });
    const server = await startBrowserServer({
      dispatch: host.dispatch,
      // What changed (ids, never content), streamed to signed-in browsers at /live.
      live: host.live,
      downloads,
      staticDir: opts.staticDir,
      host: opts.host,
      port: opts.port,
      sessions,
      team: { cert: certificate.cert, key: certificate.key },
      log: jsonLines(opts.write),
      accountOf: (session) => host.sessions.store.get(session)?.accountId ?? null,
      renamed: (from, to) => host.sessions.store.rename(from, to),
    });
    return {
      server,
      host,
      certificate,
      close: async () => {
        await server.close();
        host.close();
      },
    };
  } catch (err) {
    host.close();
    throw err;
  }
}
