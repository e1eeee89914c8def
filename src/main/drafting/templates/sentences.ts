// Sentences several templates share, written in each language (French written, not translated word for word).
// Public texts never use the analyst's summary: it often describes the false claim, and a correction mentions
// the claim once. What happened is said in plain sentences built from the record's fields instead.
import type {
  CommunicationPurpose,
  DraftLang,
  LocalizedText,
  MediaContact,
} from '../../../shared/domain/drafting';
import type { Purpose, ThreatType } from '../../../shared/domain/enums';
import type { Threat } from '../../../shared/domain/workspace';
import { capitalize } from '../plan/role-labels';
import { formatDate } from '../text/dates';
import { deFr, withArticleEn, withArticleFr } from '../text/french-grammar';
import { toComplete, translationNeeded } from '../text/placeholders';
import type { TemplateContext } from './context';

export { headline } from './headline';

/** The first verified fact of each threat, or a placeholder asking for one. */
/** The first fact of each threat, or a placeholder to complete when none has one: never empty. */
export function leadFacts(ctx: TemplateContext, lang: DraftLang): [string, ...string[]] {
  const [first, ...others] = ctx.threats
    .map((t) => ctx.facts(t, lang)[0])
    .filter((f): f is string => f !== undefined);
  return first === undefined ? [toComplete('threat.facts', lang)] : [first, ...others];
}

/** The facts after the first of each threat: they explain why the claim is false. */
export function supportingFacts(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.flatMap((t) => ctx.facts(t, lang).slice(1));
}

/** Every verified fact, in order. */
export function allFacts(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.flatMap((t) => ctx.facts(t, lang));
}

export function falseClaims(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.map((t) => ctx.text(t, 'falseClaim', lang)).filter((c): c is string => c !== undefined);
}

const HAPPENED: Record<Purpose, LocalizedText> = {
  'mislead-voting-process': {
    en: 'false information about how to vote has been going around.',
    fr: 'de fausses informations circulent sur la façon de voter.',
  },
  'suppress-turnout': {
    en: 'messages that could keep people from voting have been going around.',
    fr: 'des messages qui pourraient empêcher des gens de voter circulent.',
  },
  'undermine-results': {
    en: 'false information about the vote and its results has been going around.',
    fr: 'de fausses informations circulent sur le vote et ses résultats.',
  },
  'discredit-candidate': {
    en: 'misleading posts about the election have been going around.',
    fr: 'des messages trompeurs sur l’élection circulent.',
  },
  'promote-candidate': {
    en: 'misleading posts about the election have been going around.',
    fr: 'des messages trompeurs sur l’élection circulent.',
  },
  polarize: {
    en: 'misleading posts about the election have been going around.',
    fr: 'des messages trompeurs sur l’élection circulent.',
  },
  intimidate: {
    en: 'threats linked to the election have been going around.',
    fr: 'des menaces liées à l’élection circulent.',
  },
  'disrupt-administration': {
    en: 'some activity has been getting in the way of election services.',
    fr: 'des activités nuisent aux services électoraux.',
  },
  other: {
    en: 'misleading posts about the election have been going around.',
    fr: 'des messages trompeurs sur l’élection circulent.',
  },
};

/** Types that are what happened whatever their purpose (as for headlines): a cyber intrusion is not "false
 *  information", covert funding is not "misleading posts". */
