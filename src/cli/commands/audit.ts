// `threshold audit`: check the hash-chained audit log, or list its latest entries.
import type { Command } from '../command';
import { unwrap } from '../session';
import { json, table } from '../format';
import { EXIT, UsageError } from '../io';

const USAGE = `threshold audit verify [--json]
       threshold audit list [--limit N] [--json]

  verify   checks that no entry was edited, removed or reordered: exit 0 and "intact" when the chain
           verifies, exit 1 with the first problem when not
  list     the latest entries, newest first (default 50)`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify the hash-chained audit log, or list its latest entries',
  usage: USAGE,
  options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  async run({ positionals, values, io, session }) {
    const [sub, ...rest] = positionals;
    if (rest.length) throw new UsageError(`audit ${sub ?? ''} takes no other argument\nUsage: ${USAGE}`);
    if (sub === 'verify') {
      const v = await unwrap(session().api.audit.verify({}));
      if (values.json) io.out(json(v));
      else if (v.ok)
        io.out(
          `The audit log is intact: ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}, none ` +
            `edited, removed or reordered.`,
        );
      if (!v.ok) {
        io.err(`threshold: the audit log is NOT intact (${v.entries} entries checked):`);
        for (const p of v.problems) io.err(`  ${p.seq === null ? '' : `entry ${p.seq}: `}${p.message}`);
        return EXIT.error;
      }
      return EXIT.ok;
    }
    if (sub === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit must be a whole number from 1 to 1000');
      const page = await unwrap(session().api.audit.list({ limit }));
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
    throw new UsageError(`audit needs a subcommand: verify or list\nUsage: ${USAGE}`);
  },
};
