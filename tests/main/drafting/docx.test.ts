import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDraft, writeDocx } from '../../../src/main/drafting';
import { writeSignoffRecord } from '../../../src/main/drafting/docx/signoff-record';
import type { Draft } from '../../../src/shared/domain/drafting';
import type { OrganisationProfile } from '../../../src/shared/domain/organisation';
import { PROFILE } from '../../fixtures/organisation';
import { assessment, election, planFor, threat } from './fixtures';
import { docxHtml, docxText, readDocx, xmlText } from './docx-helpers';

/** A 2×1 red PNG. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwQZYAwAW9QF+0sLJ7MAAAAASUVORK5CYII=';
const ORG: OrganisationProfile = { ...PROFILE, logo: LOGO };
const META = { date: '2027-05-05', organisation: ORG };
const STAFF = ['Alex Tremblay', 'Morgan Lee', 'Chris Singh', 'Communications advisor', 'Legal counsel'];

const statement = () =>
  renderDraft('public-statement', {
    threats: [threat()],
    election,
    assessment: assessment(),
    plan: planFor(),
    organisation: ORG,
  });
const briefing = () =>
  renderDraft('briefing-note', {
    threats: [threat()],
    election,
    assessment: assessment(),
    plan: planFor(),
    organisation: ORG,
  });
const approve = (d: Draft): Draft => ({
  ...d,
  status: 'approved',
  approvals: {
    drafted: { name: 'Alex Tremblay', role: 'Communications advisor', date: '2027-05-05' },
    reviewed: { name: 'Morgan Lee', role: 'Legal counsel', date: '2027-05-05' },
    approved: { name: 'Chris Singh', role: 'Chief Electoral Officer', date: '2027-05-06' },
  },
});

/** Every XML part of the package, by name. */
async function xmlParts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels')))
    out[name] = await zip.file(name)!.async('string');
  return out;
}

