// Sentences several templates share, written in both languages (French written, not translated word for word).
import type {
  CommunicationPurpose,
  DraftLang,
  LocalizedText,
  MediaContact,
} from '../../../shared/domain/drafting';
import type { Purpose, ThreatType } from '../../../shared/domain/enums';
import type { Threat } from '../../../shared/domain/workspace';
import { capitalize } from '../plan/role-labels';
import { DRAFT_LANGS } from '../../../shared/domain/drafting';
import { buildClaimIndex, claimOccurrences } from '../text/claim-occurrences';
import { formatDate } from '../text/dates';
import { toComplete, withoutPlaceholders } from '../text/placeholders';
import { threatText } from './free-text';
import type { TemplateContext } from './context';

const pick = (t: LocalizedText, lang: DraftLang) => t[lang];

/** Headlines say what is true or useful, never the false claim (Debunking Handbook: don't headline the myth). */
const HEADLINE_BY_TYPE: Partial<Record<ThreatType, LocalizedText>> = {
  impersonation: {
    en: 'Official election information comes only from official sources',
    fr: 'L’information électorale officielle provient uniquement de sources officielles',
  },
  'synthetic-media': {
    en: 'Be careful with altered videos, images and audio during the election',
    fr: 'Méfiez-vous des vidéos, des images et des enregistrements modifiés pendant l’élection',
  },
  'denial-of-service': {
    en: 'Update on access to election services',
    fr: 'Le point sur l’accès aux services électoraux',
  },
};

const HEADLINE_BY_PURPOSE: Record<Purpose, LocalizedText> = {
  'mislead-voting-process': {
    en: 'How to vote: the facts',
    fr: 'Comment voter : les faits',
  },
  'suppress-turnout': {
    en: 'Every eligible voter can vote: when, where and how',
    fr: 'Toute personne qui a le droit de voter peut le faire : quand, où et comment',
  },
  'undermine-results': {
    en: 'How votes are counted and results confirmed',
    fr: 'Comment les votes sont comptés et les résultats confirmés',
  },
  'discredit-candidate': {
    en: 'Protecting the election from misleading online activity',
    fr: 'Protéger l’élection contre les activités trompeuses en ligne',
  },
  'promote-candidate': {
    en: 'Protecting the election from misleading online activity',
    fr: 'Protéger l’élection contre les activités trompeuses en ligne',
  },
  polarize: {
    en: 'Protecting the election from misleading online activity',
    fr: 'Protéger l’élection contre les activités trompeuses en ligne',
  },
  intimidate: {
    en: 'Keeping voters, candidates and election workers safe',
    fr: 'Assurer la sécurité de l’électorat, des candidats et du personnel électoral',
  },
  'disrupt-administration': { en: 'Update on election services', fr: 'Le point sur les services électoraux' },
  other: { en: 'Information about the election', fr: 'Information sur l’élection' },
};

export function headline(threat: Threat, lang: DraftLang): string {
  return pick(HEADLINE_BY_TYPE[threat.type] ?? HEADLINE_BY_PURPOSE[threat.purpose], lang);
}

/** The first verified fact of each threat, or a placeholder asking for one. */
/** The first fact of each threat, or a placeholder to complete when none has one: never empty. */
export function leadFacts(ctx: TemplateContext, lang: DraftLang): [string, ...string[]] {
  const [first, ...others] = ctx.threats
    .map((t) => ctx.facts(t, lang)[0])
    .filter((f): f is string => f !== undefined);
  return first === undefined
    ? [toComplete(lang === 'fr' ? 'le fait vérifié' : 'the verified fact', lang)]
    : [first, ...others];
}

/** The facts after the first of each threat: they explain why the claim is false. */
export function supportingFacts(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.flatMap((t) => ctx.facts(t, lang).slice(1));
}

export function falseClaims(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.map((t) => ctx.text(t, 'falseClaim', lang)).filter((c): c is string => c !== undefined);
}

export function summaries(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.map((t) => ctx.text(t, 'summary', lang)).filter((s): s is string => s !== undefined);
}

