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
import { main } from '../../src/cli/main';
import { AS_OF, PROFILE, run, sampleDb } from './draft-helpers';

interface DraftJson {
  file: string;
  signoff: { file: string; marking: string };
  draft: string;
  warnings: string[];
  checks: {
    id: string;
    severity: string;
    message: string;
    messageId: string;
    params: Record<string, string | number>;
    lang: string;
    section: string | null;
  }[];
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
        '--languages',
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
    expect(Object.keys(out).sort()).toEqual([
      'checks',
      'draft',
      'file',
      'readability',
      'signoff',
      'warnings',
    ]);
    expect(out.file).toBe(path.join(dir, 'statement.docx'));
    expect(out.signoff).toEqual({ file: path.join(dir, 'statement.signoff.docx'), marking: 'PROTECTED' });
    expect(out.warnings).toEqual([]);
    expect(typeof out.readability.grade).toBe('number');
    expect(out.readability.grade).toBeGreaterThan(0);
    for (const c of out.checks) {
      expect(Object.keys(c).sort()).toEqual([
        'id',
        'lang',
        'message',
        'messageId',
        'params',
        'section',
        'severity',
      ]);
      expect(c.severity).toBe('warning');
    }
    // A valid .docx in both languages, marked DRAFT (nobody has approved it).
    const buffer = fs.readFileSync(out.file);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('Mail-in ballots are counted if they are postmarked by polling day');
    expect(text).toContain('Où trouver de l’information fiable');
    expect(text).toContain('elections.lakeshore.example');
    expect(await headerText(out.file)).toContain('DRAFT — NOT FOR RELEASE');
    // The sign-off record beside it names who drafted it; the release names nobody but the media contact.
    const record = (await mammoth.extractRawText({ buffer: fs.readFileSync(out.signoff.file) })).value;
    expect(record).toContain('Sign-off record');
    expect(text).not.toContain('Sign-off');

    // The plan and the draft are in the workspace, and the export is in the audit log.
    const app = openTestApp({ file });
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
        '--languages',
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
    // The placeholder checks say which field, in which language and section (here in English, the default).
    const website = out.checks.find((c) => c.params.field === 'organisation.website')!;
    expect(website).toMatchObject({
      messageId: 'checks:placeholder.missing',
      lang: 'fr',
      section: 'reliable-sources',
    });
    expect(website.message).toBe(
      'Missing: the organisation’s web address (French text, section “Where to find reliable information”). Add it in Settings → Organisation.',
    );
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
        ['draft', 'lk27-001', '--template', 'public-statement', '--languages', 'de', '--out', 'a.docx'],
        /--languages must be/,
      ],
      [
        ['draft', 'lk27-001', '--template', 'public-statement', '--lang', 'en,fr', '--out', 'a.docx'],
        /--languages/,
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
        '--languages',
        'en',
        '--out',
        out,
        '--json',
        '--as-of',
        AS_OF,
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, THRESHOLD_DB: file }, timeout: 55_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as DraftJson;
    expect(json.file).toBe(out);
    expect(json.checks.every((c) => c.severity === 'warning')).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('w:lang w:val="en-CA"');
  });

  it('speaks the person’s language with --lang (or THRESHOLD_LANG)', async () => {
    const { dir, file } = await sampleDb({ profile: false });
    const argv = [
      '--db',
      file,
      'draft',
      'lk27-001',
      '--template',
      'social-post',
      '--languages',
      'fr',
      '--out',
      'p.docx',
      '--json',
      '--as-of',
      AS_OF,
    ];
    const fr = JSON.parse((await run(['--lang', 'fr', ...argv], dir)).out) as DraftJson;
    const website = fr.checks.find((c) => c.params.field === 'organisation.website')!;
    expect(website.message).toBe(
      'Il manque l’adresse Web de l’organisation (texte en français, section «\u00a0Où trouver de l’information fiable\u00a0»). Ajoutez-la dans Paramètres → Organisation.',
    );
    const out: string[] = [];
    const code = await main(argv, {
      out: (t) => out.push(t),
      err: () => undefined,
      env: { THRESHOLD_LANG: 'fr' },
      cwd: dir,
    });
    expect(code).toBe(3);
    expect((JSON.parse(out.join('\n')) as DraftJson).checks[0]!.message).toMatch(/^Il manque /);
  });

  it('warns when a threat was first seen later than the plan is made', async () => {
    const { dir, file } = await sampleDb();
    const r = await run(
      [
        '--db',
        file,
        'draft',
        'lk27-013',
        '--template',
        'public-statement',
        '--out',
        's.docx',
        '--json',
        '--as-of',
        '2026-12-01T12:00:00Z',
      ],
      dir,
    );
    const out = JSON.parse(r.out) as DraftJson;
    expect(out.warnings).toEqual([
      'Threat lk27-013 was first seen on 2027-05-14T16:00:00Z, later than the time this plan is made (2026-12-01T12:00:00Z). Check its date: the timing is advised from its first-seen date.',
    ]);
    expect(r.err).toContain('threshold: warning: Threat lk27-013 was first seen');
  });
});

