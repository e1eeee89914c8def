import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../../shared/domain/transfer';
import type { Command } from '../command';
import { UsageError } from '../io';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the workspace as JSON (the interchange contract) or the threats as CSV',
  usage: 'threshold export --format json|csv [--out FILE] [--election ID] [--no-classified]',
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    election: { type: 'string' },
    'no-classified': { type: 'boolean' },
  },
  async run({ positionals, values, io, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const format = (values.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv');
    const result = await session().call<ExportResult>('workspace:export', {
      format,
      electionId: values.election,
      includeClassified: !values['no-classified'],
    });
    if (values.out) {
      const target = path.resolve(io.cwd, values.out as string);
      fs.writeFileSync(target, result.content);
      io.err(`Wrote ${result.threats} threats to ${target}.`);
    } else {
      io.out(result.content);
    }
    return 0;
  },
};
