import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../shared/domain/transfer';
import type { Command } from '../command';
import { UsageError } from '../io';
import { json } from '../format';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a workspace JSON file or a CSV of threats (one transaction: all or nothing)',
  usage: 'threshold import <file> [--format json|csv] [--json]',
  options: { format: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values, io, session }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('import takes exactly one file');
    const format = (values.format as string | undefined) ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv');
    const full = path.resolve(io.cwd, file);
    const content = fs.readFileSync(full, 'utf8');
    const report = await session().call<ImportReport>('workspace:import', { format, content, fileName: path.basename(full) });
    if (values.json) io.out(json(report));
    else {
      io.out(
        `Imported ${path.basename(full)}: threats ${report.threats.created} new, ${report.threats.updated} updated, ${report.threats.unchanged} unchanged; ` +
          `elections ${report.elections.created} new, ${report.elections.updated} updated, ${report.elections.unchanged} unchanged.`,
      );
      for (const w of report.warnings) io.err(`warning: ${w}`);
    }
    return 0;
  },
};
