import { describe, expect, it } from 'vitest';
import { renderDraft, writeDocx } from '../../../src/main/drafting';
import type { Draft } from '../../../src/shared/domain/drafting';
import { assessment, election, planFor, threat } from './fixtures';
import { docxHtml, docxText, readDocx, xmlText } from './docx-helpers';

const META = { documentId: 'THR-2027-0042', version: 3, date: '2027-05-05' };
const statement = () =>
  renderDraft('public-statement', {
    threats: [threat()],
    election,
    assessment: assessment(),
    plan: planFor(),
  });
const briefing = () =>
  renderDraft('briefing-note', { threats: [threat()], election, assessment: assessment(), plan: planFor() });
const approve = (d: Draft): Draft => ({
  ...d,
  status: 'approved',
  approvals: {
    drafted: { name: 'Alex Tremblay', role: 'Communications advisor', date: '2027-05-05' },
    reviewed: { name: 'Morgan Lee', role: 'Legal counsel', date: '2027-05-05' },
    approved: { name: 'Chris Singh', role: 'Chief Electoral Officer', date: '2027-05-06' },
  },
});

describe('writeDocx: a bilingual public statement', async () => {
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

  it('puts each language in its own section, with language set on every run and in the styles', () => {
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(2);
    const langs = [...parts.document.matchAll(/<w:lang w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(new Set(langs)).toEqual(new Set(['en-CA', 'fr-CA']));
    // The French section's runs are all fr-CA: take the text after the first section break.
    const french = parts.document.slice(parts.document.indexOf('</w:sectPr>'));
    expect(french).not.toContain('w:val="en-CA"');
    expect(parts.styles).toMatch(/<w:docDefaults>.*<w:lang w:val="en-CA"\/>.*<\/w:docDefaults>/s);
    expect(parts.core).toContain('<dc:language>en-CA</dc:language>');
  });

  it('uses real Word styles: Title, Subtitle, Heading 1 and Normal paragraphs', async () => {
    for (const id of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'Marking', 'BlockLine', 'Placeholder'])
      expect(parts.styles).toContain(`w:styleId="${id}"`);
    expect(parts.document).toContain('<w:pStyle w:val="Title"/>');
    expect(parts.document).toContain('<w:pStyle w:val="Heading1"/>');
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
      footers.some(
        (f) =>
          f.startsWith('UNCLASSIFIED — DRAFT — NOT FOR RELEASE') &&
          f.includes('THR-2027-0042 · Version 3 · 2027-05-05 · Page '),
      ),
    ).toBe(true);
    expect(footers.some((f) => f.includes(' de '))).toBe(true);
    for (const f of parts.footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('NUMPAGES');
    }
  });

  it('has an approval block with drafted, reviewed and approved rows and a header row', () => {
    const text = xmlText(parts.document);
    for (const s of [
      'Approval',
      'Drafted by',
      'Reviewed by',
      'Approved by',
      'Approbation',
      'Rédigé par',
      'Approuvé par',
    ])
      expect(text).toContain(s);
    expect(parts.document).toContain('<w:tblHeader/>');
  });

  it('records title, subject, keywords and creator in the core properties', () => {
    expect(parts.core).toContain('<dc:title>How to vote: the facts</dc:title>');
    expect(parts.core).toContain('<dc:subject>Public statement / Déclaration publique</dc:subject>');
    expect(parts.core).toMatch(
      /<cp:keywords>election; public-statement; UNCLASSIFIED; lk27-001<\/cp:keywords>/,
    );
    expect(parts.core).toContain('<dc:creator>Threshold</dc:creator>');
    expect(parts.core).toContain('<cp:revision>3</cp:revision>');
  });
});

describe('writeDocx: markings and options', () => {
  it('drops the draft marking once the text is approved, and fills the approval block', async () => {
    const buffer = await writeDocx(approve(statement()), META);
    const parts = await readDocx(buffer);
    expect(parts.headers.map(xmlText)).toEqual(expect.arrayContaining(['UNCLASSIFIED', 'NON CLASSIFIÉ']));
    expect(parts.headers.concat(parts.footers).join('')).not.toMatch(/DRAFT|ÉBAUCHE/);
    const text = await docxText(buffer);
    expect(text).toContain('Chris Singh');
    expect(text).toContain('Chief Electoral Officer');
  });

  it('marks a briefing note with the highest classification it quotes, and never for release', async () => {
    const draft = await readDocx(await writeDocx(briefing(), { ...META, languages: ['en'] }));
    expect(draft.headers.map(xmlText)).toEqual(['SECRET — DRAFT — NOT FOR RELEASE']);
    const approved = await readDocx(await writeDocx(approve(briefing()), { ...META, languages: ['en'] }));
    expect(approved.headers.map(xmlText)).toEqual(['SECRET — INTERNAL — NOT FOR RELEASE']);
    expect(approved.footers.map(xmlText)[0]).toMatch(/^SECRET — INTERNAL — NOT FOR RELEASE/);
    expect(approved.core).toContain('SECRET');
  });

  it('exports one language, with the language tag asked for', async () => {
    const parts = await readDocx(
      await writeDocx(statement(), { ...META, languages: ['fr'], languageTags: { fr: 'fr-FR' } }),
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
    });
    const parts = await readDocx(await writeDocx(d, META));
    expect(parts.document).toMatch(
      /<w:rStyle w:val="Placeholder"\/>.*?<w:t[^>]*>\[TRANSLATION NEEDED\u00A0: fait 1\]<\/w:t>/s,
    );
  });

  it('refuses to export none of the draft’s languages', async () => {
    await expect(
      writeDocx({ ...statement(), languages: ['en'] }, { ...META, languages: ['fr'] }),
    ).rejects.toThrow(/Nothing to export/);
  });
});

describe('writeDocx: hostile text', () => {
  it('strips what XML forbids and escapes the rest, even in a 100,000-character field', async () => {
    const hostile =
      'Start <w:t>&amp; "quoted" \u0000\u0001\u0008\u000B\u001F\uFFFE\uD800 \u202Eevil\u202C ' +
      '\u200Bzero\u2066 end';
    const d = statement();
    d.sections.en![1]!.text = hostile;
    d.sections.en![2]!.text = 'x'.repeat(100_000);
    d.sections.en![3]!.heading = '</w:p><w:p>';
    const parts = await readDocx(await writeDocx(d, { ...META, documentId: 'ID <&> \u0007' }));
    expect(parts.document).toContain('Start &lt;w:t&gt;&amp;amp; &quot;quoted&quot;  evil zero end');
    expect(parts.document).toContain('&lt;/w:p&gt;&lt;w:p&gt;');
    expect(parts.document).toContain('x'.repeat(100_000));

    for (const xml of [parts.document, ...parts.footers])
      expect(xml).not.toMatch(
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u200B]/,
      );
    expect(parts.footers.map(xmlText).join('')).toContain('ID &lt;&amp;&gt;');
  });
});