const HAPPENED: Record<Purpose, LocalizedText> = {
  'mislead-voting-process': {
    en: 'false information about how to vote has been circulating.',
    fr: 'de fausses informations circulent sur la façon de voter.',
  },
  'suppress-turnout': {
    en: 'messages that could discourage people from voting have been circulating.',
    fr: 'des messages qui pourraient décourager des gens d’aller voter circulent.',
  },
  'undermine-results': {
    en: 'false information about how votes are counted has been circulating.',
    fr: 'de fausses informations circulent sur la façon dont les votes sont comptés.',
  },
  'discredit-candidate': {
    en: 'misleading content about the election has been circulating.',
    fr: 'des contenus trompeurs sur l’élection circulent.',
  },
  'promote-candidate': {
    en: 'misleading content about the election has been circulating.',
    fr: 'des contenus trompeurs sur l’élection circulent.',
  },
  polarize: {
    en: 'misleading content about the election has been circulating.',
    fr: 'des contenus trompeurs sur l’élection circulent.',
  },
  intimidate: {
    en: 'threatening messages about the election have been circulating.',
    fr: 'des messages menaçants liés à l’élection circulent.',
  },
  'disrupt-administration': {
    en: 'some activity has been disrupting election services.',
    fr: 'des activités perturbent les services électoraux.',
  },
  other: {
    en: 'misleading content about the election has been circulating.',
    fr: 'des contenus trompeurs sur l’élection circulent.',
  },
};

/**
 * What happened, for public texts: each threat's summary, unless the summary itself repeats the false claim
 * (it often describes it), in which case a plain sentence replaces it so that the claim appears only once.
 */
export function whatHappened(ctx: TemplateContext, lang: DraftLang): string[] {
  return ctx.threats.flatMap((t) => {
    const summary = ctx.text(t, 'summary', lang);
    const claims = DRAFT_LANGS.map((l) => threatText(t, 'falseClaim', l)).filter(
      (c): c is string => c !== undefined && withoutPlaceholders(c) !== '',
    );
    if (summary !== undefined && claimOccurrences(summary, buildClaimIndex(claims)).length === 0)
      return [summary];
    const since = formatDate(t.time.firstSeen.slice(0, 10), lang, false);
    return [
      lang === 'fr'
        ? `Depuis le ${since}, ${HAPPENED[t.purpose].fr}`
        : `Since ${since}, ${HAPPENED[t.purpose].en}`,
    ];
  });
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
          ? `Une fausse information circule. On peut y lire : ${quote(c, lang)} C’est faux.`
          : `Une autre fausse information affirme : ${quote(c, lang)} C’est faux également.`,
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

export function attributionSentence(ctx: TemplateContext, lang: DraftLang): string | undefined {
  if (!ctx.plan.attributionMayBeStated) return undefined;
  const names = [...new Set(ctx.threats.map((t) => (t.source.name ?? '').trim()).filter((n) => n !== ''))];
  const foreignState = ctx.threats.some(
    (t) => t.source.actor === 'foreign-state' || t.source.actor === 'foreign-proxy',
  );
  if (names.length === 0 && !foreignState) return undefined;
  const who =
    names.length > 0
      ? names.join(lang === 'fr' ? ' et ' : ' and ')
      : lang === 'fr'
        ? 'un État étranger'
        : 'a foreign state';
  const speaker = capitalize(ctx.plan.spokesperson.label[lang]);
  return ctx.safe(
    lang === 'fr'
      ? `${speaker} estime avec un degré de confiance élevé que cette activité est le fait de ${who}.`
      : `${speaker} assesses with high confidence that ${who} carried out this activity.`,
    lang,
  );
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
    en:
      'Get facts about the vote and the results from official sources. If you have a question, ' +
      'ask the election authority.',
    fr:
      'Informez-vous sur le vote et les résultats auprès des sources officielles. Si vous ' +
      'avez une question, posez-la à l’autorité électorale.',
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
  return ctx.safe(
    lines.length > 0
      ? lines.join('\n')
      : toComplete(lang === 'fr' ? 'sources d’information fiables' : 'reliable sources', lang),
    lang,
  );
}

/** Name, role, email and phone of the media contact, one per line, placeholders for what is missing. */
export function mediaContactText(contact: MediaContact, ctx: TemplateContext, lang: DraftLang): string {
  const fr = lang === 'fr';
  const lines = [
    contact.name?.trim() || toComplete(fr ? 'nom de la personne-ressource' : 'contact name', lang),
    contact.role?.[lang]?.trim() ||
      capitalize(
        fr
          ? `Relations avec les médias, ${ctx.plan.spokesperson.label.fr}`
          : `Media relations, ${ctx.plan.spokesperson.label.en}`,
      ),
    contact.email?.trim() || toComplete(fr ? 'courriel' : 'email', lang),
    contact.phone?.trim() || toComplete(fr ? 'téléphone' : 'phone', lang),
  ];
  return ctx.safe(lines.join('\n'), lang);
}

export const HEADINGS = {
  whatIsBeingDone: { en: 'What is being done', fr: 'Ce qui est fait' },
  whatYouCanDo: { en: 'What you can do', fr: 'Ce que vous pouvez faire' },
  reliableInformation: { en: 'Where to find reliable information', fr: 'Où trouver de l’information fiable' },
  mediaContact: { en: 'Media contact', fr: 'Relations avec les médias' },
} satisfies Record<string, LocalizedText>;
