// The desktop app's database: the key from the operating system's key store (safeStorage), the
// decisions the official must make said in dialogs, and the key shown (never sent to the page).
import { clipboard, dialog, safeStorage, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import { AppHost, type AppHostOptions } from '../app-host';
import { formatKey, KEY_ENV, type DbKey } from '../db/encryption';
import { resolveDesktopKey, type DesktopKey } from '../db/keys';

const TITLE = 'Threshold';

export interface DesktopDatabaseOptions extends Omit<
  AppHostOptions,
  'mode' | 'key' | 'keySource' | 'encryptPlain' | 'onEncrypted' | 'showKey'
> {
  parent: () => BrowserWindow | null;
}

function describe(err: unknown): string {
  return err instanceof AppError ? err.message : `${(err as Error).message ?? String(err)}`;
}

/** Opens the database, encrypting it on first use; null when the app must quit (the reason was shown). */
export async function openDesktopDatabase(opts: DesktopDatabaseOptions): Promise<AppHost | null> {
  const { dbPath } = opts;
  let decision: DesktopKey;
  try {
    decision = await resolveDesktopKey({ dbPath, env: process.env, protection: safeStorage });
  } catch (err) {
    dialog.showErrorBox('Threshold cannot open its database', `${describe(err)}\n\nThe file is ${dbPath}.`);
    return null;
  }

  if (decision.kind === 'unprotected') {
    // Decision: never keep a key on disk that only looks protected. The official chooses, knowing why.
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: TITLE,
      buttons: ['Quit', 'Continue without encryption'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      message: 'The database cannot be encrypted on this computer',
      detail:
        `${decision.reason}\n\nIf you continue, the database (${dbPath}) stays unencrypted ` +
        `on disk: protect this computer with full-disk encryption. ` +
        `To encrypt it anyway, quit and start Threshold with ${KEY_ENV} set to a key of your ` +
        `own (64 hexadecimal digits, or a passphrase); you will need that key every time.`,
    });
    if (response !== 1) return null;
  }

  const key: DbKey | null = decision.kind === 'key' ? decision.key : null;
  let plainBackup: string | null = null;
  let host: AppHost;
  try {
    host = AppHost.open({
      ...opts,
      mode: 'electron',
      key,
      keySource: decision.kind === 'key' ? decision.source : null,
      encryptPlain: key !== null,
      onEncrypted: (backup) => {
        plainBackup = backup;
      },
      ...(key ? { showKey: () => showDatabaseKey(key, opts.parent()) } : {}),
    });
  } catch (err) {
    dialog.showErrorBox(
      'Threshold cannot open its database',
      `${describe(err)}\n\nNothing was changed. The file is ${dbPath}.`,
    );
    return null;
  }

  if (plainBackup) {
    await dialog.showMessageBox({
      type: 'info',
      title: TITLE,
      buttons: ['OK'],
      message: 'Your database is now encrypted',
      detail:
        `Threshold encrypted ${dbPath} with a key that this computer's key store protects ` +
        `(${decision.kind === 'key' && decision.keyFile ? decision.keyFile : KEY_ENV}).\n\n` +
        `An unencrypted copy made just before was kept at:\n${plainBackup}\n\n` +
        'It holds everything the database held, in clear. Once you have checked that Threshold ' +
        'works, delete it or move it somewhere safe. ' +
        'To use the command line on this database, open Settings → Security → Show the database key.',
    });
  }
  return host;
}

/** Shows the key in a native window; the page never receives it. The clipboard copy is cleared after a minute. */
export async function showDatabaseKey(key: DbKey, parent: BrowserWindow | null): Promise<boolean> {
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
      'Anyone with this key and a copy of the database can read everything in it, classified ' +
      'notes included. ' +
      `Use it to run the command line on this computer (set ${KEY_ENV} in the terminal, ` +
      `or type it when asked), ` +
      'and keep a copy offline, somewhere as safe as the data: without it, no one can open ' +
      'the database or its backups.',
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
