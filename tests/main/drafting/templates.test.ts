import { describe, expect, it } from 'vitest';
import { renderDraft, runChecks, socialPostText, postLength } from '../../../src/main/drafting';
import { DraftSchema, TEMPLATE_IDS, type Draft, type DraftLang } from '../../../src/shared/domain/drafting';
import { PURPOSES, THREAT_TYPES } from '../../../src/shared/domain/enums';
import type { OrganisationProfile } from '../../../src/shared/domain/organisation';
import type { Threat } from '../../../src/shared/domain/workspace';
import { PROFILE } from '../../fixtures/organisation';
import { AS_OF, CLASSIFIED_SENTENCE, assessment, checkContext, election, planFor, threat } from './fixtures';

const nb = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const render = (
  template: (typeof TEMPLATE_IDS)[number],
  threats: Threat[] = [threat()],
  a = assessment(),
  organisation: OrganisationProfile = PROFILE,
) =>
  renderDraft(template, {
    threats,
    election,
    assessment: a,
    plan: planFor(threats, a, AS_OF, organisation),
    organisation,
  });
const text = (d: Draft, lang: DraftLang) => (d.sections[lang] ?? []).map((s) => s.text).join('\n');
const section = (d: Draft, lang: DraftLang, id: string) => d.sections[lang]!.find((s) => s.id === id)!;
/** The first section that is prose (not the headline, the dateline or the recipients). */
const firstProse = (d: Draft, lang: DraftLang) =>
  d.sections[lang]!.find((s) => !['headline', 'dateline', 'recipients'].includes(s.kind))!;

describe('every template', () => {
  it.each(TEMPLATE_IDS)('%s gives a valid draft in both languages, opening with the fact', (template) => {
    const d = render(template);
    expect(DraftSchema.parse(d)).toEqual(d);
    expect(d.languages).toEqual(['en', 'fr']);
    // Sections pair up across languages (a social post may need to drop a sentence in the longer language).
    if (template !== 'social-post')
      expect(d.sections.en!.map((s) => s.id)).toEqual(d.sections.fr!.map((s) => s.id));
    expect(d.status).toBe('draft');
    expect(d.createdAt).toBe(AS_OF);
    for (const lang of ['en', 'fr'] as const) {
      expect(firstProse(d, lang).kind).toBe('fact');
      expect(firstProse(d, lang).text).toContain(
        lang === 'en' ? 'Mail-in ballots are counted' : 'Les bulletins',
      );
    }
  });
});

