// `npm run start:browser [-- --demo] [-- --no-open] [-- --port N] [-- --db FILE]`
// Serves the built renderer and the services on 127.0.0.1 and prints the address to open.
// `--demo` on a database that is not set up yet sets up a demo organisation with the sample workspace and
// two demo accounts, each printed on a line of its own: `demo account: NAME PASSPHRASE`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { defaultDbPath } from '../paths';
import { setUpDemo } from '../setup/demo';
import { openBrowserHost } from './open-host';
import { startBrowserServer } from './server';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean' },
    'no-open': { type: 'boolean' },
    port: { type: 'string' },
    db: { type: 'string' },
  },
  allowPositionals: false,
  strict: true,
});

const dbPath = path.resolve(values.db ?? defaultDbPath());
let opened: ReturnType<typeof openBrowserHost>;
try {
  opened = openBrowserHost({ dbPath, env: process.env, holdAs: 'browser mode' });
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exit(1);
}
const { host, downloads } = opened;
if (host.startBackup)
  console.log(
    `Backed up the database on start: ${path.join(path.dirname(dbPath), 'backups', host.startBackup)}`,
  );
if (values.demo) {
  if (host.databaseState() === 'needs-setup') {
    try {
      const demo = await setUpDemo(host.dispatch);
      console.log(`Set up a demo organisation (${demo.organisation}) with the sample workspace.`);
      console.log(
        `Recovery key (shown once; it opens the database if every passphrase is lost): ${demo.recoveryKey}`,
      );
      for (const account of demo.accounts) console.log(`demo account: ${account.name} ${account.passphrase}`);
    } catch (err) {
      console.error(err instanceof AppError ? err.message : err);
      process.exit(1);
    }
  } else {
    console.log(
      'The database is already set up: sign in with an account of it (demo accounts are printed only when --demo sets one up).',
    );
  }
}
const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');
const server = await startBrowserServer({
  dispatch: host.dispatch,
  live: host.live,
  downloads,
  staticDir,
  port: values.port ? Number(values.port) : 0,
});

console.log(`Threshold (browser mode) is using ${dbPath}`);
console.log('Open this file in your browser: it signs the browser in to this run, once.');
console.log(server.url);
console.log(`(Or open ${server.origin}/ and give the sign-in code ${server.token} — it works once.)`);

if (!values['no-open']) {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [server.url], { stdio: 'ignore', detached: true })
    // No browser opener on this machine: the address printed above is enough.
    .on('error', () => console.log('(Could not open a browser; open the address above.)'))
    .unref();
}

const stop = async () => {
  await server.close();
  host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
