// `threshold report`: the after-action report of an election, as a Word document.
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_LANGS } from '../../shared/ipc/report.contract';
import { AS_OF_OPTION, DOCX_OUT_OPTION, type Command, docxOut, flag, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { EXIT, UsageError } from '../io';
import { json } from '../format';

const USAGE = `threshold report --election ID --out FILE.docx [--lang en|fr|en,fr] [--classified] [--as-of YYYY-MM-DD] [--json]
  --lang        the report's languages, one part each, in this order (default en)
  --classified  adds the classified annex at the end; the document is then marked with the highest
                level the annex cites. Without it, no classified note appears.`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the after-action report of an election (Word), for a post-election review',
  usage: USAGE,
  options: {
    ...DOCX_OUT_OPTION,
    election: { type: 'string' },
    lang: { type: 'string' },
    classified: { type: 'boolean' },
    ...AS_OF_OPTION,
    ...JSON_OPTION,
  },
  async run({ positionals, values, io, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\nUsage: ${USAGE}`);
    const electionId = text(values, 'election');
    if (!electionId) throw new UsageError('--election ID is required');
    const out = docxOut(values);
    const languages = (text(values, 'lang') ?? 'en').split(',').map((l) => l.trim());
    for (const l of languages)
      if (!(REPORT_LANGS as readonly string[]).includes(l))
        throw new UsageError(`--lang must be en, fr or en,fr (got "${l}")`);
    const made = await unwrap(
      (await session()).api.report.export({
        electionId,
        languages: languages as ('en' | 'fr')[],
        classified: flag(values, 'classified'),
        asOf: text(values, 'as-of'),
      }),
    );
    const file = path.resolve(io.cwd, out);
    fs.writeFileSync(file, Buffer.from(made.base64, 'base64'));
    if (values.json) {
      io.out(json({ ...made, base64: undefined, file }));
      return EXIT.ok;
    }
    io.out(
      `Wrote ${file} (marked ${made.marking}): ${made.timeline} threats in the timeline, ${made.statements} statements.`,
    );
    return EXIT.ok;
  },
};