describe('public statement', () => {
  const d = render('public-statement');

  it('is a truth sandwich: neutral headline, fact, what happened, falsehood once, fact again, then what is done', () => {
    expect(d.sections.en!.map((s) => s.kind)).toEqual([
      'headline',
      'dateline',
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
    expect(section(d, 'en', 'dateline').text).toBe('Province of Lakeshore, Canada');
    expect(section(d, 'en', 'fact').text).toBe(
      'Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24.',
    );
    // What happened is said from the record's fields, never in the claim's words.
    expect(section(d, 'en', 'context').text).toBe(
      'Since May 3, 2027, false information about how to vote has been going around.',
    );
    expect(section(d, 'en', 'falsehood').text).toMatch(
      /^A false claim is circulating\. It says: “Mail-in ballots posted after Friday, May 14 will not be counted\.” This is false\./,
    );
    expect(section(d, 'en', 'fact-repeat').text).toBe(
      'To be clear: Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24.',
    );
    expect(text(d, 'en').split('Friday, May 14').length - 1).toBe(1);
    expect(section(d, 'en', 'reliable-sources').text).toBe(
      'Visit Elections Lakeshore’s website: elections.lakeshore.example\nCall Elections Lakeshore: 1-800-555-0127',
    );
    expect(section(d, 'en', 'media-contact').text).toBe(
      'Sam Okoro\nMedia relations, Elections Lakeshore\nmedia@elections.lakeshore.example\n1-800-555-0199',
    );
  });

  it('is written in French of its own, with French typography', () => {
    expect(nb(section(d, 'fr', 'headline').text)).toBe('Comment voter : les faits');
    expect(section(d, 'fr', 'headline').text).toContain('\u00A0:');
    expect(section(d, 'fr', 'dateline').text).toBe('Province du Lakeshore');
    expect(section(d, 'fr', 'falsehood').text).toContain(
      '«\u00A0Les bulletins de vote postaux envoyés après le vendredi 14\u00A0mai ne seront ' +
        'pas comptés.\u00A0»',
    );
    // A small letter after a colon.
    expect(nb(section(d, 'fr', 'fact-repeat').text)).toMatch(
      /^Rappelons-le : les bulletins postaux sont comptés/,
    );
    expect(nb(section(d, 'fr', 'context').text)).toBe(
      'Depuis le 3 mai 2027, de fausses informations circulent sur la façon de voter.',
    );
    expect(d.sections.fr!.find((s) => s.kind === 'protection')!.heading).toBe('Ce qui est fait');
    expect(nb(section(d, 'fr', 'reliable-sources').text)).toBe(
      'Consultez le site Web d’Élections Lakeshore : elections.lakeshore.example\nAppelez Élections Lakeshore : 1-800-555-0127',
    );
    // No English free text in the French draft.
    expect(text(d, 'fr')).not.toMatch(/mail-in|widely followed|This is false|Media relations/i);
  });

  it('passes its own checks', () => {
    const checks = runChecks(d, checkContext());
    expect(checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('never uses the summary, so a summary that restates the claim cannot repeat it', () => {
    const t = threat({
      summary:
        'Posts say that mail-in ballots sent after Friday, May 14 would be thrown out, and it is spreading.',
    });
    const d2 = render('public-statement', [t]);
    expect(text(d2, 'en')).not.toContain('thrown out');
    expect(runChecks(d2, checkContext([t])).filter((c) => c.id === 'amplification')).toEqual([]);
  });

  it('leaves out the falsehood and its repeat when there is no false claim', () => {
    const d2 = render('public-statement', [threat({ falseClaim: undefined, type: 'impersonation' })]);
    expect(d2.sections.en!.map((s) => s.kind)).not.toContain('falsehood');
    expect(section(d2, 'en', 'headline').text).toBe(
      'Official election information comes only from official sources',
    );
  });

  it('asks for a fact when the record has none, and says which field', () => {
    const d2 = render('public-statement', [threat({ facts: [] })]);
    expect(section(d2, 'en', 'fact').text).toBe('[TO COMPLETE: verified fact]');
    expect(section(d2, 'en', 'headline').text).toBe('How to vote: what we know');
    const check = runChecks(d2, checkContext([threat({ facts: [] })])).find(
      (c) => c.id === 'placeholder' && c.sectionId === 'fact',
    );
    expect(check?.message.params).toMatchObject({ field: 'threat.facts', section: 'fact', lang: 'en' });
  });

  it('shows where the organisation profile is incomplete, by field', () => {
    const empty: OrganisationProfile = {
      name: { en: '', fr: '' },
      website: '',
      phone: '',
      mediaContact: { name: '', email: '', phone: '' },
    };
    const d2 = render('public-statement', [threat()], assessment(), empty);
    expect(section(d2, 'en', 'reliable-sources').text).toContain('[TO COMPLETE: web address]');
    expect(nb(section(d2, 'fr', 'media-contact').text)).toContain(
      '[À COMPLÉTER : courriel de la personne-ressource]',
    );
    const fields = runChecks(d2, { ...checkContext(), organisation: empty })
      .filter((c) => c.id === 'placeholder')
      .map((c) => `${c.lang} ${String(c.message.params?.field)}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'en organisation.website',
        'en organisation.phone',
        'en organisation.mediaContact.name',
        'fr organisation.mediaContact.email',
      ]),
    );
  });
});

describe('translations and names', () => {
  const untranslated = threat({ translations: { fr: { title: 'Titre' } } });
  const d = render('public-statement', [untranslated]);

  it('puts a visible French placeholder where a translation is missing, never the other language', () => {
    expect(section(d, 'fr', 'fact').text).toBe('[TRADUCTION NÉCESSAIRE\u00A0: fait 1]');
    expect(section(d, 'fr', 'falsehood').text).toContain('[TRADUCTION NÉCESSAIRE\u00A0: fausse affirmation]');
    expect(text(d, 'fr')).not.toContain('Mail-in');
  });

  it('raises an error-level translation-missing check for each placeholder', () => {
    const missing = runChecks(d, checkContext([untranslated])).filter((c) => c.id === 'translation-missing');
    expect(missing.length).toBeGreaterThanOrEqual(3);
    for (const c of missing) {
      expect(c.severity).toBe('error');
      expect(c.lang).toBe('fr');
      const s = section(d, 'fr', c.sectionId!).text.slice(c.start, c.end);
      expect(s).toMatch(/^\[TRADUCTION NÉCESSAIRE\s?:[^\]]+\]$/u);
    }
  });

  it('names the actor in each language, with French articles and contractions', () => {
    const varnia = threat({
      source: { actor: 'foreign-state', name: 'Republic of Varnia', confidence: 'high' },
      translations: {
        ...threat().translations,
        fr: { ...threat().translations!.fr, sourceName: 'République de Varnia' },
      },
    });
    const a = assessment({ attributionMayBeStated: true });
    const d2 = render('public-statement', [varnia], a);
    expect(section(d2, 'en', 'context').text).toContain(
      'Elections Lakeshore assesses with high confidence that the Republic of Varnia carried out this activity.',
    );
    expect(section(d2, 'fr', 'context').text).toContain(
      'Élections Lakeshore estime avec un degré de confiance élevé que cette activité est le fait de la République de Varnia.',
    );
    const note = render('briefing-note', [varnia], a);
    expect(nb(section(note, 'fr', 'actor').text)).toBe(
      'État étranger : République de Varnia. Degré de confiance de l’attribution : élevé.',
    );
    // Without a French name, a placeholder (an error), never "Republic of Varnia" in French.
    const nameless = threat({
      source: { actor: 'foreign-state', name: 'Republic of Varnia', confidence: 'high' },
    });
    const d3 = render(
      'public-statement',
      [{ ...nameless, translations: { fr: { ...threat().translations!.fr, sourceName: undefined } } }],
      a,
    );
    expect(text(d3, 'fr')).not.toContain('Republic');
    expect(nb(section(d3, 'fr', 'context').text)).toContain('[TRADUCTION NÉCESSAIRE : nom de la source]');
  });

  it('reads French records and translates to English from translations.en', () => {
    const frenchFirst = threat({
      language: 'fr-CA',
      summary: 'Un compte affirme que les bulletins seront rejetés.',
      facts: ['Les bulletins postaux sont comptés.'],
      falseClaim: 'Les bulletins seront rejetés.',
      place: { level: 'local', regions: ['Rive-Nord'] },
      source: { actor: 'unknown', confidence: 'low' },
      translations: {
        en: {
          summary: 'An account claims ballots will be thrown out.',
          facts: ['Mail-in ballots are counted.'],
          falseClaim: 'Ballots will be thrown out.',
          regions: ['North Shore'],
        },
      },
    } as Partial<Threat>);
    const d2 = render('public-statement', [frenchFirst]);
    expect(section(d2, 'en', 'fact').text).toBe('Mail-in ballots are counted.');
    expect(section(d2, 'fr', 'fact').text).toBe('Les bulletins postaux sont comptés.');
    expect(section(render('briefing-note', [frenchFirst]), 'en', 'degree').text).toContain(
      'Regions: North Shore.',
    );
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
    expect(section(d, 'en', 'falsehood').text).toContain('[REMOVED: overlaps a classified note]');
    expect(
      runChecks(d, checkContext([leaky])).some((c) => c.id === 'placeholder' && c.sectionId === 'falsehood'),
    ).toBe(true);
  });

  it('but the internal briefing note quotes each note, tagged with its own language', () => {
    const d = render('briefing-note', [leaky]);
    expect(d.classification).toBe('SECRET');
    expect(d.releasable).toBe(false);
    const en = d.sections.en!.filter((s) => s.kind === 'classified');
    expect(en.map((s) => [s.text.slice(0, 30), s.sourceLang])).toEqual([
      [`(SECRET) ${CLASSIFIED_SENTENCE}`.slice(0, 30), undefined],
      ['(PROTECTED) The platform has shared'.slice(0, 30), undefined],
    ]);
    const fr = d.sections.fr!.filter((s) => s.kind === 'classified');
    expect(fr.map((s) => [s.text.slice(0, 30), s.sourceLang])).toEqual([
      [`(SECRET) ${CLASSIFIED_SENTENCE}`.slice(0, 30), 'en'],
      ['(PROTÉGÉ) The platform has shared'.slice(0, 30), 'en'],
    ]);
    expect(fr[0]!.heading).toBe('Renseignements classifiés (cités dans leur langue d’origine)');
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
  const named = threat({
    source: { actor: 'foreign-state', name: 'Storm-1516', confidence: 'high' },
    translations: { fr: { ...threat().translations!.fr, sourceName: 'Storm-1516' } },
  });

  it('is stated only when the assessment allows it', () => {
    const allowed = render('public-statement', [named], assessment({ attributionMayBeStated: true }));
    expect(section(allowed, 'en', 'context').text).toContain(
      'Elections Lakeshore assesses with high confidence that Storm-1516 carried out this activity.',
    );
    expect(section(allowed, 'fr', 'context').text).toContain('est le fait de Storm-1516');
    const withheld = render('public-statement', [named], assessment({ attributionMayBeStated: false }));
    expect(text(withheld, 'en')).not.toContain('Storm-1516');
    expect(
      section(render('media-lines', [named], assessment({ attributionMayBeStated: false })), 'en', 'a-who')
        .text,
    ).toBe(
      'We will not speculate about who is responsible while the facts are being established. Our priority is that voters have accurate information.',
    );
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
      'Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24. Posts saying otherwise are false. We are working with platforms to protect the vote. Visit Elections Lakeshore’s website: elections.lakeshore.example',
    );
    expect(runChecks(d, checkContext()).filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('never repeats the false claim', () => {
    const d = render('social-post');
    expect(text(d, 'en')).not.toContain('posted after Friday');
  });

  it('keeps the fact, shortened, rather than falling back to a general sentence', () => {
    const long = threat({
      facts: [
        `Mail-in ballots are counted. ${'They must arrive by May 24 at the latest. '.repeat(8).trim()}`,
      ],
    });
    const d = render('social-post', [long]);
    expect(section(d, 'en', 'fact').text).toBe('Mail-in ballots are counted.');
    expect(postLength(socialPostText(d.sections.en!))).toBeLessThanOrEqual(280);
  });

  it.each([
    ['cyber-intrusion', /Security experts are helping us/, /Des experts en sécurité nous aident/],
    ['denial-of-service', /keep our websites and phone lines open/, /nos sites Web et nos lignes/],
    ['intimidation', /with the police/, /avec la police/],
    ['covert-funding', /enforces the rules on donations/, /fait respecter les règles sur les dons/],
    ['disinformation', /working with platforms/, /avec les plateformes/],
  ] as const)(
    'says what is done about a %s threat in its own words, not always "platforms"',
    (type, en, fr) => {
      const d = render('social-post', [threat({ type })]);
      expect(section(d, 'en', 'protection').text).toMatch(en);
      expect(section(d, 'fr', 'protection').text).toMatch(fr);
      if (type !== 'disinformation') expect(text(d, 'en') + text(d, 'fr')).not.toMatch(/platform/i);
    },
  );

  it('carries the French fact in 280 characters even with a placeholder for the source', () => {
    const d = render('social-post', [threat()], assessment(), {
      ...PROFILE,
      website: '',
      phone: '',
    });
    const fr = socialPostText(d.sections.fr!);
    expect(fr).toContain('Les bulletins postaux sont comptés');
    expect(fr).toContain('[À COMPLÉTER\u00A0: adresse Web]');
    expect(postLength(fr)).toBeLessThanOrEqual(280);
  });
});

describe('media lines', () => {
  const d = render('media-lines');
  it('gives key messages, then numbered questions paired with their answers', () => {
    const questions = d.sections.en!.filter((s) => s.kind === 'question');
    expect(questions.map((s) => [s.heading, s.text])).toEqual([
      ['Question 1', 'What is happening?'],
      ['Question 2', 'Is the information circulating true?'],
      ['Question 3', 'Who is behind this?'],
      ['Question 4', 'What is being done?'],
      ['Question 5', 'What should voters do?'],
      ['Question 6', 'Does this affect the integrity of the election?'],
      ['Question 7', 'Which party or candidate does this help or hurt?'],
      ['Question 8', 'Why are you speaking now?'],
    ]);
    const en = d.sections.en!;
    for (const q of questions) {
      const answer = en[en.indexOf(q) + 1]!;
      expect(answer.heading).toBe(q.heading!.replace('Question', 'Answer'));
    }
    expect(section(d, 'fr', 'a-what').heading).toBe('Réponse 1');
    expect(section(d, 'en', 'key-fact').heading).toBe('Key messages');
    expect(section(d, 'en', 'a-true').text).toMatch(/^No\. Mail-in ballots are counted/);
    // Canadian French: no space before a question mark.
    expect(section(d, 'fr', 'q-what').text).toBe('Que se passe-t-il?');
  });

  it('gives the sources once', () => {
    expect(d.sections.en!.filter((s) => s.kind === 'reliable-sources')).toHaveLength(1);
    expect(text(d, 'en').split('elections.lakeshore.example').length - 1).toBe(1);
  });
});

describe('partner notification', () => {
  it('goes to the election authority, the platforms and the parties’ security contacts, with an ask for each', () => {
    const d = render('partner-notification');
    expect(section(d, 'en', 'recipients').text.split('\n')).toEqual([
      'Online platforms',
      "The parties' security contacts",
    ]);
    // Without an organisation name, the election authority is a recipient like the others.
    const anonymous = render('partner-notification', [threat()], assessment(), {
      ...PROFILE,
      name: { en: '', fr: '' },
    });
    expect(section(anonymous, 'en', 'recipients').text.split('\n')).toContain('The election authority');
    expect(d.sections.en!.map((s) => s.kind).slice(0, 3)).toEqual(['recipients', 'fact', 'context']);
    expect(section(d, 'en', 'asks').text).toContain('Online platforms: please review this content');
    expect(section(d, 'en', 'falsehood').text).toBe(
      'The following claim is false: “Mail-in ballots posted after Friday, May 14 will not be counted.”',
    );
    expect(section(d, 'en', 'context').text).toContain(
      'Disinformation aimed at the general public, seen since May 3, 2027. Channels: X, Facebook. Regions: North Shore.',
    );
    expect(nb(section(d, 'fr', 'context').text)).toContain(
      'Désinformation visant le grand public, observée depuis le 3 mai 2027. Canaux : X, Facebook. Régions : Rive-Nord.',
    );
    expect(d.releasable).toBe(true);
  });
});

describe('briefing note', () => {
  it('opens with the key facts, then the ABCDE shape, the assessment and the decision sought', () => {
    const d = render('briefing-note');
    expect(d.sections.en!.map((s) => s.heading).filter(Boolean)).toEqual([
      'Key facts',
      'Purpose',
      'Summary',
      'Actor',
      'Behaviour',
      'Content',
      'Degree',
      'Effect',
      'Assessment',
      'Recommendation',
      'Classified information (quoted in the language it was written in)',
      'Decision sought',
    ]);
    expect(d.title.en).toBe('False claim that mail-in ballots posted after Friday will not be counted');
    expect(section(d, 'en', 'actor').text).toBe(
      'Unknown actor: @LakeshoreVoterWatch (about 180,000 followers). Attribution confidence: low.',
    );
    expect(section(d, 'en', 'assessment').text).toContain(
      'If a partner had already debunked it, the level would be engage privately (score 58.1).',
    );
    expect(nb(section(d, 'fr', 'assessment').text)).toContain(
      'Si le critère « déjà réfuté par un partenaire » passait de non à oui',
    );
    expect(nb(section(d, 'fr', 'degree').text)).toContain('Auditoire estimé : 420 000.');
  });

  it('keeps the score explanations in French as in English', () => {
    const d = render('briefing-note');
    const en = section(d, 'en', 'assessment').text.split('\n');
    const fr = nb(section(d, 'fr', 'assessment').text).split('\n');
    expect(fr).toHaveLength(en.length);
    expect(fr[1]).toBe(
      'Préjudice au processus électoral : 35,8 sur 40 points. But : tromper l’électorat sur la façon de voter; moyen : désinformation.',
    );
    expect(fr[2]).toBe(
      'Portée et tendance : 17,5 sur 25 points. Catégorie 3 de l’échelle Breakout (plusieurs plateformes et plusieurs communautés), en hausse, environ 420 000 personnes.',
    );
    expect(fr[3]).toMatch(
      /^Règle appliquée : attribution à faible degré de confiance\. Le degré de confiance de l’attribution est faible/,
    );
  });

  it('says "no audience reached" rather than "about 0 people", in both languages', () => {
    const scan = threat({
      type: 'cyber-intrusion',
      reach: { breakout: 1, estimatedAudience: 0, trend: 'stable' },
    });
    const d = render('briefing-note', [scan]);
    expect(`${text(d, 'en')}\n${nb(text(d, 'fr'))}`).not.toMatch(/about 0 people|environ 0 personnes/);
    expect(nb(section(d, 'fr', 'assessment').text)).toContain('aucun public atteint');
    const notice = render('partner-notification', [scan]);
    expect(section(notice, 'en', 'context').text).toContain(
      '(one platform, one community), no audience reached',
    );
    expect(nb(section(notice, 'fr', 'context').text)).toContain('communauté), aucun public atteint');
  });

  it('agrees the type with its participle in French ("Piratage et fuite, observés")', () => {
    const d = render('briefing-note', [threat({ type: 'hack-and-leak' })]);
    expect(nb(section(d, 'fr', 'behaviour').text)).toMatch(
      /^Piratage et fuite, observés pour la première fois le 3 mai 2027/,
    );
    expect(section(d, 'en', 'behaviour').text).toMatch(/^Hack and leak, first seen on May 3, 2027/);
  });

  it('quotes the claim once: a summary that restates it gives way to what was observed', () => {
    const t = threat({
      summary: 'An account says mail-in ballots sent after Friday, May 14 would be thrown out.',
    });
    const d = render('briefing-note', [t]);
    expect(section(d, 'en', 'summary').text).toMatch(/^Disinformation aimed at the general public/);
    expect(runChecks(d, checkContext([t])).filter((c) => c.id === 'amplification')).toEqual([]);
    const plain = render('briefing-note');
    expect(section(plain, 'en', 'summary').text).toBe(threat().summary);
  });
});

describe('headlines', () => {
  const PURPOSES = [
    'suppress-turnout',
    'mislead-voting-process',
    'undermine-results',
    'discredit-candidate',
    'promote-candidate',
    'polarize',
    'intimidate',
    'disrupt-administration',
    'other',
  ] as const;
  const TYPES = [
    'disinformation',
    'misinformation',
    'malinformation',
    'hack-and-leak',
    'impersonation',
    'synthetic-media',
    'inauthentic-behaviour',
    'cyber-intrusion',
    'denial-of-service',
    'intimidation',
    'covert-funding',
    'other',
  ] as const;
  /** What a headline must be about: the type when it is the story, else the purpose. */
  const TOPIC: Partial<Record<string, RegExp>> = {
    'hack-and-leak': /stolen/i,
    impersonation: /official sources/i,
    'synthetic-media': /altered videos/i,
    'denial-of-service': /access to election services/i,
    'cyber-intrusion': /election systems/i,
    intimidation: /safe/i,
    'covert-funding': /financing/i,
    'inauthentic-behaviour': /fake accounts/i,
    'mislead-voting-process': /^How to vote/,
    'suppress-turnout': /can vote/,
    'undermine-results': /counted and results confirmed/,
    'disrupt-administration': /Election services/,
    intimidate: /safe/,
    'discredit-candidate': /Misleading information/,
    'promote-candidate': /Misleading information/,
    polarize: /Misleading information/,
    other: /Information about the election/,
  };

  it.each(PURPOSES.flatMap((p) => TYPES.map((t) => [p, t] as const)))(
    'fits a threat with purpose %s and type %s, in both languages, without the claim',
    (purpose, type) => {
      const t = threat({ purpose, type });
      const d = render('public-statement', [t]);
      const en = section(d, 'en', 'headline').text;
      const fr = section(d, 'fr', 'headline').text;
      const content = ['disinformation', 'misinformation', 'malinformation', 'other'].includes(type);
      expect(en).toMatch(TOPIC[content ? purpose : type]!);
      expect(fr).not.toBe(en);
      expect(fr).not.toMatch(/\b(the|and|of)\b/);
      expect(runChecks(d, checkContext([t])).filter((c) => c.sectionId === 'headline')).toEqual([]);
    },
  );

  it('titles a voters-list leak as stolen data, not as how votes are counted', () => {
    const leak = threat({
      purpose: 'undermine-results',
      type: 'hack-and-leak',
      target: { kind: 'election-officials' },
    });
    expect(section(render('public-statement', [leak]), 'en', 'headline').text).toBe(
      'Stolen election data: what happened and what is being done',
    );
  });
});

describe('what happened', () => {
  /** What the context paragraph says happened: the type when it is the story, else the purpose. */
  const HAPPENED: Partial<
    Record<(typeof PURPOSES)[number] | (typeof THREAT_TYPES)[number], [RegExp, RegExp]>
  > = {
    'hack-and-leak': [/stolen election data has been published online/, /données volées sur l’élection/],
    impersonation: [/pretend to come from official sources/, /se font passer pour des sources officielles/],
    'synthetic-media': [/posts with fake video, images or sound/, /des sons truqués/],
    'denial-of-service': [
      /attacks have been getting in the way of election websites/,
      /des attaques nuisent/,
    ],
    'cyber-intrusion': [
      /someone has been trying to break into election computers/,
      /tente d’entrer dans les systèmes informatiques/,
    ],
    intimidation: [/threats linked to the election/, /des menaces liées à l’élection/],
    'covert-funding': [/paid for with money that was not declared/, /payées par des fonds non déclarés/],
    'inauthentic-behaviour': [/fake accounts have been spreading posts/, /de faux comptes diffusent/],
    'mislead-voting-process': [/false information about how to vote/, /sur la façon de voter/],
    'suppress-turnout': [/could keep people from voting/, /empêcher des gens de voter/],
    'undermine-results': [/about the vote and its results/, /sur le vote et ses résultats/],
    'disrupt-administration': [/getting in the way of election services/, /nuisent aux services électoraux/],
    intimidate: [/threats linked to the election/, /des menaces liées à l’élection/],
    'discredit-candidate': [/misleading posts about the election/, /des messages trompeurs/],
    'promote-candidate': [/misleading posts about the election/, /des messages trompeurs/],
    polarize: [/misleading posts about the election/, /des messages trompeurs/],
    other: [/misleading posts about the election/, /des messages trompeurs/],
  };
  it.each(PURPOSES.flatMap((p) => THREAT_TYPES.map((t) => [p, t] as const)))(
    'fits a threat with purpose %s and type %s, in both languages',
    (purpose, type) => {
      const t = threat({ purpose, type });
      const d = render('public-statement', [t]);
      const content = ['disinformation', 'misinformation', 'malinformation', 'other'].includes(type);
      const [en, fr] = HAPPENED[content ? purpose : type]!;
      expect(section(d, 'en', 'context').text).toMatch(/^Since May 3, 2027, /);
      expect(section(d, 'en', 'context').text).toMatch(en);
      expect(nb(section(d, 'fr', 'context').text)).toMatch(/^Depuis le 3 mai 2027, /);
      expect(section(d, 'fr', 'context').text).toMatch(fr);
    },
  );

  it('says a cyber intrusion is one, not "false information about the vote and its results"', () => {
    const scan = threat({ purpose: 'undermine-results', type: 'cyber-intrusion' });
    const media = section(render('media-lines', [scan]), 'en', 'a-what').text;
    expect(media).toBe('Since May 3, 2027, someone has been trying to break into election computers.');
  });
});

describe('one spelling and one date style per language', () => {
  it('follows the organisation’s English and French varieties', () => {
    const gb = render('partner-notification', [threat()], assessment(), {
      ...PROFILE,
      variety: { en: 'en-GB', fr: 'fr-FR' },
    });
    expect(section(gb, 'en', 'handling').text).toBe(
      'This notice is for your organisation. Please do not publish it.',
    );
    const ca = render('partner-notification');
    expect(section(ca, 'en', 'handling').text).toBe(
      'This notice is for your organization. Please do not publish it.',
    );
    // France: a narrow no-break space before ? and "site web".
    const media = render('media-lines', [threat()], assessment(), {
      ...PROFILE,
      variety: { en: 'en-GB', fr: 'fr-FR' },
    });
    expect(section(media, 'fr', 'q-what').text).toBe('Que se passe-t-il\u202F?');
    expect(section(media, 'fr', 'key-sources').text).toContain('site web');
  });

  it('writes every date the same way: “May 3, 2027” and “3 mai 2027”', () => {
    for (const template of TEMPLATE_IDS) {
      const d = render(template);
      // (The record's own words may name a weekday, as the claim does: "after Friday, May 14".)
      expect(text(d, 'en')).not.toMatch(/day, [A-Z][a-z]+ \d{1,2}, 20\d\d|\b20\d\d-\d\d-\d\d\b/);
      expect(nb(text(d, 'fr'))).not.toMatch(/di \d{1,2}(er)? [a-zéû]+ 20\d\d|\b20\d\d-\d\d-\d\d\b/);
      if (template === 'public-statement') expect(text(d, 'en')).toMatch(/May 3, 2027/);
    }
  });
});
