// Bad input in drafts: hostile text (control characters, XML specials, bidi overrides, zero-width
// characters, 100,000-character fields) still makes .docx files that LibreOffice opens; and invisible or
// look-alike characters do not get a classified sentence past the classified-content check. The drafting
// tests already cover zero-width spaces, Cyrillic/Greek look-alikes and full-width letters; these are the
// tricks they lacked (three of them got through before the fix: Hangul fillers, Latin small capitals,
// Armenian letters).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDraft, writeDocx } from '../../src/main/drafting';
import type { Draft } from '../../src/shared/domain/drafting';
import { tempDir } from '../helpers/db';
import { CLASSIFIED_SENTENCE, assessment, election, planFor, threat } from '../main/drafting/fixtures';
import { checksOf } from '../main/drafting/checks/draft-of';
import { recordFigures } from './helpers';

const tally = { tricks: 0, disguised: 0, hostileDocs: 0 };

/** Disguises that keep a sentence reading the same to a person. */
const TRICKS: Record<string, (s: string) => string> = {
  'Hangul filler U+3164 inside words': (s) => s.replace(/(\w{3})(\w)/g, '$1\u3164$2'),
  'halfwidth Hangul filler U+FFA0': (s) => s.replace(/(\w{3})(\w)/g, '$1\uFFA0$2'),
  'Hangul choseong filler U+115F': (s) => s.replace(/(\w{2})(\w)/g, '$1\u115F$2'),
  'Hangul jungseong filler U+1160': (s) => s.replace(/(\w{4})(\w)/g, '$1\u1160$2'),
  'combining grapheme joiner U+034F': (s) => s.replace(/(\w)/g, '$1\u034F'),
  'variation selectors': (s) => s.replace(/(\w)/g, '$1\uFE0F'),
  'tag characters': (s) => s.replace(/(\w{3})(\w)/g, '$1\u{E0020}$2'),
  'Mongolian vowel separator': (s) => s.replace(/(\w{3})(\w)/g, '$1\u180E$2'),
  'word joiner and invisible operators': (s) => s.replace(/(\w{2})(\w)/g, '$1\u2060\u2062\u2063\u2064$2'),
  'right-to-left override inside words': (s) => s.replace(/(\w{3})(\w)/g, '$1\u202E$2'),
  'bidi isolates around words': (s) => s.replace(/(\w+)/g, '\u2066$1\u2069'),
  'left-to-right and right-to-left marks': (s) => s.replace(/(\w{3})(\w)/g, '$1\u200E\u200F$2'),
  'soft hyphens': (s) => s.replace(/(\w{3})(\w)/g, '$1\u00AD$2'),
  'Armenian o, u, h, n': (s) =>
    s.replace(/o/g, '\u0585').replace(/u/g, '\u057D').replace(/h/g, '\u0570').replace(/n/g, '\u0578'),
  'Latin small capitals': (s) => s.replace(/r/g, '\u0280').replace(/o/g, '\u1D0F').replace(/e/g, '\u1D07'),
  'Latin alpha': (s) => s.replace(/a/g, '\u0251'),
  'mathematical bold letters': (s) =>
    [...s]
      .map((c) =>
        /[a-z]/.test(c)
          ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97)
          : /[A-Z]/.test(c)
            ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65)
            : c,
      )
      .join(''),
  'circled letters': (s) =>
    [...s].map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(0x24d0 + c.charCodeAt(0) - 97) : c)).join(''),
  'ideographic and thin spaces': (s) =>
    s.replace(/ /g, () => ['\u3000', '\u2009', '\u202F', '\u205F'][Math.floor(Math.random() * 4)]!),
  'line and paragraph separators': (s) => s.replace(/ /g, '\u2028'),
  'decomposed accents on every letter': (s) => s.replace(/([a-z])/g, '$1\u0301'),
  'dotless i and Roman numeral i': (s) => s.replace(/i/g, (_m, at: number) => (at % 2 ? '\u0131' : '\u2170')),
};

const classifiedFlagged = (text: string) =>
  checksOf('classified-content', `Voters should check the facts. ${text} Thank you.`).length > 0;

