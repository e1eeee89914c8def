import type { ThreatPage } from '../../shared/domain/threat-log';
import { type Command, flag, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { json, table } from '../format';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the threat log (newest first)',
  usage: 'threshold list [--json] [--search WORDS] [--election ID] [--limit N] [--offset N] [--deleted]',
  options: {
    ...JSON_OPTION,
    search: { type: 'string' },
    election: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    deleted: { type: 'boolean' },
  },
  async run({ values, io, session }) {
    const s = await session();
    const limit = values.limit ? Number(values.limit) : undefined;
    const filter = {
      search: text(values, 'search'),
      electionId: text(values, 'election'),
      deleted: flag(values, 'deleted') || undefined,
    };
    const rows: ThreatPage['rows'] = [];
    let total = 0;
    // Without --limit, page through the whole log (500 at a time) rather than load it at once.
    for (let offset = values.offset ? Number(values.offset) : 0; ;) {
      const page = await unwrap(
        s.api.threats.list({
          filter,
          offset,
          limit: Math.min(limit ?? 500, 500),
        }),
      );
      total = page.total;
      rows.push(...page.rows);
      offset += page.rows.length;
      if (page.rows.length === 0 || offset >= total || (limit !== undefined && rows.length >= limit)) break;
    }
    if (values.json) {
      io.out(json(rows));
      return 0;
    }
    io.out(
      table(
        ['ID', 'FIRST SEEN', 'LEVEL', 'PURPOSE', 'TYPE', 'B', 'TITLE'],
        rows.map((r) => [
          r.id,
          r.firstSeen.slice(0, 16).replace('T', ' '),
          r.level ?? '—',
          r.purpose,
          r.type,
          String(r.breakout),
          r.title,
        ]),
        [24, 16, 16, 22, 21, 1, 70],
      ),
    );
    io.out(`${rows.length} of ${total} threats`);
    return 0;
  },
};
