import fs from 'node:fs';
import path from 'node:path';
import type { ImportProgress, ImportReport } from '../../shared/domain/transfer';
import { AppError } from '../../shared/errors';
import { NO_ELECTION_PROBLEM, type NewElection } from '../../shared/domain/stix';
import type { ThresholdApi } from '../../shared/ipc/contract';
import { type Command, type CommandRun, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { UsageError, type CliIo } from '../io';
import { json } from '../format';
import { readImportText, streamImportText } from '../../main/transfer/text-file';

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
    ...JSON_OPTION,
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
    const fileName = path.basename(full);
    const electionId = text(values, 'election');
    const newElection = newElectionOf(values);
    if ((electionId !== undefined || newElection) && format !== 'json')
      throw new UsageError('--election and --new-election are for STIX bundles');
    if (electionId !== undefined && newElection)
      throw new UsageError('give --election (an election of the workspace) or --new-election, not both');
    const report = await (
      electionId !== undefined || newElection
        ? // A STIX bundle told its election: bundles are read whole (strict UTF-8, size checked first).
          unwrap(
            (await session()).api.stix.import({
              content: readImportText(full),
              fileName,
              electionId,
              newElection,
            }),
          )
        : streamed((await session()).api.workspace, full, format, io)
    ).catch((err: unknown) => {
      // A bundle that does not say its election, in a workspace without one: say how to name it.
      throw askForElection(err, fileName);
    });
    if (values.json) io.out(json(report));
    else {
      io.out(
        `Imported ${fileName}${report.format === 'stix' ? ' (STIX 2.1 bundle)' : ''}: threats ${report.threats.created} ` +
          `new, ${report.threats.updated} updated, ${report.threats.unchanged} unchanged; ` +
          `elections ${report.elections.created} new, ${report.elections.updated} updated, ${report.elections.unchanged} unchanged` +
          `${report.partners ? `; partners ${report.partners.created} new, ${report.partners.updated} updated, ${report.partners.unchanged} unchanged` : ''}` +
          `${report.outcomes ? `; outcome observations ${report.outcomes.created} new, ${report.outcomes.updated} updated, ${report.outcomes.unchanged} unchanged` : ''}.`,
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
    { id: 'cli/say-which-election', params: { fileName: err.params?.fileName ?? file, file } },
    err.problems,
  );
}

type WorkspaceApi = ThresholdApi['workspace'];

/**
 * The file read in pieces (strict UTF-8) and imported as it is read, in one transaction: memory does not
 * grow with the file. On a terminal, a progress line; Ctrl-C cancels, and nothing is imported.
 */
async function streamed(
  api: WorkspaceApi,
  file: string,
  format: 'json' | 'csv',
  io: CliIo,
): Promise<ImportReport> {
  const fileName = path.basename(file);
  const { importId } = await unwrap(api.importBegin({ format, fileName }));
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.once('SIGINT', onInterrupt);
  const line = progressLine(io, fileName, file);
  try {
    await streamImportText(file, async (piece) => {
      // Between pieces, a Ctrl-C gets its turn.
      await new Promise((resolve) => setImmediate(resolve));
      if (interrupted) throw new Interrupted();
      line.show(await unwrap(api.importChunk({ importId, text: piece })));
    });
    line.done();
    return await unwrap(api.importEnd({ importId }));
  } catch (err) {
    line.done();
    await api.importCancel({ importId });
    if (err instanceof Interrupted)
      throw new AppError('conflict', { id: 'cli/import-cancelled-nothing-imported', params: { fileName } });
    throw err;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

class Interrupted extends Error {}

/** On a terminal, one line saying how far the import is, rewritten at most ten times a second. */
function progressLine(io: CliIo, fileName: string, file: string) {
  const total = fileSize(file);
  let last = 0;
  return {
    show(p: ImportProgress) {
      if (!io.progress) return;
      const now = Date.now();
      if (now - last < 100 && p.bytes < total) return;
      last = now;
      const percent = total > 0 ? Math.min(100, Math.floor((p.bytes / total) * 100)) : 100;
      io.progress(
        `Importing ${fileName}: ${percent}% (${mb(p.bytes)} of ${mb(total)}), ` +
          `${p.threats.toLocaleString('en')} threats read`,
      );
    },
    done() {
      io.progress?.(null);
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
