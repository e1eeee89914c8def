// `npm run start:browser [-- --demo] [-- --no-open] [-- --port N] [-- --db FILE]`
// Serves the built renderer and the services on 127.0.0.1 and prints the address to open.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import type { AppInfo } from '../../shared/domain/app';
import type { ImportReport } from '../../shared/domain/transfer';
import { AppHost } from '../app-host';
import { resolveCliKey } from '../db/keys';
import { appVersion, defaultDbPath, sourceAssetsDir } from '../paths';
import { promptSecretSync } from '../terminal/prompt';
import { DownloadShelf } from './downloads';
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
// The key of an encrypted database: THRESHOLD_DB_KEY, else asked on the terminal.
// What the page saves from main (a Word document) is offered to it as a download.
const downloads = new DownloadShelf();
let host: AppHost;
try {
  const { key, source } = resolveCliKey({ dbPath, env: process.env, prompt: promptSecretSync });
  host = AppHost.open({
    dbPath,
    mode: 'browser',
    assetsDir: sourceAssetsDir(),
    appVersion: appVersion(),
    key,
    keySource: source,
    saveFile: downloads,
  });
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exit(1);
}
if (host.startBackup)
  console.log(
    `Backed up the database on start: ${path.join(path.dirname(dbPath), 'backups', host.startBackup)}`,
  );
/** Calls a channel as the page would; exits with the message when it fails. */
async function call<T>(channel: string, payload: unknown = {}): Promise<T> {
  const result = await host.dispatch(channel, payload);
  if (!result.ok) {
    console.error(result.error.message);
    process.exit(1);
  }
  return result.value as T;
}
if (values.demo && (await call<AppInfo>('app:info')).threats === 0) {
  const report = await call<ImportReport>('workspace:loadSample');
  console.log(`Loaded the sample workspace: ${report.threats.created} threats.`);
}
const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');
const server = await startBrowserServer({
  dispatch: host.dispatch,
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