describe('threshold drafts', () => {
  it('refuses review while an error-level check fails, saying which; reviews and approves a clean draft', async () => {
    const { dir, file } = await sampleDb({ profile: false });
    const made = JSON.parse(
      (
        await run(
          [
            '--db',
            file,
            'draft',
            'lk27-001',
            '--template',
            'media-lines',
            '--out',
            'm.docx',
            '--json',
            '--as-of',
            AS_OF,
          ],
          dir,
        )
      ).out,
    ) as DraftJson;
    const refused = await run(
      ['--db', file, 'drafts', 'review', made.draft, '--by', 'Li Wei', '--role', 'Legal counsel'],
      dir,
    );
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/error-level check\(s\) must be fixed before the draft can be reviewed/);
    expect(refused.err).toContain('placeholder [en key-sources] Missing: the organisation’s web address');

    // With the organisation's details, the same kind of draft is clean: review, then approval by someone else.
    const { dir: dir2, file: file2 } = await sampleDb();
    const clean = JSON.parse(
      (
        await run(
          [
            '--db',
            file2,
            'draft',
            'lk27-001',
            '--template',
            'media-lines',
            '--out',
            'm.docx',
            '--json',
            '--as-of',
            AS_OF,
          ],
          dir2,
        )
      ).out,
    ) as DraftJson;
    expect(clean.checks.filter((c) => c.severity === 'error')).toEqual([]);
    const base = ['--db', file2, 'drafts'];
    expect(
      (await run([...base, 'review', clean.draft, '--by', 'Li Wei', '--role', 'Legal counsel'], dir2)).code,
    ).toBe(0);
    const self = await run([...base, 'approve', clean.draft, '--by', 'Li Wei', '--role', 'CEO'], dir2);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/second person/);
    const approved = await run(
      [...base, 'approve', clean.draft, '--by', 'Marie Gagnon', '--role', 'Chief Electoral Officer'],
      dir2,
    );
    expect(approved.out).toContain('is approved');
    const exported = await run([...base, 'export', clean.draft, '--out', 'final.docx'], dir2);
    expect(exported.code).toBe(0);
    expect(exported.out).not.toContain('DRAFT');
    const list = await run([...base, 'list', '--json'], dir2);
    expect((JSON.parse(list.out) as DraftSummary[])[0]).toMatchObject({
      id: clean.draft,
      status: 'approved',
    });
  });
});

describe('threshold profile', () => {
  it('shows the profile as JSON in the shape it sets, and refuses a bad one', async () => {
    const { dir, file } = await sampleDb({ profile: false });
    const shown = await run(['--db', file, 'profile', 'show', '--json'], dir);
    expect(JSON.parse(shown.out)).toEqual({
      name: { en: '', fr: '' },
      website: '',
      phone: '',
      mediaContact: { name: '', email: '', phone: '' },
    });
    const profile = { ...PROFILE, name: { en: 'Elections Lakeshore', fr: 'Élections Lakeshore' } };
    fs.writeFileSync(path.join(dir, 'profile.json'), JSON.stringify(profile));
    const set = await run(['--db', file, 'profile', 'set', 'profile.json'], dir);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('Complete.');
    expect(JSON.parse((await run(['--db', file, 'profile', 'show', '--json'], dir)).out)).toEqual(profile);
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...profile, website: 'nope' }));
    const bad = await run(['--db', file, 'profile', 'set', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('$.profile.website');
    expect(JSON.parse((await run(['--db', file, 'profile', 'show', '--json'], dir)).out)).toEqual(profile);
    const text = await run(['--db', file, 'profile', 'show'], dir);
    expect(text.out).toContain('Media contact:   Sam Okoro');
  });
});

describe('threshold import', () => {
  it('warns of threats first seen later than now', async () => {
    const { dir, file } = await sampleDb();
    const ws = {
      format: 'threshold-workspace/1',
      elections: [],
      threats: [
        {
          id: 'future-1',
          electionId: 'lakeshore-2027',
          title: 'A threat from the future',
          summary: 'Its first-seen year is a typo.',
          purpose: 'other',
          type: 'other',
          target: { kind: 'general-public' },
          time: { firstSeen: '2099-05-13T09:00:00Z' },
          place: { level: 'national' },
          source: { actor: 'unknown', confidence: 'low' },
          reach: { breakout: 1 },
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'ws.json'), JSON.stringify(ws));
    const r = await run(['--db', file, 'import', 'ws.json'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'warning: 1 threat(s) first seen later than now; check their dates: future-1 (2099-05-13T09:00:00Z).',
    );
  });
});