const HAPPENED_BY_TYPE: Partial<Record<ThreatType, (t: Threat) => LocalizedText>> = {
  'hack-and-leak': (t) =>
    t.target.kind === 'candidate-or-party'
      ? {
          en: 'stolen campaign documents have been published online.',
          fr: 'des documents de campagne volés sont publiés en ligne.',
        }
      : {
          en: 'stolen election data has been published online.',
          fr: 'des données volées sur l’élection sont publiées en ligne.',
        },
  impersonation: () => ({
    en: 'messages that pretend to come from official sources have been going around.',
    fr: 'des messages qui se font passer pour des sources officielles circulent.',
  }),
  'synthetic-media': () => ({
    en: 'posts with fake video, images or sound have been going around.',
    fr: 'des vidéos, des images ou des sons truqués circulent.',
  }),
  'denial-of-service': () => ({
    en: 'attacks have been getting in the way of election websites.',
    fr: 'des attaques nuisent aux sites Web électoraux.',
  }),
  'cyber-intrusion': () => ({
    en: 'someone has been trying to break into election computers.',
    fr: 'quelqu’un tente d’entrer dans les systèmes informatiques des élections.',
  }),
  intimidation: () => ({
    en: 'threats linked to the election have been going around.',
    fr: 'des menaces liées à l’élection circulent.',
  }),
  'covert-funding': () => ({
    en: 'ads about the election have been running. They may have been paid for with money that was not declared.',
    fr: 'des publicités sur l’élection circulent. Elles ont peut-être été payées par des fonds non déclarés.',
  }),
  'inauthentic-behaviour': () => ({
    en: 'fake accounts have been spreading posts about the election.',
    fr: 'de faux comptes diffusent des messages sur l’élection.',
  }),
};

/** What happened to a threat, in words: from its type when the type is the story, else from its purpose. */
function happened(t: Threat): LocalizedText {
  return HAPPENED_BY_TYPE[t.type]?.(t) ?? HAPPENED[t.purpose];
}

/** "Since May 12, 2027, false information about how to vote has been going around." One per kind of event,
 *  dated from the earliest threat of that kind. */
export function whatHappened(ctx: TemplateContext, lang: DraftLang): string[] {
  const since = new Map<string, { what: LocalizedText; day: string }>();
  for (const t of ctx.threats) {
    const what = happened(t);
    const day = t.time.firstSeen.slice(0, 10);
    const had = since.get(what.en);
    if (had === undefined || day < had.day) since.set(what.en, { what, day });
  }
  return [...since.values()].map(({ what, day }) =>
    lang === 'fr'
      ? `Depuis le ${formatDate(day, 'fr')}, ${what.fr}`
      : `Since ${formatDate(day, 'en')}, ${what.en}`,
  );
}

/** Quotes a claim in the language's quotation marks (French spacing is added by the typography pass). */
export function quote(text: string, lang: DraftLang): string {
  return lang === 'fr' ? `« ${text} »` : `“${text}”`;
}

/** Warns that a false claim follows, quotes each claim once, and says plainly that it is false. */
export function falsehoodParagraph(claims: string[], lang: DraftLang): string {
  if (lang === 'fr') {
    return claims
      .map((c, i) =>
        i === 0
          ? `Une fausse information circule. Elle dit : ${quote(c, lang)} C’est faux.`
          : `Une autre fausse information dit : ${quote(c, lang)} C’est faux aussi.`,
      )
      .join(' ');
  }
  return claims
    .map((c, i) =>
      i === 0
        ? `A false claim is circulating. It says: ${quote(c, lang)} This is false.`
        : `Another false claim says: ${quote(c, lang)} This is also false.`,
    )
    .join(' ');
}

/** The names of the actors behind the threats, as used in a sentence ("the Republic of Varnia"). */
function actorPhrase(ctx: TemplateContext, lang: DraftLang): string | undefined {
  const names = [
    ...new Set(ctx.threats.map((t) => ctx.actor(t, lang)).filter((n): n is string => n !== undefined)),
  ];
  if (names.length === 0) return undefined;
  return lang === 'fr'
    ? names.map((n) => deFr(withArticleFr(n))).join(' et ')
    : names.map(withArticleEn).join(' and ');
}

/** Who is behind the activity, only when the assessment allows it to be said (high confidence). */
export function attributionSentence(ctx: TemplateContext, lang: DraftLang): string | undefined {
  if (!ctx.plan.attributionMayBeStated) return undefined;
  const foreignState = ctx.threats.some(
    (t) => t.source.actor === 'foreign-state' || t.source.actor === 'foreign-proxy',
  );
  const named = actorPhrase(ctx, lang);
  if (named === undefined && !foreignState) return undefined;
  const speaker = capitalize(ctx.plan.spokesperson.label[lang]);
  if (lang === 'fr') {
    const who = named ?? 'd’un État étranger';
    return ctx.safe(
      `${speaker} estime avec un degré de confiance élevé que cette activité est le fait ${who}.`,
      lang,
    );
  }
  const who = named ?? 'a foreign state';
  return ctx.safe(`${speaker} assesses with high confidence that ${who} carried out this activity.`, lang);
}