describe('writeDocx: a bilingual public statement, as a release', async () => {
  const buffer = await writeDocx(statement(), META);
  const parts = await readDocx(buffer);

  it('is a .docx that mammoth reads, with both languages in order', async () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(buffer);
    const en = text.indexOf('How to vote: the facts');
    const fr = text.indexOf('Comment voter\u00A0: les faits');
    expect(en).toBeGreaterThanOrEqual(0);
    expect(fr).toBeGreaterThan(en);
    expect(text).toContain('A false claim is circulating.');
    expect(text).toContain('Une fausse information circule.');
  });

  it('looks like a release: name, logo, FOR IMMEDIATE RELEASE, dateline, media contact, -30-', async () => {
    // (A date's day stays on the line of its month: a no-break space joins them.)
    const text = await docxText(buffer);
    expect(text).toMatch(
      /Elections Lakeshore\s+FOR IMMEDIATE RELEASE\s+How to vote: the facts\s+Province of Lakeshore, Canada, May\u00A05, 2027 — Mail-in ballots are counted/,
    );
    expect(text).toMatch(
      /Élections Lakeshore\s+POUR DIFFUSION IMMÉDIATE\s+Comment voter\u00A0: les faits\s+Province du Lakeshore, le 5\u00A0mai 2027 — Les bulletins postaux sont comptés/,
    );
    expect(text).toMatch(/Sam Okoro\s+Media relations, Elections Lakeshore/);
    expect(text.match(/^-30-$/gm)).toHaveLength(2);
    // "-30-" ends the text; the media contact follows it, as in Canadian news releases.
    expect(text).toMatch(/-30-\s+Media contact\s+Sam Okoro/);
    expect(text).toMatch(/-30-\s+Personne-ressource pour les médias\s+Sam Okoro/);
    // The logo, once per language, with the organisation's name as its alternative text.
    expect(parts.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    expect(parts.document).toContain('descr="Elections Lakeshore logo"');
    expect(parts.document).toContain('descr="Logo d’Élections Lakeshore"');
    // Without the end mark or the logo, neither is printed.
    const plain = await writeDocx(statement(), {
      date: META.date,
      organisation: { ...PROFILE, endMark: false },
    });
    expect(await docxText(plain)).not.toContain('-30-');
    expect((await readDocx(plain)).files.filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });

  it('puts each language in its own section, with language set on every run and in the styles', () => {
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(2);
    const langs = [...parts.document.matchAll(/<w:lang w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(new Set(langs)).toEqual(new Set(['en-CA', 'fr-CA']));
    // The French section's runs are all fr-CA: take the paragraphs after the one that ends the first section.
    const french = parts.document.slice(
      parts.document.indexOf('</w:p>', parts.document.indexOf('</w:sectPr>')),
    );
    expect(french).not.toContain('w:val="en-CA"');
    expect(parts.styles).toMatch(/<w:docDefaults>.*<w:lang w:val="en-CA"\/>.*<\/w:docDefaults>/s);
    expect(parts.core).toContain('<dc:language>en-CA</dc:language>');
  });

  it('uses real Word styles, with outline levels for the title and headings', async () => {
    for (const id of [
      'Title',
      'Heading1',
      'Heading2',
      'Marking',
      'BlockLine',
      'Placeholder',
      'Organisation',
      'ReleaseLine',
      'EndMark',
    ])
      expect(parts.styles).toContain(`w:styleId="${id}"`);
    const style = (id: string) =>
      parts.styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';
    expect(style('Title')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="2"/>');
    expect(parts.document).toContain('<w:pStyle w:val="Title"/>');
    expect(parts.document).toContain('<w:outlineLvl w:val="1"/>');
    const html = await docxHtml(buffer);
    expect(html).toContain('<h1>What is being done</h1>');
    expect(html).toContain('<h1>Ce qui est fait</h1>');
  });

  it('marks every header and footer UNCLASSIFIED and DRAFT — NOT FOR RELEASE, in the section’s language', () => {
    const headers = parts.headers.map(xmlText);
    expect(headers).toEqual(
      expect.arrayContaining([
        'UNCLASSIFIED — DRAFT — NOT FOR RELEASE',
        'NON CLASSIFIÉ — ÉBAUCHE — NE PAS DIFFUSER',
      ]),
    );
    const footers = parts.footers.map(xmlText);
    expect(
      footers.some((f) => f.startsWith('UNCLASSIFIED — DRAFT — NOT FOR RELEASE') && f.includes('Page ')),
    ).toBe(true);
    // "Page 3 sur 4" in French ("de" is an anglicism here).
    expect(footers.some((f) => f.includes('NON CLASSIFIÉ') && f.includes('Page  sur '))).toBe(true);
    expect(footers.some((f) => f.includes(' de '))).toBe(false);
    for (const f of parts.footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('NUMPAGES');
    }
  });

  it('names no staff, carries no internal ids, and no comment or revision data', async () => {
    const approved = await writeDocx(approve(statement()), META);
    const all = Object.entries(await xmlParts(approved));
    const names = all.map(([n]) => n);
    expect(names).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/comments|people|commentsExtended/)]),
    );
    for (const [name, xml] of all) {
      for (const who of STAFF) expect(xml, `${who} in ${name}`).not.toContain(who);
      for (const id of ['lk27-001', 'THR-', 'plan ', 'draft', 'Threshold workspace'])
        expect(xml, `${id} in ${name}`).not.toContain(id);
      expect(xml, name).not.toMatch(
        /<w:ins\b|<w:del\b|<w:commentReference|w:rsid|<w:trackRevisions|<cp:revision>/,
      );
    }
    const core = all.find(([n]) => n === 'docProps/core.xml')![1];
    expect(core).toContain('<dc:creator>Elections Lakeshore</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Elections Lakeshore</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>How to vote: the facts</dc:title>');
    expect(core).toContain('<dc:subject>Public statement / Déclaration publique</dc:subject>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2027-05-05T00:00:00Z</dcterms:created>',
    );
    expect(core).not.toContain('<cp:keywords>');
    const app = all.find(([n]) => n === 'docProps/app.xml')![1];
    expect(app).toContain('<Company>Elections Lakeshore</Company>');
    expect(all.find(([n]) => n === 'docProps/custom.xml')![1]).not.toContain('<property');
  });
});

