import { describe, expect, it } from 'vitest';
import { renderDraft, runChecks, socialPostText, postLength } from '../../../src/main/drafting';
import { DraftSchema, TEMPLATE_IDS, type Draft, type DraftLang } from '../../../src/shared/domain/drafting';
import { AS_OF, CLASSIFIED_SENTENCE, assessment, checkContext, election, planFor, threat } from './fixtures';
import type { Threat } from '../../../src/shared/domain/workspace';

const nb = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const render = (template: (typeof TEMPLATE_IDS)[number], threats: Threat[] = [threat()], a = assessment()) =>
  renderDraft(template, { threats, election, assessment: a, plan: planFor(threats, a) });
const text = (d: Draft, lang: DraftLang) => (d.sections[lang] ?? []).map((s) => s.text).join('\n');
const section = (d: Draft, lang: DraftLang, id: string) => d.sections[lang]!.find((s) => s.id === id)!;

describe('every template', () => {
  it.each(TEMPLATE_IDS)('%s gives a valid draft in both languages', (template) => {
    const d = render(template);
    expect(DraftSchema.parse(d)).toEqual(d);
    expect(d.languages).toEqual(['en', 'fr']);
    // Sections pair up across languages (a social post may need to drop a sentence in the longer language).
    if (template !== 'social-post')
      expect(d.sections.en!.map((s) => s.id)).toEqual(d.sections.fr!.map((s) => s.id));
    expect(d.status).toBe('draft');
    expect(d.createdAt).toBe(AS_OF);
  });
});

