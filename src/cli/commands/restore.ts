// `threshold restore <file>`: replaces the database with a backup, with the app closed, as an administrator.
// The backup is checked first (a Threshold database, that the key opens it, integrity, its audit log and
// every signature in it, a schema this version knows); the database it replaces is kept in the backups
// folder.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { type Command, flag, JSON_OPTION } from '../command';
import { UsageError } from '../io';
import { json } from '../format';
import { AppHost, restorerOf } from '../../main/app-host';
import { checkBackup } from '../../main/backups/restore';
import { assertNotHeld } from '../../main/concurrency/database-lock';
import { cliHostOptions } from '../session';

export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Replace the database with a backup, after checking it; the replaced database is kept ' +
    'in the backups folder',
  usage:
    'threshold --user NAME restore <file> [--yes] [--json]   ' +
    '(an administrator; close the desktop app first)',
  options: { yes: { type: 'boolean', short: 'y' }, ...JSON_OPTION },
  async run({ positionals, values, io, dbPath, session }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('restore takes exactly one file');
    const target = path.resolve(dbPath);
    // Refused first, before any question: a running app or server holds the database.
    assertNotHeld(target, 'it cannot be restored now');
    const source = path.resolve(io.cwd, file);
    if (!fs.existsSync(source))
      throw new AppError('not-found', { id: 'cli/does-not-exist-nothing', params: { source } });

    // Signed in on the database being replaced, as someone allowed to restore; one key serves both
    // files (a backup is written with the database's own key).
    const s = await session();
    s.as('backups.restore', () => undefined);
    const key = s.host.key;
    const acting = s.acting;

    const checked = checkBackup(source, key, { restorer: restorerOf(acting) });
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
    s.close();
    // The same restore as the app's (AppHost), with the app closed: if the restored database does not
    // open, the one it replaced is put back.
    const report = AppHost.restoreClosed(
      { ...cliHostOptions(target, io.env), key, keySource: 'passphrase' },
      source,
      acting,
    );
    if (flag(values, 'json')) io.out(json(report));
    else
      io.out(
        `Restored ${target} from ${path.basename(source)}.` +
          (report.replacedBy ? ` The database it replaced is kept as ${report.replacedBy}.` : ''),
      );
    return 0;
  },
};