describe('writeDocx: markings and options', () => {
  it('raises the ending of “1er” in French, and only there', async () => {
    const parts = await readDocx(await writeDocx(statement(), { ...META, date: '2027-06-01' }));
    const raised = [...parts.document.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/gs)]
      .map((m) => m[1]!)
      .filter((r) => r.includes('<w:vertAlign w:val="superscript"/>'));
    expect(raised.map(xmlText)).toEqual(['er']);
    expect(raised[0]).toContain('w:val="fr-CA"');
    expect(await docxText(await writeDocx(statement(), { ...META, date: '2027-06-01' }))).toMatch(
      /Province du Lakeshore, le 1er\u00A0juin 2027 — /,
    );
  });

  it('drops every marking once a public text is approved', async () => {
    const parts = await readDocx(await writeDocx(approve(statement()), META));
    expect(parts.headers.concat(parts.footers).map(xmlText).join('')).not.toMatch(
      /DRAFT|ÉBAUCHE|CLASSIFIED|CLASSIFIÉ/,
    );
  });

  it('marks a briefing note with the highest classification it quotes, and never for release', async () => {
    const draft = await readDocx(await writeDocx(briefing(), { ...META, languages: ['en'] }));
    expect(draft.headers.map(xmlText)).toEqual(['SECRET — DRAFT — NOT FOR RELEASE']);
    const approved = await readDocx(await writeDocx(approve(briefing()), { ...META, languages: ['en'] }));
    expect(approved.headers.map(xmlText)).toEqual(['SECRET — INTERNAL — NOT FOR RELEASE']);
    expect(approved.footers.map(xmlText)[0]).toMatch(/^SECRET — INTERNAL — NOT FOR RELEASE/);
    expect(xmlText(approved.document)).not.toContain('FOR IMMEDIATE RELEASE');
  });

  it('tags a quoted note with its own language inside the French section', async () => {
    const parts = await readDocx(await writeDocx(briefing(), { ...META, languages: ['fr'] }));
    expect(parts.document).toMatch(
      /<w:lang w:val="fr-CA"\/><\/w:rPr><w:t[^>]*>\(SECRET\) <\/w:t>[\s\S]*?<w:lang w:val="en-CA"\/><\/w:rPr><w:t[^>]*>Registrar records/,
    );
  });

  it('exports one language, tagged with the organisation’s variety', async () => {
    const parts = await readDocx(
      await writeDocx(statement(), {
        ...META,
        languages: ['fr'],
        organisation: { ...ORG, variety: { en: 'en-GB', fr: 'fr-FR' } },
      }),
    );
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(1);
    expect(new Set([...parts.document.matchAll(/<w:lang w:val="([^"]+)"\/>/g)].map((m) => m[1]))).toEqual(
      new Set(['fr-FR']),
    );
    expect(parts.core).toContain('<dc:language>fr-FR</dc:language>');
    expect(xmlText(parts.document)).not.toContain('How to vote');
  });

  it('highlights placeholders so nobody misses them', async () => {
    const untranslated = threat({ translations: {} });
    const d = renderDraft('public-statement', {
      threats: [untranslated],
      election,
      assessment: assessment(),
      plan: planFor([untranslated]),
      organisation: ORG,
    });
    const parts = await readDocx(await writeDocx(d, META));
    expect(parts.document).toMatch(
      /<w:rStyle w:val="Placeholder"\/>.*?<w:t[^>]*>\[TRADUCTION NÉCESSAIRE\u00A0: fait 1\]<\/w:t>/s,
    );
  });

  it('refuses to export none of the draft’s languages', async () => {
    await expect(
      writeDocx({ ...statement(), languages: ['en'] }, { ...META, languages: ['fr'] }),
    ).rejects.toThrow(/Nothing to export/);
  });
});

