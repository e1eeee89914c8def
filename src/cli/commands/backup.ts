import path from 'node:path';
import type { BackupInfo } from '../../shared/domain/backups';
import type { Command } from '../command';
import { UsageError } from '../io';
import { json } from '../format';
import { writeBackupTo } from '../../main/db/backups';

export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Back up the database now (into its backups folder, or --out FILE); encrypted databases stay encrypted',
  usage: 'threshold backup [--out FILE] [--json]',
  options: { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  async run({ positionals, values, io, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const s = session();
    if (values.out) {
      const target = path.resolve(io.cwd, values.out as string);
      const written = writeBackupTo(s.ctx.db, target);
      const who = s.ctx.identity();
      s.ctx.db.transaction(() =>
        s.ctx.audit.append({
          action: 'backup.created',
          subject: 'database',
          actor: who?.name,
          role: who?.role,
          details: { file: path.basename(target), size: written.size },
        }),
      )();
      if (values.json) io.out(json({ file: target, ...written }));
      else
        io.out(
          `Backed up ${s.ctx.dbPath} to ${target} (${written.size} bytes${written.encrypted ? ', encrypted with the database key' : ''}).`,
        );
      return 0;
    }
    const info = await s.call<BackupInfo>('backups:create', {});
    const file = path.join(path.dirname(s.ctx.dbPath), 'backups', info.name);
    if (values.json) io.out(json({ file, ...info }));
    else
      io.out(
        `Backed up ${s.ctx.dbPath} to ${file} (${info.size} bytes${info.encrypted ? ', encrypted with the database key' : ''}).`,
      );
    return 0;
  },
};
