import path from 'node:path';
import { text, type Command, type CommandRun } from '../command';
import { AppError } from '../../shared/errors';
import { NO_ELECTION_PROBLEM, type NewElection } from '../../shared/domain/stix';
import { unwrap } from '../session';
import { UsageError } from '../io';
import { json } from '../format';
import { readImportText } from '../../main/transfer/text-file';
import { isStixBundle, parseJsonText } from '../../shared/domain/json-text';

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a workspace JSON file, a CSV of threats or a STIX 2.1 bundle (one transaction: all or nothing)',
  usage:
    'threshold import <file> [--format json|csv] [--json]\n' +
    '  STIX bundles: [--election ID] (an election of the workspace), or a new one:\n' +
    '  [--new-election ID --election-name NAME --jurisdiction TEXT --polling-day YYYY-MM-DD]',
  options: {
    format: { type: 'string' },
    json: { type: 'boolean' },
    election: { type: 'string' },
    'new-election': { type: 'string' },
    'election-name': { type: 'string' },
    jurisdiction: { type: 'string' },
    'polling-day': { type: 'string' },
  },
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
    const newElection = newElectionOf(values);
    if ((values.election !== undefined || newElection) && !stix)
      throw new UsageError('--election and --new-election are for STIX bundles');
    if (values.election !== undefined && newElection)
      throw new UsageError('give --election (an election of the workspace) or --new-election, not both');
    const report = stix
      ? await unwrap(
          (await session()).api.stix.import({
            content,
            fileName: path.basename(full),
            electionId: text(values, 'election'),
            newElection,
          }),
        ).catch((err: unknown) => {
          throw askForElection(err, path.basename(full));
        })
      : await unwrap(
          (await session()).api.workspace.import({
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

const NEW_ELECTION_OPTIONS = ['new-election', 'election-name', 'jurisdiction', 'polling-day'] as const;

/** The new election the options name (all four together), or none. */
function newElectionOf(values: CommandRun['values']): NewElection | undefined {
  const given = NEW_ELECTION_OPTIONS.filter((o) => values[o] !== undefined);
  if (!given.length) return undefined;
  const missing = NEW_ELECTION_OPTIONS.filter((o) => text(values, o) === undefined);
  if (missing.length)
    throw new UsageError(`a new election needs ${missing.map((o) => `--${o}`).join(', ')} as well`);
  return {
    id: text(values, 'new-election') ?? '',
    name: text(values, 'election-name') ?? '',
    jurisdiction: text(values, 'jurisdiction') ?? '',
    pollingDay: text(values, 'polling-day') ?? '',
  };
}

/** A bundle that does not say its election: the refusal, with how to say it here. */
function askForElection(err: unknown, file: string): unknown {
  if (!(err instanceof AppError) || !err.problems?.some((p) => p.message === NO_ELECTION_PROBLEM)) return err;
  return new AppError(
    err.code,
    `${err.message}\nSay which: threshold import ${file} --election ID (an election of the workspace), or ` +
      `a new one: --new-election ID --election-name NAME --jurisdiction TEXT --polling-day YYYY-MM-DD.`,
    err.problems,
  );
}

/** Whether the file is a STIX bundle (the import says where the JSON is wrong if it is not JSON). */
function isStixBundleText(content: string): boolean {
  try {
    return isStixBundle(parseJsonText(content));
  } catch {
    return false;
  }
}