describe('the sign-off record', () => {
  const record = async (d: Draft, notes: 'UNCLASSIFIED' | 'TOP SECRET') =>
    writeSignoffRecord({
      draft: d,
      draftId: 'D-20270505-abc123',
      version: 3,
      planId: 'P-20270505-def456',
      planVersion: 2,
      threats: [{ id: 'lk27-001', title: threat().title, version: 4, classification: notes }],
      report: { checks: [], readability: { target: 8, grade: 6, byLanguage: {} }, errors: 0, warnings: 1 },
      textHash: 'f'.repeat(64),
      releaseFile: 'elections-lakeshore-public-statement-2027-05-05.docx',
      languages: ['en', 'fr'],
      date: '2027-05-05',
      organisation: ORG,
    });

  it('holds who drafted, reviewed and approved, in a table with a marked header row', async () => {
    const { buffer, marking } = await record(approve(statement()), 'UNCLASSIFIED');
    expect(marking).toBe('UNCLASSIFIED');
    const parts = await readDocx(buffer);
    const text = xmlText(parts.document);
    for (const s of [
      'Sign-off record',
      'Drafted by',
      'Reviewed by',
      'Approved by',
      'Chris Singh',
      'Legal counsel',
    ])
      expect(text).toContain(s);
    for (const s of [
      'D-20270505-abc123, version 3',
      'P-20270505-def456, version 2',
      'lk27-001',
      'f'.repeat(64),
    ])
      expect(text).toContain(s);
    expect(parts.document.match(/<w:tblHeader\/>/g)!.length).toBe(3);
    expect(parts.headers.map(xmlText)).toEqual(['UNCLASSIFIED — INTERNAL — NOT FOR RELEASE']);
  });

  it('is marked with the highest classification of what it cites', async () => {
    const { buffer, marking } = await record(statement(), 'TOP SECRET');
    expect(marking).toBe('TOP SECRET');
    const parts = await readDocx(buffer);
    expect(parts.headers.map(xmlText)).toEqual(['TOP SECRET — INTERNAL — NOT FOR RELEASE']);
    expect(xmlText(parts.document)).toContain('Marked TOP SECRET: the highest classification of the text');
    const note = await record(briefing(), 'UNCLASSIFIED');
    expect(note.marking).toBe('SECRET');
  });
});

describe('writeDocx: hostile text', () => {
  it('strips what XML forbids and escapes the rest, even in a 100,000-character field', async () => {
    const hostile =
      'Start <w:t>&amp; "quoted" \u0000\u0001\u0008\u000B\u001F\uFFFE\uD800 \u202Eevil\u202C ' +
      '\u200Bzero\u2066 end';
    const d = statement();
    d.sections.en![2]!.text = hostile;
    d.sections.en![3]!.text = 'x'.repeat(100_000);
    d.sections.en![4]!.heading = '</w:p><w:p>';
    const parts = await readDocx(
      await writeDocx(d, { ...META, organisation: { ...ORG, name: { en: 'Org <&> \u0007', fr: 'Org' } } }),
    );
    expect(parts.document).toContain('Start &lt;w:t&gt;&amp;amp; &quot;quoted&quot;  evil zero end');
    expect(parts.document).toContain('&lt;/w:p&gt;&lt;w:p&gt;');
    expect(parts.document).toContain('x'.repeat(100_000));
    expect(parts.core).toContain('<dc:creator>Org &lt;&amp;&gt; </dc:creator>');
    for (const xml of [parts.document, ...parts.footers, parts.core])
      expect(xml).not.toMatch(
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u200B]/,
      );
  });
});
