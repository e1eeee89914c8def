// Property: no text that leaves the organisation — any template but the briefing note, any language — contains
// a run of five words from any classified note, even when officials paste (disguised) classified passages into
// the threat's unclassified fields, its translations, or the plan's editable texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan, renderDraft } from '../../../src/main/drafting';
import { DRAFT_LANGS, TEMPLATE_IDS, isExternalTemplate } from '../../../src/shared/domain/drafting';
import { LEVELS } from '../../../src/shared/domain/enums';
import type { Threat } from '../../../src/shared/domain/workspace';
import { arbThreat } from '../../helpers/arbitraries';
import { assessment, election } from './fixtures';

// Words of the templates and of arbThreat's sentences, so that notes collide with both.
const VOCAB = (
  'the a false claim is circulating it says this we have alerted online platforms they ' +
  'can act on posts that mislead ' +
  'voters under their own rules election staff and security agencies keep watch at every ' +
  'step of vote ballots mail ' +
  'polling station closed friday count fraud candidate registry leak check facts with ' +
  'official sources before you ' +
  'share them les bulletins de vote postaux le jour du scrutin une fausse information ' +
  'circule c’est faux nous avons ' +
  'alerté plateformes en ligne électeurs élection'
).split(' ');

const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і' };
const TEST_FOLD: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', і: 'i' };

/** The words of a text as this test reads them, written independently of the code under test. */
function testWords(text: string): string[] {
  return [
    ...text
      .normalize('NFKD')
      .replace(/[\p{Cf}\p{M}]/gu, '')
      .toLowerCase(),
  ]
    .map((c) => TEST_FOLD[c] ?? c)
    .join('')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function runsOf(words: string[], n = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

const disguise = fc.record({
  upper: fc.boolean(),
  zeroWidth: fc.boolean(),
  homoglyphs: fc.boolean(),
  fullWidth: fc.boolean(),
  space: fc.constantFrom(' ', ', ', '  ', ' - ', '; ', '\n', '\u00A0'),
});

type Disguise = typeof disguise extends fc.Arbitrary<infer T> ? T : never;

function applyDisguise(text: string, d: Disguise): string {
  let out = text.split(' ').join(d.space);
  if (d.upper) out = out.toUpperCase();
  if (d.homoglyphs) out = [...out].map((c) => HOMOGLYPHS[c] ?? c).join('');
  if (d.fullWidth)
    out = [...out].map((c) => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  if (d.zeroWidth) out = [...out].map((c, i) => (i % 3 === 1 ? `${c}\u200B` : c)).join('');
  return out;
}

const note = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...VOCAB), { minLength: 3, maxLength: 30 }).map((w) => w.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80 }) },
);

const FIELDS = [
  'title',
  'summary',
  'falseClaim',
  'fact',
  'fr.summary',
  'fr.falseClaim',
  'fr.facts',
  'en.summary',
  'plan.protection',
  'plan.sources',
  'plan.media',
] as const;

const paste = fc.record({
  note: fc.nat(),
  from: fc.nat(),
  length: fc.integer({ min: 5, max: 12 }),
  field: fc.constantFrom(...FIELDS),
  disguise,
});

const scenario = fc.record({
  threat: arbThreat({ electionId: election.id }),
  notes: fc.array(note, { minLength: 1, maxLength: 3 }),
  pastes: fc.array(paste, { maxLength: 4 }),
  frenchFirst: fc.boolean(),
  level: fc.constantFrom(...LEVELS),
  attributionMayBeStated: fc.boolean(),
});

describe('classified notes never reach text that leaves the organisation', () => {
  it('holds for every external template and language (property)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t: Threat = {
          ...s.threat,
          ...(s.frenchFirst ? { language: 'fr' } : {}),
          classifiedNotes: s.notes.map((text, i) => ({
            classification: (['PROTECTED', 'SECRET', 'TOP SECRET'] as const)[i % 3]!,
            text,
          })),
          translations: {
            fr: { summary: 'Résumé.', falseClaim: 'Affirmation.', facts: ['Fait.'] },
            en: { summary: 'Summary.' },
          },
        };
        const a = assessment({
          level: s.level,
          attributionMayBeStated: s.attributionMayBeStated,
          threatIds: [t.id],
        });
        const plan = buildPlan([t], election, a, { asOf: '2027-05-05T15:00:00Z' });
        for (const p of s.pastes) {
          const words = s.notes[p.note % s.notes.length]!.split(' ');
          const passage = applyDisguise(
            words.slice(p.from % words.length, (p.from % words.length) + p.length).join(' '),
            p.disguise,
          );
          const tr = t.translations!;
          switch (p.field) {
            case 'title':
              t.title = `${t.title} ${passage}`;
              break;
            case 'summary':
              t.summary = `${passage}. ${t.summary}`;
              break;
            case 'falseClaim':
              t.falseClaim = `${t.falseClaim ?? ''} ${passage}`;
              break;
            case 'fact':
              t.facts = [passage, ...(t.facts ?? [])];
              break;
            case 'fr.summary':
              tr.fr!.summary = `${tr.fr!.summary} ${passage}`;
              break;
            case 'fr.falseClaim':
              tr.fr!.falseClaim = passage;
              break;
            case 'fr.facts':
              tr.fr!.facts = [passage];
              break;
            case 'en.summary':
              tr.en!.summary = passage;
              break;
            case 'plan.protection':
              plan.protectionMeasures.en.push(passage);
              plan.protectionMeasures.fr.push(passage);
              break;
            case 'plan.sources':
              plan.reliableSources.fr.unshift(passage);
              plan.reliableSources.en.unshift(passage);
              break;
            case 'plan.media':
              plan.mediaContact = { name: passage };
              break;
          }
        }
        const secret = new Set(s.notes.flatMap((n) => runsOf(testWords(n))));
        for (const template of TEMPLATE_IDS.filter(isExternalTemplate)) {
          const d = renderDraft(template, {
            threats: [t],
            election,
            assessment: a,
            plan,
            languages: [...DRAFT_LANGS],
          });
          for (const lang of DRAFT_LANGS) {
            const texts = [
              d.title[lang] ?? '',
              ...d.sections[lang]!.flatMap((x) => [x.heading ?? '', x.text]),
            ];
            for (const text of texts)
              for (const run of runsOf(testWords(text))) {
                if (secret.has(run))
                  throw new Error(`${template} (${lang}) carries the classified run "${run}" in: ${text}`);
              }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds a planted passage when nothing removes it (the property is not vacuous)', () => {
    const words = testWords('Registrar records obtained under a production order show it');
    expect(runsOf(words)).toContain('registrar records obtained under a');
    expect(
      testWords(
        applyDisguise('registrar records obtained', {
          upper: true,
          zeroWidth: true,
          homoglyphs: true,
          fullWidth: true,
          space: ', ',
        }),
      ),
    ).toEqual(['registrar', 'records', 'obtained']);
  });
});