describe('classified-content against invisible and look-alike characters', () => {
  for (const [name, trick] of Object.entries(TRICKS)) {
    it(`catches the classified sentence disguised with ${name}`, () => {
      tally.tricks++;
      expect(classifiedFlagged(trick(CLASSIFIED_SENTENCE))).toBe(true);
      // ...and the same disguise on an ordinary sentence raises nothing.
      expect(
        checksOf('classified-content', trick('Mail-in ballots are counted if they arrive by May 24.')),
      ).toEqual([]);
    });
  }

  it('catches any combination of three disguises (property)', () => {
    const names = Object.keys(TRICKS);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (chosen, upper) => {
          let text = upper ? CLASSIFIED_SENTENCE.toUpperCase() : CLASSIFIED_SENTENCE;
          for (const n of chosen) text = TRICKS[n]!(text);
          tally.disguised++;
          expect(classifiedFlagged(text), chosen.join(' + ')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The draft's words folded independently of the code under test, to look for the note in a document. */
function fold(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

describe('hostile text makes valid Word documents', () => {
  const HOSTILE_PIECES = [
    '\u0000',
    '\u0007',
    '\u001B[31m',
    '\u000B\u000C',
    '\u0085',
    '\uFFFE',
    '\uFFFF',
    '\uD800',
    '<w:p>',
    ']]>',
    '&amp;',
    '&#0;',
    '"\'<>&',
    '<?xml version="1.0"?>',
    '\u202Eevil\u202C',
    '\u2066\u2067',
    '\u200B\u200C\u200D\u2060\uFEFF',
    '\u3164',
    '👩🏽‍⚖️',
    'ǅ',
    '\r\n',
    '\t',
  ];
  const hostileText = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 40 })), {
      minLength: 1,
      maxLength: 40,
    })
    .map((parts) => parts.join(''));

  it(
    'writes .docx files that unzip, read back, and that LibreOffice converts to PDF',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('trust-docx-');
      const input = { threats: [threat()], election, assessment: assessment(), plan: planFor() };
      const meta = { documentId: 'THR-2027-TRUST', version: 1, date: '2027-05-05' };
      const drafts: [string, Draft][] = [];
      const long = `${'A hundred thousand characters of text, to stress the writer. '.repeat(1700)}`.slice(
        0,
        100_000,
      );
      expect(long).toHaveLength(100_000);
      const samples = fc.sample(fc.tuple(hostileText, hostileText, hostileText), { numRuns: 6, seed: 42 });
      samples.forEach(([a, b, c], i) => {
        const d = renderDraft(i % 2 ? 'public-statement' : 'media-lines', input);
        const en = d.sections.en!;
        en[0]!.text = a;
        en[1]!.text = `${b} ${i === 0 ? long : ''}`;
        en[1]!.heading = c;
        if (d.sections.fr) d.sections.fr[0]!.text = `${c}${i === 1 ? long : ''}`;
        d.title = { en: b.slice(0, 200), fr: a.slice(0, 200) };
        drafts.push([`hostile-${i}`, d]);
      });
      // A classified sentence written backwards inside a right-to-left override would display forwards.
      const reversed = renderDraft('public-statement', input);
      reversed.sections.en![0]!.text = `\u202E${[...CLASSIFIED_SENTENCE].reverse().join('')}\u202C`;
      drafts.push(['rlo-reversed', reversed]);

      for (const [name, draft] of drafts) {
        const buffer = await writeDocx(draft, meta);
        fs.writeFileSync(path.join(dir, `${name}.docx`), buffer);
        const zip = await JSZip.loadAsync(buffer);
        const xml = await zip.file('word/document.xml')!.async('string');
        // Nothing XML 1.0 forbids, and no bidi controls that could make the document read otherwise.
        expect(xml, name).not.toMatch(
          // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
        expect(xml, name).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(xml, name).not.toContain('<w:p><w:p>');
        const text = (await mammoth.extractRawText({ buffer })).value;
        expect(text.length, name).toBeGreaterThan(0);
        if (name === 'rlo-reversed') {
          // The override is removed, so the note does not read forwards in the document.
          const words = fold(text).join(' ');
          expect(words).not.toContain(fold(CLASSIFIED_SENTENCE).slice(0, 5).join(' '));
        }
        tally.hostileDocs++;
      }

      const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
      try {
        const result = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            ...drafts.map(([n]) => path.join(dir, `${n}.docx`)),
          ],
          { encoding: 'utf8', timeout: 170_000 },
        );
        expect(
          result.error,
          'LibreOffice (soffice) must be installed: apt-get install libreoffice-writer-nogui',
        ).toBeUndefined();
        expect(result.status, result.stderr).toBe(0);
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
      for (const [name] of drafts) {
        const pdf = path.join(dir, `${name}.pdf`);
        expect(fs.existsSync(pdf), `${name}.pdf`).toBe(true);
        expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      }
      recordFigures('drafts', { ...tally });
    },
  );
});
