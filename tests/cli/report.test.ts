// `threshold report`, in-process on a temporary database holding the sample workspace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { openTestApp, tempDir } from '../helpers/db';
import { docxText } from '../main/drafting/docx-helpers';

let dir: string;
let db: string;

beforeEach(async () => {
  dir = tempDir('threshold-cli-report-');
  const app = openTestApp({ file: path.join(dir, 'sample.db') });
  await app.call('workspace:loadSample');
  app.close();
  db = app.file;
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: dir };
  const code = await main([...argv, '--db', db], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('threshold report', () => {
  it('writes the report in English and French, one part each (--lang en,fr)', async () => {
    const r = await run(['report', '--election', 'lakeshore-2027', '--lang', 'en,fr', '--out', 'aar.docx']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^Wrote .*aar\.docx \(marked UNCLASSIFIED\): \d+ threats in the timeline, 0 statements\.$/,
    );
    const text = await docxText(fs.readFileSync(path.join(dir, 'aar.docx')));
    expect(text).toContain('After-action report — Lakeshore Provincial General Election 2027');
    expect(text).toContain('Rapport après action — Élection générale provinciale du Lakeshore 2027');
    expect(text.indexOf('1. Summary')).toBeLessThan(text.indexOf('1. Sommaire'));
  });

  it('refuses a missing election, a bad language or output, and writes nothing', async () => {
    expect((await run(['report', '--out', 'a.docx'])).code).toBe(2);
    expect((await run(['report', '--election', 'lakeshore-2027', '--out', 'a.pdf'])).code).toBe(2);
    expect(
      (await run(['report', '--election', 'lakeshore-2027', '--lang', 'de', '--out', 'a.docx'])).code,
    ).toBe(2);
    const missing = await run(['report', '--election', 'nope', '--out', 'a.docx']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no election with id nope.');
    expect(fs.existsSync(path.join(dir, 'a.docx'))).toBe(false);
  });
});
