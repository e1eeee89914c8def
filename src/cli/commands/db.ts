// `threshold db key`: the raw database key, for recovery and for THRESHOLD_DB_KEY: administrators only, and
// every time it is shown, audited (signed by whoever asked).
import { formatKey } from '../../main/db/encryption';
import { AppError } from '../../shared/errors';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';

const USAGE = `threshold --user NAME db key   (an administrator)

  key   prints the database key: the 64 hex digits of an SQLCipher 4 raw key, the form THRESHOLD_DB_KEY
        takes. Anyone with it and a copy of the database reads everything in it: keep it offline.`;

export const dbCommand: Command = {
  name: 'db',
  summary: 'Print the raw database key, for recovery (administrators; audited)',
  usage: USAGE,
  options: {},
  async run({ positionals, io, session }) {
    if (positionals.length !== 1 || positionals[0] !== 'key')
      throw new UsageError(`db needs the subcommand key\nUsage: ${USAGE}`);
    const s = await session();
    const key = s.host.key;
    if (!key) throw new AppError('not-signed-in', { id: 'cli/database-not-open-nothing' });
    s.as('database.key', () =>
      s.ctx.db.transaction(() => s.ctx.record('database.key-shown', 'database', { via: 'cli' }))(),
    );
    io.out(formatKey(key));
    return EXIT.ok;
  },
};
