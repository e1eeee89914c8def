// `threshold draft` in-process and as a real process: the JSON it prints, its exit status (0, or 3 when an
// error-level check fails), and the Word document it writes, read back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/domain/audit';
import type { DraftSummary } from '../../src/shared/domain/drafting-records';
import { openTestApp, REPO_ROOT } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { AS_OF, run, sampleDb } from './draft-helpers';

interface DraftJson {
  file: string;
  checks: { id: string; severity: string; message: string }[];
  readability: { grade: number };
}

async function headerText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join(' ');
}

describe('threshold draft', () => {
  it('writes the document and prints the checks as JSON; exit 0 when no error-level check fails', async () => {
    const { dir, file } = await sampleDb();
    const r = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-001',
        '--template',
        'public-statement',
        '--lang',
        'en,fr',
        '--out',
        'statement.docx',
        '--json',
        '--as-of',
        AS_OF,
      ],
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as DraftJson;
    expect(Object.keys(out).sort()).toEqual(['checks', 'file', 'readability']);
    expect(out.file).toBe(path.join(dir, 'statement.docx'));
    expect(typeof out.readability.grade).toBe('number');
    expect(out.readability.grade).toBeGreaterThan(0);
    for (const c of out.checks) {
      expect(Object.keys(c).sort()).toEqual(['id', 'message', 'severity']);
      expect(c.severity).toBe('warning');
    }
    // A valid .docx in both languages, marked DRAFT (nobody has approved it).
    const buffer = fs.readFileSync(out.file);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('Mail-in ballots postmarked on or before polling day');
    expect(text).toContain('Où trouver de l’information fiable');
    expect(text).toContain('elections.lakeshore.example');
    expect(await headerText(out.file)).toContain('DRAFT — NOT FOR RELEASE');

    // The plan and the draft are in the workspace, and the export is in the audit log.
    const app = await openTestApp({ file });
    const { drafts } = await app.call<{ drafts: DraftSummary[] }>('drafting:list', { threatId: 'lk27-001' });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      template: 'public-statement',
      languages: ['en', 'fr'],
      status: 'draft',
    });
    const audit = await app.call<AuditPage>('audit:list', { subject: `draft:${drafts[0]!.id}` });
    expect(audit.entries.map((e) => e.action)).toEqual(['draft.exported', 'draft.created']);
  });

  it('exits 3 when an error-level check fails, with the file still written and marked DRAFT', async () => {
    // No organisation profile: the web address, phone and media contact are placeholders.
    const { dir, file } = await sampleDb({ profile: false });
    const r = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-001',
        '--template',
        'social-post',
        '--lang',
        'fr',
        '--out',
        'post.docx',
        '--json',
        '--as-of',
        AS_OF,
      ],
      dir,
    );
    expect(r.code).toBe(3);
    const out = JSON.parse(r.out) as DraftJson;
    expect(out.checks.filter((c) => c.severity === 'error').map((c) => c.id)).toContain('placeholder');
    expect(out.checks[0]!.severity).toBe('error');
    expect(fs.existsSync(out.file)).toBe(true);
    const header = await headerText(out.file);
    expect(header).toContain('ÉBAUCHE — NE PAS DIFFUSER');
    expect(header).not.toContain('NOT FOR RELEASE');
    expect((await mammoth.extractRawText({ buffer: fs.readFileSync(out.file) })).value).toContain(
      'À COMPLÉTER',
    );
  });

  it('drafts one text about a cluster with --cluster, and refuses several ids without it', async () => {
    const { dir, file } = await sampleDb();
    const refused = await run(
      ['--db', file, 'draft', 'lk27-006', 'lk27-007', '--template', 'media-lines', '--out', 'x.docx'],
      dir,
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--cluster/);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);

    const r = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-006',
        'lk27-007',
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
    expect([0, 3]).toContain(r.code);
    expect(r.out).toMatch(/^Wrote .*note\.docx/);
    const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(path.join(dir, 'note.docx')) }))
      .value;
    expect(text).toContain('lk27-006');
    expect(text).toContain('lk27-007');
  });

  it('explains usage mistakes with exit 2 and unknown threats with exit 1', async () => {
    const { dir, file } = await sampleDb();
    const cases: [string[], RegExp][] = [
      [['draft', '--template', 'public-statement', '--out', 'a.docx'], /name the threat/],
      [['draft', 'lk27-001', '--out', 'a.docx'], /--template is required/],
      [['draft', 'lk27-001', '--template', 'press-release', '--out', 'a.docx'], /--template must be one of/],
      [['draft', 'lk27-001', '--template', 'public-statement'], /--out FILE\.docx is required/],
      [['draft', 'lk27-001', '--template', 'public-statement', '--out', 'a.pdf'], /\.docx/],
      [
        ['draft', 'lk27-001', '--template', 'public-statement', '--lang', 'de', '--out', 'a.docx'],
        /--lang must be/,
      ],
      [
        ['draft', 'lk27-001', '--template', 'public-statement', '--out', 'a.docx', '--as-of', 'May 12'],
        /--as-of/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(['--db', file, ...argv], dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    const unknown = await run(
      ['--db', file, 'draft', 'nope', '--template', 'public-statement', '--out', 'a.docx'],
      dir,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no threat with id nope/);
    const help = await run(['draft', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--cluster');
  });

  it('runs as a real process through bin/threshold.mjs', { timeout: 60_000 }, async () => {
    const { dir, file } = await sampleDb();
    const out = path.join(dir, 'real.docx');
    const result = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin/threshold.mjs'),
        'draft',
        'lk27-013',
        '--template',
        'public-statement',
        '--lang',
        'en',
        '--out',
        out,
        '--json',
        '--as-of',
        AS_OF,
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, ...cliEnv(), THRESHOLD_DB: file }, timeout: 55_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as DraftJson;
    expect(json.file).toBe(out);
    expect(json.checks.every((c) => c.severity === 'warning')).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('w:lang w:val="en-CA"');
  });
});
