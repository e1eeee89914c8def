// LibreOffice opens what `threshold draft` writes: a bilingual public statement and a classified briefing note
// about a cluster, converted to PDF with their own LibreOffice profile (so parallel runs don't clash).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, run, sampleDb } from './draft-helpers';

const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
afterAll(() => fs.rmSync(profile, { recursive: true, force: true }));

describe('threshold draft → LibreOffice', () => {
  it('converts the documents the CLI writes to PDF', { timeout: 150_000 }, async () => {
    expect(
      spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status,
      'LibreOffice (soffice) is needed to look at the documents',
    ).toBe(0);
    const { dir, file } = await sampleDb();
    const statement = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-001',
        '--template',
        'public-statement',
        '--languages',
        'en,fr',
        '--out',
        'statement.docx',
        '--as-of',
        AS_OF,
      ],
      dir,
    );
    expect(statement.code, statement.err).toBe(0);
    const note = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-004',
        'lk27-016',
        '--cluster',
        '--template',
        'briefing-note',
        '--out',
        'note.docx',
        '--as-of',
        AS_OF,
      ],
      dir,
    );
    expect([0, 3]).toContain(note.code);
    const docs = ['statement.docx', 'note.docx'].map((f) => path.join(dir, f));
    const result = spawnSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...docs,
      ],
      {
        encoding: 'utf8',
        timeout: 140_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    for (const doc of docs) {
      const pdf = doc.replace(/\.docx$/, '.pdf');
      expect(fs.existsSync(pdf), pdf).toBe(true);
      expect(fs.statSync(pdf).size).toBeGreaterThan(2000);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // KEEP_DOCX=1 keeps a copy to look at.
    if (process.env.KEEP_DOCX)
      for (const f of ['statement', 'note'])
        fs.copyFileSync(path.join(dir, `${f}.pdf`), path.join(os.tmpdir(), `threshold-cli-${f}.pdf`));
  });
});
