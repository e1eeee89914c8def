import path from 'node:path';
import { type Command, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { UsageError } from '../io';
import { json } from '../format';
import { backupToFile } from '../../main/backups/service';

export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Back up the database now (into its backups folder, or --out FILE); encrypted databases stay encrypted',
  usage: 'threshold backup [--out FILE] [--json]',
  options: { out: { type: 'string', short: 'o' }, ...JSON_OPTION },
  async run({ positionals, values, io, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const s = await session();
    const out = text(values, 'out');
    if (out) {
      const target = path.resolve(io.cwd, out);
      const written = s.as('backups.manage', () => backupToFile(s.ctx, target));
      if (values.json) io.out(json({ file: target, ...written }));
      else
        io.out(
          `Backed up ${s.ctx.dbPath} to ${target} (${written.size} bytes${written.encrypted ? ', encrypted with the database key' : ''}).`,
        );
      return 0;
    }
    const info = await unwrap(s.api.backups.create({}));
    const file = path.join(path.dirname(s.ctx.dbPath), 'backups', info.name);
    if (values.json) io.out(json({ file, ...info }));
    else
      io.out(
        `Backed up ${s.ctx.dbPath} to ${file} (${info.size} bytes${info.encrypted ? ', encrypted with the database key' : ''}).`,
      );
    return 0;
  },
};