describe('public statement', () => {
  const d = render('public-statement');

  it('is a truth sandwich: neutral headline, fact, what happened, falsehood once, fact again, then what is done', () => {
    expect(d.sections.en!.map((s) => s.kind)).toEqual([
      'headline',
      'fact',
      'context',
      'falsehood',
      'fact-repeat',
      'protection',
      'action',
      'reliable-sources',
      'media-contact',
    ]);
    expect(section(d, 'en', 'headline').text).toBe('How to vote: the facts');
    expect(section(d, 'en', 'fact').text).toBe(
      'Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24.',
    );
    expect(section(d, 'en', 'falsehood').text).toMatch(
      /^A false claim is circulating\. It says: “Mail-in ballots posted after Friday, May 14 will not be counted\.” This is false\./,
    );
    expect(section(d, 'en', 'fact-repeat').text).toBe(
      'To be clear: Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24.',
    );
    expect(text(d, 'en').split('Mail-in ballots posted after Friday').length - 1).toBe(1);
    expect(section(d, 'en', 'reliable-sources').text).toContain('elections.lakeshore.example');
    expect(section(d, 'en', 'media-contact').text).toContain('Sam Okoro');
  });

  it('is written in French of its own, with French typography', () => {
    const fr = d.sections.fr!;
    expect(nb(section(d, 'fr', 'headline').text)).toBe('Comment voter : les faits');
    expect(section(d, 'fr', 'headline').text).toContain('\u00A0:');
    expect(section(d, 'fr', 'falsehood').text).toContain(
      '«\u00A0Les bulletins de vote postaux envoyés après le vendredi 14\u00A0mai ne seront ' +
        'pas comptés.\u00A0»',
    );
    expect(nb(section(d, 'fr', 'fact-repeat').text)).toMatch(
      /^Rappelons-le : les bulletins postaux sont comptés/,
    );
    expect(fr.find((s) => s.kind === 'protection')!.heading).toBe('Ce qui est fait');
    // No English free text in the French draft.
    expect(text(d, 'fr')).not.toMatch(/mail-in|widely followed|This is false/i);
  });

  it('passes its own checks except the reading grade of the official’s words', () => {
    const checks = runChecks(d, checkContext());
    expect(checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('replaces a summary that repeats the false claim, so the claim is said once', () => {
    const t = threat({
      summary:
        'Posts say that mail-in ballots posted after Friday, May 14 will not be counted, and ' +
        'it is spreading.',
    });
    const d2 = render('public-statement', [t]);
    expect(section(d2, 'en', 'context').text).toBe(
      'Since May 3, 2027, false information about how to vote has been circulating.',
    );
    expect(runChecks(d2, checkContext([t])).filter((c) => c.id === 'amplification')).toEqual([]);
  });

  it('leaves out the falsehood and its repeat when there is no false claim', () => {
    const d2 = render('public-statement', [threat({ falseClaim: undefined, type: 'impersonation' })]);
    expect(d2.sections.en!.map((s) => s.kind)).not.toContain('falsehood');
    expect(section(d2, 'en', 'headline').text).toBe(
      'Official election information comes only from official sources',
    );
  });

  it('asks for a fact when the record has none', () => {
    const d2 = render('public-statement', [threat({ facts: [] })]);
    expect(section(d2, 'en', 'fact').text).toBe('[TO COMPLETE: the verified fact]');
    expect(
      runChecks(d2, checkContext([threat({ facts: [] })])).some(
        (c) => c.id === 'placeholder' && c.sectionId === 'fact',
      ),
    ).toBe(true);
  });
});

describe('translations', () => {
  const untranslated = threat({ translations: { fr: { title: 'Titre' } } });
  const d = render('public-statement', [untranslated]);

  it('puts a visible placeholder where a translation is missing, never the other language', () => {
    expect(section(d, 'fr', 'fact').text).toBe('[TRANSLATION NEEDED\u00A0: fait 1]');
    expect(section(d, 'fr', 'falsehood').text).toContain('[TRANSLATION NEEDED\u00A0: fausse affirmation]');
    expect(text(d, 'fr')).not.toContain('Mail-in');
  });

  it('raises an error-level translation-missing check for each placeholder', () => {
    const missing = runChecks(d, checkContext([untranslated])).filter((c) => c.id === 'translation-missing');
    expect(missing.length).toBeGreaterThanOrEqual(3);
    for (const c of missing) {
      expect(c.severity).toBe('error');
      expect(c.lang).toBe('fr');
      const s = section(d, 'fr', c.sectionId!).text.slice(c.start, c.end);
      expect(s).toMatch(/^\[TRANSLATION NEEDED\s?:[^\]]+\]$/u);
    }
  });

  it('reads French records and translates to English from translations.en', () => {
    const frenchFirst = threat({
      language: 'fr-CA',
      summary: 'Un compte affirme que les bulletins seront rejetés.',
      facts: ['Les bulletins postaux sont comptés.'],
      falseClaim: 'Les bulletins seront rejetés.',
      translations: {
        en: {
          summary: 'An account claims ballots will be thrown out.',
          facts: ['Mail-in ballots are counted.'],
          falseClaim: 'Ballots will be thrown out.',
        },
      },
    } as Partial<Threat>);
    const d2 = render('public-statement', [frenchFirst]);
    expect(section(d2, 'en', 'fact').text).toBe('Mail-in ballots are counted.');
    expect(section(d2, 'fr', 'fact').text).toBe('Les bulletins postaux sont comptés.');
  });
});

describe('classified content never reaches a public template', () => {
  const leaky = threat({
    summary:
      `Voters are being misled. ${CLASSIFIED_SENTENCE.toUpperCase().replace(/ /g, '  ')} ` +
      `More to follow.`,
    facts: [
      'Mail-in ballots are counted.',
      `registrar records obtained under a\u200B production order show the handle changed owners.`,
    ],
  });

  it.each(['public-statement', 'media-lines', 'partner-notification', 'social-post'] as const)(
    '%s',
    (template) => {
      const d = render(template, [leaky]);
      const all = text(d, 'en');
      expect(all.toLowerCase()).not.toContain('registrar records');
      expect(all.toLowerCase()).not.toContain('production order');
      expect(runChecks(d, checkContext([leaky])).filter((c) => c.id === 'classified-content')).toEqual([]);
    },
  );

  it('leaves a visible placeholder and a check where the passage was', () => {
    const d = render('public-statement', [leaky]);
    expect(section(d, 'en', 'context').text).toBe(
      'Voters are being misled. [REMOVED: overlaps a classified note]. More to follow.',
    );
    expect(
      runChecks(d, checkContext([leaky])).some((c) => c.id === 'placeholder' && c.sectionId === 'context'),
    ).toBe(true);
  });

  it('but the internal briefing note quotes the notes and carries the highest classification', () => {
    const d = render('briefing-note', [leaky]);
    expect(d.classification).toBe('SECRET');
    expect(d.releasable).toBe(false);
    expect(section(d, 'en', 'classified').text).toContain(`(SECRET) ${CLASSIFIED_SENTENCE}`);
    expect(section(d, 'en', 'classified').text).toContain('(PROTECTED) The platform has shared');
    expect(section(d, 'fr', 'classified').text).toContain(
      '(PROTÉGÉ) [citation dans la langue d’origine] The platform has shared',
    );
    const unquoted = renderDraft('briefing-note', {
      threats: [leaky],
      election,
      assessment: assessment(),
      plan: planFor([leaky]),
      includeClassified: false,
    });
    expect(unquoted.classification).toBe('UNCLASSIFIED');
    expect(unquoted.sections.en!.some((s) => s.kind === 'classified')).toBe(false);
  });
});

describe('attribution', () => {
  const named = threat({ source: { actor: 'foreign-state', name: 'Storm-1516', confidence: 'high' } });

  it('is stated only when the assessment allows it', () => {
    const allowed = render('public-statement', [named], assessment({ attributionMayBeStated: true }));
    expect(section(allowed, 'en', 'context').text).toContain(
      'The election authority assesses with high confidence that Storm-1516 carried out this activity.',
    );
    expect(section(allowed, 'fr', 'context').text).toContain('est le fait de Storm-1516');
    const withheld = render('public-statement', [named], assessment({ attributionMayBeStated: false }));
    expect(text(withheld, 'en')).not.toContain('Storm-1516');
    expect(
      section(render('media-lines', [named], assessment({ attributionMayBeStated: false })), 'en', 'a-who')
        .text,
    ).toMatch(/^We will not guess/);
  });
});

describe('social post', () => {
  it('fits in 280 characters in each language and says what is done and where to check', () => {
    const d = render('social-post');
    for (const lang of ['en', 'fr'] as const) {
      const post = socialPostText(d.sections[lang]!);
      expect(postLength(post)).toBeLessThanOrEqual(280);
      expect(d.sections[lang]!.map((s) => s.kind)).toEqual(
        expect.arrayContaining(['fact', 'protection', 'reliable-sources']),
      );
    }
    expect(socialPostText(d.sections.en!)).toBe(
      'Mail-in ballots are counted if they are postmarked by polling day and arrive by May ' +
        '24. Posts saying otherwise are false. We are working with platforms to protect the ' +
        "vote. Visit Elections Lakeshore's website: elections.lakeshore.example",
    );
    expect(runChecks(d, checkContext()).filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('never repeats the false claim', () => {
    const d = render('social-post');
    expect(text(d, 'en')).not.toContain('posted after Friday');
  });

  it('falls back to a general fact rather than cutting a long one', () => {
    const long = threat({ facts: ['Mail-in ballots are counted '.repeat(15).trim() + '.'] });
    const d = render('social-post', [long]);
    expect(section(d, 'en', 'fact').text).toBe('False information about the election is circulating.');
    expect(postLength(socialPostText(d.sections.en!))).toBeLessThanOrEqual(280);
  });
});

describe('media lines', () => {
  const d = render('media-lines');
  it('gives key messages, then likely questions with answers', () => {
    const questions = d.sections.en!.filter((s) => s.kind === 'question').map((s) => s.text);
    expect(questions).toEqual([
      'What is happening?',
      'Is the information circulating true?',
      'Who is behind this?',
      'What is being done?',
      'What should voters do?',
      'Does this affect the integrity of the election?',
      'Which party or candidate does this help or hurt?',
      'Why are you speaking now?',
    ]);
    expect(section(d, 'en', 'key-fact').heading).toBe('Key messages');
    expect(section(d, 'en', 'a-true').text).toMatch(/^No\. Mail-in ballots are counted/);
    expect(nb(section(d, 'fr', 'q-what').text)).toBe('Que se passe-t-il ?');
    expect(section(d, 'fr', 'q-what').text).toContain('\u202F?');
  });
});

describe('partner notification', () => {
  it('goes to the election authority, the platforms and the parties’ security contacts, with an ask for each', () => {
    const d = render('partner-notification');
    expect(section(d, 'en', 'recipients').text.split('\n')).toEqual([
      'Online platforms',
      "The parties' security contacts",
      'The election authority',
    ]);
    expect(section(d, 'en', 'asks').text).toContain('Online platforms: please review this content');
    expect(section(d, 'en', 'falsehood').text).toBe(
      'The following claim is false: “Mail-in ballots posted after Friday, May 14 will not be counted.”',
    );
    expect(section(d, 'en', 'introduction').text).toContain('since May 3, 2027');
    expect(d.releasable).toBe(true);
  });
});

describe('briefing note', () => {
  it('is in the ABCDE shape, with the assessment and the decision sought', () => {
    const d = render('briefing-note');
    expect(d.sections.en!.map((s) => s.heading)).toEqual([
      'Purpose',
      'Summary',
      'Actor',
      'Behaviour',
      'Content',
      'Degree',
      'Effect',
      'Assessment',
      'Recommendation',
      'Classified information',
      'Decision sought',
    ]);
    expect(d.title.en).toBe('False claim that mail-in ballots posted after Friday will not be counted');
    expect(section(d, 'en', 'actor').text).toBe(
      'Unknown — @LakeshoreVoterWatch (about 180,000 followers). Attribution confidence: low.',
    );
    expect(section(d, 'en', 'assessment').text).toContain(
      'If a partner had already debunked it, the level would be engage privately (score 58.1).',
    );
    expect(nb(section(d, 'fr', 'assessment').text)).toContain(
      'Si le critère « déjà réfuté par un partenaire » passait de non à oui',
    );
    expect(nb(section(d, 'fr', 'degree').text)).toContain('Auditoire estimé : 420 000.');
  });
});
