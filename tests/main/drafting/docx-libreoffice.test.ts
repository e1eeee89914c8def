// LibreOffice opens what we write: a bilingual statement, a classified briefing note, and a document full of
// hostile text are converted to PDF, and the statement's headings become the PDF's bookmarks. Each run uses its own LibreOffice profile so parallel runs don't clash.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDraft, writeDocx } from '../../../src/main/drafting';
import { assessment, election, planFor, threat } from './fixtures';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'threshold-docx-'));
const profile = join(tmpdir(), `lo-${randomUUID()}`);
afterAll(() => {
  // KEEP_DOCX=1 keeps the documents and PDFs, to look at them.
  if (!process.env.KEEP_DOCX) rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe.skipIf(!hasSoffice)('LibreOffice opens the documents', () => {
  it('converts them to non-empty PDFs', { timeout: 120_000 }, async () => {
    const input = { threats: [threat()], election, assessment: assessment(), plan: planFor() };
    const meta = { documentId: 'THR-2027-0042', version: 1, date: '2027-05-05' };
    const hostile = renderDraft('public-statement', input);
    hostile.sections.en![1]!.text = `<script>&amp;\u0000\u0007\u001B\u202Eevil\u202C\u200B\uFEFF ${'long '.repeat(20_000)}`;
    hostile.sections.fr![1]!.heading = '\uD800]]><w:p>';
    const files = {
      statement: await writeDocx(renderDraft('public-statement', input), meta),
      briefing: await writeDocx(renderDraft('briefing-note', input), meta),
      hostile: await writeDocx(hostile, meta),
    };
    for (const [name, buffer] of Object.entries(files)) writeFileSync(join(dir, `${name}.docx`), buffer);
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...Object.keys(files).map((n) => join(dir, `${n}.docx`)),
      ],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    for (const name of Object.keys(files)) {
      const pdf = join(dir, `${name}.pdf`);
      expect(existsSync(pdf), `${name}.pdf`).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // The title and headings carry outline levels, so the PDF has bookmarks: each language's title, with
    // its headings under it (poppler's pdftohtml lists the outline).
    const outline = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', join(dir, 'statement.pdf')], {
      encoding: 'utf8',
    });
    expect(outline.status, outline.stderr).toBe(0);
    const items = [...outline.stdout.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
    expect(items).toEqual(
      expect.arrayContaining([
        'How to vote: the facts',
        'What is being done',
        'Media contact',
        'Comment voter\u00A0: les faits',
        'Ce qui est fait',
      ]),
    );
    expect(outline.stdout).toMatch(
      /<item page="\d+">How to vote: the facts<\/item>\s*<outline>\s*<item page="\d+">What is being done/,
    );
  });
});
