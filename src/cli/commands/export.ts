import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TLP, TLP_LEVELS } from '../../shared/domain/stix';
import type { ExportResult } from '../../shared/domain/transfer';
import type { Command } from '../command';
import { UsageError } from '../io';

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Export the workspace as JSON (the interchange contract), the threats as CSV, or a STIX 2.1 bundle (TLP:AMBER unless --tlp)',
  usage:
    'threshold export --format json|csv|stix [--out FILE] [--election ID] [--no-classified] [--tlp clear|green|amber|red] [--country CC]',
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    election: { type: 'string' },
    'no-classified': { type: 'boolean' },
    tlp: { type: 'string' },
    country: { type: 'string' },
  },
  async run({ positionals, values, io, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const format = (values.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'stix')
      throw new UsageError('--format must be json, csv or stix');
    if (format !== 'stix' && (values.tlp !== undefined || values.country !== undefined))
      throw new UsageError('--tlp and --country are for --format stix');
    const tlp = (values.tlp as string | undefined) ?? DEFAULT_TLP;
    if (!(TLP_LEVELS as readonly string[]).includes(tlp))
      throw new UsageError(`--tlp must be one of ${TLP_LEVELS.join(', ')}`);
    // STIX never carries classified notes, whatever --no-classified says.
    const result =
      format === 'stix'
        ? await session().call<ExportResult>('stix:export', {
            tlp,
            electionId: values.election,
            country: values.country,
          })
        : await session().call<ExportResult>('workspace:export', {
            format,
            electionId: values.election,
            includeClassified: !values['no-classified'],
          });
    if (values.out) {
      const target = path.resolve(io.cwd, values.out as string);
      fs.writeFileSync(target, result.content);
      io.err(
        `Wrote ${result.threats} threats to ${target}${format === 'stix' ? ` (STIX 2.1, TLP:${tlp.toUpperCase()})` : ''}.`,
      );
    } else {
      io.out(result.content);
    }
    return 0;
  },
};