const ACTIONS: Record<CommunicationPurpose, LocalizedText> = {
  correct: {
    en:
      'Check facts about the vote with official sources before you share them. If you see ' +
      'the false claim, do not share it.',
    fr:
      'Vérifiez les faits sur le vote auprès des sources officielles avant de les partager. ' +
      'Si vous voyez la fausse information, ne la partagez pas.',
  },
  warn: {
    en:
      'Be careful with posts and accounts that seem official. Check them with the sources ' +
      'below. Report fake accounts to the platform.',
    fr:
      'Méfiez-vous des messages et des comptes qui semblent officiels. Vérifiez-les auprès ' +
      'des sources ci-dessous. Signalez les faux comptes à la plateforme.',
  },
  reassure: {
    en: 'Get facts about the vote and the results from official sources. If you have a question, ask us.',
    fr:
      'Informez-vous sur le vote et les résultats auprès des sources officielles. Si vous ' +
      'avez une question, posez-la-nous.',
  },
  inform: {
    en: 'Check facts about the vote with official sources before you share them.',
    fr: 'Vérifiez les faits sur le vote auprès des sources officielles avant de les partager.',
  },
  notify: {
    en: 'Check facts about the vote with official sources before you share them.',
    fr: 'Vérifiez les faits sur le vote auprès des sources officielles avant de les partager.',
  },
};

export function actionText(ctx: TemplateContext, lang: DraftLang): string {
  return ACTIONS[ctx.plan.purpose][lang];
}

export function protectionText(ctx: TemplateContext, lang: DraftLang): string {
  return ctx.safe(ctx.plan.protectionMeasures[lang].join(' '), lang);
}

/** One source per line. */
export function reliableSourcesText(ctx: TemplateContext, lang: DraftLang): string {
  const lines = ctx.plan.reliableSources[lang];
  return ctx.safe(lines.length > 0 ? lines.join('\n') : toComplete('plan.reliableSources', lang), lang);
}

/** The organisation's name as used in a sentence, or a placeholder. */
export function organisationName(ctx: TemplateContext, lang: DraftLang): string {
  return ctx.organisation.name[lang].trim() || toComplete('organisation.name', lang);
}

/** Name, role, email and phone of the media contact, one per line, placeholders for what is missing. */
export function mediaContactText(contact: MediaContact, ctx: TemplateContext, lang: DraftLang): string {
  const fr = lang === 'fr';
  const org = ctx.organisation.name[lang].trim();
  const lines = [
    contact.name?.trim() || toComplete('organisation.mediaContact.name', lang),
    contact.role?.[lang]?.trim() ||
      (fr
        ? `Relations avec les médias, ${org || ctx.plan.spokesperson.label.fr}`
        : `Media relations, ${org || capitalize(ctx.plan.spokesperson.label.en)}`),
    contact.email?.trim() || toComplete('organisation.mediaContact.email', lang),
    contact.phone?.trim() || toComplete('organisation.mediaContact.phone', lang),
  ];
  return ctx.safe(lines.join('\n'), lang);
}

/** Where the election is, for a dateline, in the draft's language. */
export function datelinePlace(ctx: TemplateContext, lang: DraftLang): string {
  const election = ctx.election;
  if (!election) return organisationName(ctx, lang);
  // The election's own fields are in English; other languages come from its translations.
  const translated = election.translations?.[lang]?.jurisdiction?.trim();
  if (translated) return translated;
  return lang === 'en' ? election.jurisdiction.trim() : translationNeeded('election.jurisdiction', lang);
}

export const HEADINGS = {
  whatIsBeingDone: { en: 'What is being done', fr: 'Ce qui est fait' },
  whatYouCanDo: { en: 'What you can do', fr: 'Ce que vous pouvez faire' },
  reliableInformation: { en: 'Where to find reliable information', fr: 'Où trouver de l’information fiable' },
  mediaContact: { en: 'Media contact', fr: 'Personne-ressource pour les médias' },
} satisfies Record<string, LocalizedText>;
