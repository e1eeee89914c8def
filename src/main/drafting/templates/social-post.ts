// Social media post: at most 280 characters per language. It never repeats the false claim (a post is
// shared out of context); it gives the fact, says what is being done and where to check. When the fact is
// too long it falls back to a shorter, general fact rather than cutting someone's words.
import type {
  CommunicationPurpose,
  DraftLang,
  DraftSection,
  LocalizedText,
} from '../../../shared/domain/drafting';
import { frenchTypography } from '../text/french-typography';
import type { TemplateContext } from './context';
import { falseClaims, leadFacts } from './sentences';

export const SOCIAL_POST_LIMIT = 280;

/** Characters as people (and platforms) count them: code points, not UTF-16 units. */
export function postLength(text: string): number {
  return [...text].length;
}

/** How a post's sections are joined, here and in the length check. */
export function socialPostText(sections: readonly Pick<DraftSection, 'text'>[]): string {
  return sections
    .map((s) => s.text.trim())
    .filter((t) => t !== '')
    .join(' ');
}

const CORRECTION: LocalizedText = {
  en: 'Posts saying otherwise are false.',
  fr: 'Les publications qui affirment le contraire sont fausses.',
};
const OFFICIAL_ONLY: LocalizedText = {
  en: 'Official information comes only from official accounts.',
  fr: 'L’information officielle provient uniquement des comptes officiels.',
};
const PROTECTION: LocalizedText = {
  en: 'We are working with platforms to protect the vote.',
  fr: 'Nous travaillons avec les plateformes pour protéger le vote.',
};
const DETAILS: LocalizedText = { en: 'Details:', fr: 'Détails :' };

/** "Visit the election authority's website: example.org" → "Details: example.org", for a post short of room. */
function shortSource(line: string, lang: DraftLang): string | undefined {
  const address = /:\s*(\S+)\s*$/.exec(line)?.[1];
  return address ? `${DETAILS[lang]} ${address}` : undefined;
}
const GENERAL_FACT: Record<CommunicationPurpose, LocalizedText> = {
  correct: {
    en: 'False information about the election is circulating.',
    fr: 'De la fausse information sur l’élection circule.',
  },
  warn: {
    en: 'Be careful with accounts that pretend to be official.',
    fr: 'Méfiez-vous des comptes qui se font passer pour des sources officielles.',
  },
  reassure: {
    en: 'Election services and safeguards are in place.',
    fr: 'Les services et les mesures de protection électoraux sont en place.',
  },
  inform: {
    en: 'We are aware of activity that could mislead voters.',
    fr: 'Nous sommes au courant d’une activité qui pourrait tromper l’électorat.',
  },
  notify: {
    en: 'We are aware of activity that could mislead voters.',
    fr: 'Nous sommes au courant d’une activité qui pourrait tromper l’électorat.',
  },
};

export function socialPost(
  ctx: TemplateContext,
  lang: DraftLang,
): { title: string; sections: DraftSection[] } {
  const title = lang === 'fr' ? 'Publication pour les médias sociaux' : 'Social media post';
  const [fact] = leadFacts(ctx, lang);
  const second =
    falseClaims(ctx, lang).length > 0
      ? CORRECTION[lang]
      : ctx.plan.purpose === 'warn'
        ? OFFICIAL_ONLY[lang]
        : '';
  const sources = ctx.safe(ctx.plan.reliableSources[lang][0] ?? '', lang);
  const short = shortSource(sources, lang) ?? sources;
  /** The post: the fact, the correction if asked, what is being done, and where to check. */
  const post = (correction: boolean, where: string): DraftSection[] => [
    { id: 'fact', kind: 'fact', text: fact },
    ...(correction ? [{ id: 'correction', kind: 'body' as const, text: second }] : []),
    { id: 'protection', kind: 'protection', text: PROTECTION[lang] },
    { id: 'reliable-sources', kind: 'reliable-sources', text: where },
  ];
  // From the fullest to the shortest; the last states the general fact.
  const candidates = [
    post(true, sources),
    post(false, sources),
    post(true, short),
    post(false, short),
    [
      { id: 'fact', kind: 'fact', text: GENERAL_FACT[ctx.plan.purpose][lang] },
      { id: 'protection', kind: 'protection', text: PROTECTION[lang] },
      { id: 'reliable-sources', kind: 'reliable-sources', text: sources },
    ] satisfies DraftSection[],
  ].map((c) => c.filter((s) => s.text.trim() !== ''));
  const measure = (c: DraftSection[]) => {
    const text = socialPostText(c);
    return postLength(lang === 'fr' ? frenchTypography(text) : text);
  };
  // The last candidate is the shortest: the general fact.
  const fitting = candidates.find((c) => measure(c) <= SOCIAL_POST_LIMIT) ?? candidates.at(-1) ?? [];
  return { title, sections: fitting };
}
