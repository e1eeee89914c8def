import path from 'node:path';
import { text, type Command } from '../command';
import { unwrap } from '../session';
import { UsageError } from '../io';
import { json } from '../format';
import { readImportText } from '../../main/transfer/text-file';
import { isStixBundle, parseJsonText } from '../../shared/domain/json-text';

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a workspace JSON file, a CSV of threats or a STIX 2.1 bundle (one transaction: all or nothing)',
  usage: 'threshold import <file> [--format json|csv] [--election ID (STIX bundles)] [--json]',
  options: { format: { type: 'string' }, json: { type: 'boolean' }, election: { type: 'string' } },
  async run({ positionals, values, io, session }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('import takes exactly one file');
    const format =
      (values.format as string | undefined) ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv');
    const full = path.resolve(io.cwd, file);
    // Strict UTF-8, refused over the documented size before it is read (see transfer/text-file.ts).
    const content = readImportText(full);
    // A STIX bundle ("type": "bundle") goes to the STIX import, which can be told the election.
    const stix = format === 'json' && isStixBundleText(content);
    if (values.election !== undefined && !stix) throw new UsageError('--election is for STIX bundles');
    const report = stix
      ? await unwrap(
          session().api.stix.import({
            content,
            fileName: path.basename(full),
            electionId: text(values, 'election'),
          }),
        )
      : await unwrap(
          session().api.workspace.import({
            format,
            content,
            fileName: path.basename(full),
          }),
        );
    if (values.json) io.out(json(report));
    else {
      io.out(
        `Imported ${path.basename(full)}${stix ? ' (STIX 2.1 bundle)' : ''}: threats ${report.threats.created} ` +
          `new, ${report.threats.updated} updated, ${report.threats.unchanged} unchanged; ` +
          `elections ${report.elections.created} new, ${report.elections.updated} updated, ${report.elections.unchanged} unchanged` +
          `${report.partners ? `; partners ${report.partners.created} new, ${report.partners.updated} updated, ${report.partners.unchanged} unchanged` : ''}.`,
      );
      for (const w of report.warnings) io.err(`warning: ${w}`);
      const future = report.firstSeenInFuture ?? [];
      if (future.length)
        io.err(
          `warning: ${future.length} threat(s) first seen later than now; check their dates: ${future
            .slice(0, 10)
            .map((t) => `${t.id} (${t.firstSeen})`)
            .join(', ')}${future.length > 10 ? ` and ${future.length - 10} more` : ''}.`,
        );
    }
    return 0;
  },
};

/** Whether the file is a STIX bundle (the import says where the JSON is wrong if it is not JSON). */
function isStixBundleText(content: string): boolean {
  try {
    return isStixBundle(parseJsonText(content));
  } catch {
    return false;
  }
}
