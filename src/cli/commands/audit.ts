// `threshold audit`: check the audit log and everything signed in the database, export a signed checkpoint of
// its head, or list its latest entries.
import fs from 'node:fs';
import path from 'node:path';
import { AuditCheckpointSchema, type AuditCheckpoint } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import { type Command, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { json, table } from '../format';
import { EXIT, UsageError } from '../io';

const USAGE = `threshold audit verify [--checkpoint FILE] [--json]
       threshold audit checkpoint --out FILE
       threshold audit list [--limit N] [--json]

  verify      checks that no entry was edited, removed, reordered or re-hashed (every entry is signed by
              the account that acted), and that every decision, policy version and approval matches what
              its author signed; with --checkpoint, that the log still holds the entry a checkpoint
              recorded, unchanged. Exit 0 and "intact", or exit 1 with the problems found
  checkpoint  writes a checkpoint of the log's head, signed by you, to FILE: keep it outside the database
  list        the latest entries, newest first (default 50)`;

/** A checkpoint file, as `audit checkpoint` wrote it. */
function readCheckpoint(cwd: string, file: string): AuditCheckpoint {
  const full = path.resolve(cwd, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as unknown;
  } catch (err) {
    throw new AppError('invalid-request', {
      id: 'cli/cannot-read-as-checkpoint',
      params: { full, message: (err as Error).message },
    });
  }
  const checkpoint = AuditCheckpointSchema.safeParse(parsed);
  if (!checkpoint.success)
    throw new AppError('invalid-request', { id: 'cli/not-checkpoint-that-threshold', params: { full } });
  return checkpoint.data;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify the signed audit log and records, export a signed checkpoint, or list the latest entries',
  usage: USAGE,
  options: {
    ...JSON_OPTION,
    limit: { type: 'string' },
    checkpoint: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ positionals, values, io, session }) {
    const [sub, ...rest] = positionals;
    if (rest.length) throw new UsageError(`audit ${sub ?? ''} takes no other argument\nUsage: ${USAGE}`);
    if (sub === 'verify') {
      const file = text(values, 'checkpoint');
      const checkpoint = file === undefined ? undefined : readCheckpoint(io.cwd, file);
      const v = await unwrap((await session()).api.audit.verify(checkpoint ? { checkpoint } : {}));
      if (values.json) io.out(json(v));
      else if (v.ok)
        io.out(
          `The audit log is intact: ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}, none ` +
            `edited, removed, reordered or re-signed; every signed record matches` +
            (checkpoint ? `; the checkpoint's entry ${checkpoint.seq} is there, unchanged.` : '.'),
        );
      if (!v.ok) {
        io.err(`threshold: the audit log is NOT intact (${v.entries} entries checked):`);
        for (const p of v.problems) io.err(`  ${p.seq === null ? '' : `entry ${p.seq}: `}${p.message}`);
        return EXIT.error;
      }
      return EXIT.ok;
    }
    if (sub === 'checkpoint') {
      const out = text(values, 'out');
      if (!out) throw new UsageError(`audit checkpoint needs --out FILE\nUsage: ${USAGE}`);
      const target = path.resolve(io.cwd, out);
      const checkpoint = await unwrap((await session()).api.audit.checkpoint({}));
      fs.writeFileSync(target, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
      io.out(
        `Checkpoint of entry ${checkpoint.seq}, signed by ${checkpoint.name}, written to ${target}. Keep it ` +
          `outside the database: \`threshold audit verify --checkpoint ${out}\` checks the log against it.`,
      );
      return EXIT.ok;
    }
    if (sub === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit must be a whole number from 1 to 1000');
      const page = await unwrap((await session()).api.audit.list({ limit }));
      if (values.json) io.out(json(page.entries));
      else
        io.out(
          table(
            ['#', 'When', 'Who', 'Action', 'Subject'],
            page.entries.map((e) => [
              String(e.seq),
              e.at,
              `${e.actor ?? ''}${e.role ? ` (${e.role})` : ''}`,
              e.action,
              e.subject ?? '',
            ]),
          ),
        );
      return EXIT.ok;
    }
    throw new UsageError(`audit needs a subcommand: verify, checkpoint or list\nUsage: ${USAGE}`);
  },
};
