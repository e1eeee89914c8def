// The app's services for pages served over HTTP (browser mode and the team server): the database opened
// with THRESHOLD_DB_KEY when it is set (otherwise the first person to sign in opens it), and the shelf
// where what main saves for the page (a Word document) waits to be downloaded.
import { AppHost } from '../app-host';
import { resolveCliKey } from '../db/keys';
import { appVersion, sourceAssetsDir } from '../paths';
import { DownloadShelf } from './downloads';

export function openBrowserHost(opts: {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  /** Who holds the database's lock file, as a refused second opener is told. */
  holdAs: string;
}): { host: AppHost; downloads: DownloadShelf } {
  const { key, source } = resolveCliKey({ env: opts.env });
  const downloads = new DownloadShelf();
  const host = AppHost.open({
    dbPath: opts.dbPath,
    mode: 'browser',
    assetsDir: sourceAssetsDir(),
    appVersion: appVersion(),
    key,
    keySource: source,
    saveFile: downloads,
    holdAs: opts.holdAs,
  });
  return { host, downloads };
}
