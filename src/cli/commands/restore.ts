import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Command } from '../command';
import { UsageError } from '../io';
import { json } from '../format';
import { closeDatabase, openDatabase } from '../../main/db/connection';
import { sniffFile, KEY_ENV, parseKey, type DbKey } from '../../main/db/encryption';
import { checkBackup, replaceDatabase } from '../../main/db/restore';
import { AuditLog } from '../../main/audit/audit-log';

export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Replace the database with a backup, after checking it; the replaced database is kept in the backups folder',
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
    if (io.env[KEY_ENV]) key = parseKey(io.env[KEY_ENV]!);
    else if (needsKey) {
      const typed = io.promptSecret?.('Database key: ') ?? null;
      if (!typed)
        throw new AppError(
          'key-required',
          `The database or the backup is encrypted: set ${KEY_ENV} to the database key (or run this on a terminal to be asked). Nothing was changed.`,
        );
      key = parseKey(typed);
    }

    const checked = checkBackup(source, key);
    io.err(
      `${path.basename(source)}: a Threshold database, schema ${checked.schemaVersion}, ${checked.threats} threats, audit log intact (${checked.auditEntries} entries)${checked.encrypted ? ', encrypted' : ''}.`,
    );
    if (!values.yes) {
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
    const report = replaceDatabase({ dbPath: target, source, key });
    // Open it once: migrates an older schema (with its own backup first) and records the restore.
    const db = openDatabase(target, { key });
    try {
      db.transaction(() =>
        new AuditLog(db).append({
          action: 'database.restored',
          subject: 'database',
          details: {
            from: report.restoredFrom,
            replacedBy: report.replacedBy ? path.basename(report.replacedBy) : null,
            schemaVersion: report.schemaVersion,
            via: 'cli',
          },
        }),
      )();
    } finally {
      closeDatabase(db);
    }
    if (values.json) io.out(json(report));
    else
      io.out(
        `Restored ${target} from ${path.basename(source)}.${report.replacedBy ? ` The database it replaced is kept as ${report.replacedBy}.` : ''}`,
      );
    return 0;
  },
};
