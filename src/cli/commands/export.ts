import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TLP, REGION_OV, TLP_LEVELS } from '../../shared/domain/stix';
import { choice, flag, text, type Command } from '../command';
import { unwrap } from '../session';
import { UsageError } from '../io';

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Export the workspace as JSON (the interchange contract), the threats as CSV, or a ' +
    'STIX 2.1 bundle (TLP:AMBER unless --tlp)',
  usage:
    'threshold export --format json|csv|stix [--out FILE] [--election ID] [--no-classified] ' +
    '[--tlp clear|green|amber|red] [--country CC] [--region REGION (STIX region-ov, e.g. northern-america)]',
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    election: { type: 'string' },
    'no-classified': { type: 'boolean' },
    tlp: { type: 'string' },
    country: { type: 'string' },
    region: { type: 'string' },
  },
  async run({ positionals, values, io, session, writeFile }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const format = choice(values, 'format', ['json', 'csv', 'stix'] as const) ?? 'json';
    const country = text(values, 'country');
    const region = choice(values, 'region', REGION_OV);
    if (format !== 'stix' && (values.tlp !== undefined || country !== undefined || region !== undefined))
      throw new UsageError('--tlp, --country and --region are for --format stix');
    const tlp = choice(values, 'tlp', TLP_LEVELS) ?? DEFAULT_TLP;
    const electionId = text(values, 'election');
    // STIX never carries classified notes, whatever --no-classified says.
    const result =
      format === 'stix'
        ? await unwrap((await session()).api.stix.export({ tlp, electionId, country, region }))
        : await unwrap(
            (await session()).api.workspace.export({
              format,
              electionId,
              includeClassified: !flag(values, 'no-classified'),
            }),
          );
    const out = text(values, 'out');
    if (out) {
      const target = path.resolve(io.cwd, out);
      fs.writeFileSync(target, result.content);
      io.err(
        `Wrote ${result.threats} threats to ${target}${format === 'stix' ? ` (STIX 2.1, TLP:${tlp.toUpperCase()})` : ''}.`,
      );
    } else {
      writeFile(result.content, format === 'csv' ? 'text' : 'json');
    }
    return 0;
  },
};
