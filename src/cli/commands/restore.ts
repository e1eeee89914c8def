import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { flag, type Command } from '../command';
import { UsageError } from '../io';
import { json } from '../format';
import { AppHost } from '../../main/app-host';
import { checkBackup } from '../../main/backups/restore';
import { sniffFile, KEY_ENV, parseKey, type DbKey } from '../../main/db/encryption';
import { appVersion, sourceAssetsDir } from '../../main/paths';

export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Replace the database with a backup, after checking it; the replaced database is kept ' +
    'in the backups folder',
  usage: 'threshold restore <file> [--yes] [--json]   (close the desktop app first)',
  options: { yes: { type: 'boolean', short: 'y' }, json: { type: 'boolean' } },
  async run({ positionals, values, io, dbPath }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('restore takes exactly one file');
    const source = path.resolve(io.cwd, file);
    if (!fs.existsSync(source))
      throw new AppError('not-found', `${source} does not exist. Nothing was changed.`);
    const target = path.resolve(dbPath);

    // One key serves both files: an encrypted backup is written with the database's own key.
    let key: DbKey | null = null;
    const needsKey = sniffFile(target) === 'encrypted' || sniffFile(source) === 'encrypted';
    const fromEnv = io.env[KEY_ENV];
    if (fromEnv) key = parseKey(fromEnv);
    else if (needsKey) {
      const typed = io.promptSecret?.('Database key: ') ?? null;
      if (!typed)
        throw new AppError(
          'key-required',
          `The database or the backup is encrypted: set ${KEY_ENV} to the database key (or run ` +
            `this on a terminal to be asked). Nothing was changed.`,
        );
      key = parseKey(typed);
    }

    const checked = checkBackup(source, key);
    io.err(
      `${path.basename(source)}: a Threshold database, schema ${checked.schemaVersion}, ` +
        `${checked.threats} threats, ` +
        `audit log intact (${checked.auditEntries} entries)${checked.encrypted ? ', encrypted' : ''}.`,
    );
    if (!flag(values, 'yes')) {
      const answer =
        io.confirm?.(`Replace ${target} with it? The current database is kept in the backups folder.`) ??
        null;
      if (answer === null)
        throw new UsageError('restore replaces the database: add --yes to confirm (nothing was changed)');
      if (!answer) {
        io.err('Nothing was changed.');
        return 1;
      }
    }
    // The same restore as the app's (AppHost), with the app closed: if the restored database does not
    // open, the one it replaced is put back.
    const report = AppHost.restoreClosed(
      { dbPath: target, mode: 'cli', assetsDir: sourceAssetsDir(), appVersion: appVersion(), key },
      source,
      { via: 'cli' },
    );
    if (flag(values, 'json')) io.out(json(report));
    else
      io.out(
        `Restored ${target} from ${path.basename(source)}.${report.replacedBy ? ` The database it replaced is kept as ${report.replacedBy}.` : ''}`,
      );
    return 0;
  },
};
