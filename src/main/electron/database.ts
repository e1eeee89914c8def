// The desktop app's database: the key the operating system's key store keeps (safeStorage) when there is
// one, a new database's key kept there at setup, what cannot be opened said in a dialog, and the key shown
// (never sent to the page).
import { clipboard, dialog, safeStorage, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import { AppHost, type AppHostOptions } from '../app-host';
import { formatKey, KEY_ENV, type DbKey } from '../db/encryption';
import { rememberDesktopKey, resolveDesktopKey, type DesktopKey } from '../db/keys';

const TITLE = 'Threshold';

export interface DesktopDatabaseOptions extends Omit<
  AppHostOptions,
  'mode' | 'key' | 'keySource' | 'showKey' | 'rememberKey'
> {
  parent: () => BrowserWindow | null;
}

function describe(err: unknown): string {
  return err instanceof AppError ? err.message : `${(err as Error).message ?? String(err)}`;
}

/** Opens the database (or waits for setup or a sign-in to open it); null when the app must quit. */
export async function openDesktopDatabase(opts: DesktopDatabaseOptions): Promise<AppHost | null> {
  const { dbPath } = opts;
  let decision: DesktopKey;
  try {
    decision = await resolveDesktopKey({ dbPath, env: process.env, protection: safeStorage });
  } catch (err) {
    dialog.showErrorBox('Threshold cannot open its database', `${describe(err)}\n\nThe file is ${dbPath}.`);
    return null;
  }
  if (decision.warning) {
    await dialog.showMessageBox({
      type: 'warning',
      title: TITLE,
      buttons: ['OK'],
      message: 'Sign in to open the database',
      detail: decision.warning,
    });
  }
  let host: AppHost;
  try {
    host = AppHost.open({
      ...opts,
      mode: 'electron',
      holdAs: 'the Threshold desktop app',
      key: decision.key,
      keySource: decision.source,
      // Kept for the next start, when this computer can protect it; otherwise passphrases open it.
      rememberKey: async (key) => {
        await rememberDesktopKey({ dbPath, key, protection: safeStorage });
      },
      showKey: () => showDatabaseKey(host, opts.parent()),
    });
  } catch (err) {
    dialog.showErrorBox(
      'Threshold cannot open its database',
      `${describe(err)}\n\nNothing was changed. The file is ${dbPath}.`,
    );
    return null;
  }
  return host;
}

/** Shows the key in a native window; the page never receives it. The clipboard copy is cleared after a minute. */
export async function showDatabaseKey(host: AppHost, parent: BrowserWindow | null): Promise<boolean> {
  const key: DbKey | null = host.key;
  if (!key) return false;
  const value = formatKey(key);
  const options = {
    type: 'warning' as const,
    title: TITLE,
    buttons: ['Copy to the clipboard', 'Close'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'The database key',
    detail:
      `${KEY_ENV}=${value}\n\n` +
      'Anyone with this key and a copy of the database can read everything in it, classified notes included. ' +
      'Keep a copy offline, somewhere as safe as the data: with the recovery key, it opens the database and its backups when every passphrase is lost.',
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response === 0) {
    clipboard.writeText(value);
    // A minute later the key leaves the clipboard, unless something else was copied since.
    setTimeout(() => {
      void Promise.resolve(clipboard.readText()).then((text) => {
        if (text === value) clipboard.clear();
      });
    }, 60_000).unref?.();
  }
  return true;
}
