// Social media post: at most 280 characters per language. It never repeats the false claim (a post is
// shared out of context); it opens with the fact, says what is being done and where to check. What does not
// fit is shortened in this order: the correction goes, the source line becomes just the address, the
// protection sentence gets shorter; then the fact is cut to its first sentence, and only as a last resort to
// its first words, so that every post carries the fact.
import type { DraftLang, DraftSection, LocalizedText } from '../../../shared/domain/drafting';
import type { ThreatType } from '../../../shared/domain/enums';
import { DOCUMENT_LABELS } from '../../documents/labels';
import { PROTECTION_BY_TYPE } from '../plan/protection-measures';
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

const WORDS = DOCUMENT_LABELS.socialPost;
const CORRECTION: LocalizedText = WORDS.correction;
const OFFICIAL_ONLY: LocalizedText = WORDS.officialOnly;
const PROTECTION: LocalizedText = WORDS.protection;
/** What is being done, for threats that platforms do not handle (as the plan's measures say it). */
const PROTECTION_IN_A_POST: Partial<Record<ThreatType, LocalizedText>> = {
  ...WORDS.protectionByType,
  // The same sentences as the plan's measures.
  intimidation: PROTECTION_BY_TYPE.intimidation,
  'covert-funding': PROTECTION_BY_TYPE['covert-funding'],
};
/** For a post short of room: what is being done, in fewer words. */
const PROTECTION_SHORT: LocalizedText = WORDS.protectionShort;
const DETAILS: LocalizedText = WORDS.details;

/** "Visit Elections Lakeshore’s website: example.org" → "Details: example.org", for a post short of room. */
function shortSource(line: string, lang: DraftLang): string | undefined {
  const address = /:\s*(\S+)\s*$/.exec(line)?.[1];
  return address && !address.endsWith(']') ? `${DETAILS[lang]} ${address}` : undefined;
}

/** The first sentence of a fact, or its first words with an ellipsis when even that is too long. */
function shorterFact(fact: string, room: number): string {
  const first = /^.+?[.!?](?=\s|$)/u.exec(fact)?.[0] ?? fact;
  if ([...first].length <= room) return first;
  const words = first.split(/\s+/);
  let out = '';
  for (const w of words) {
    if ([...`${out} ${w} …`].length > room) break;
    out = out ? `${out} ${w}` : w;
  }
  return `${out} …`;
}

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
  const protection = (PROTECTION_IN_A_POST[ctx.threats[0].type] ?? PROTECTION)[lang];
  const sources = ctx.safe(ctx.plan.reliableSources[lang][0] ?? '', lang);
  const short = shortSource(sources, lang) ?? sources;
  const post = (factText: string, parts: [string, string][]): DraftSection[] =>
    [
      { id: 'fact', kind: 'fact', text: factText } as DraftSection,
      ...parts.map(([id, text]) => ({
        id,
        kind: (id === 'correction' ? 'body' : id) as DraftSection['kind'],
        text,
      })),
    ].filter((s) => s.text.trim() !== '');
  const measure = (c: DraftSection[]) => {
    const text = socialPostText(c);
    return postLength(lang === 'fr' ? frenchTypography(text, ctx.varieties.fr) : text);
  };
  const candidates: DraftSection[][] = [
    post(fact, [
      ['correction', second],
      ['protection', protection],
      ['reliable-sources', sources],
    ]),
    post(fact, [
      ['correction', second],
      ['protection', protection],
      ['reliable-sources', short],
    ]),
    post(fact, [
      ['protection', protection],
      ['reliable-sources', short],
    ]),
    post(fact, [
      ['protection', PROTECTION_SHORT[lang]],
      ['reliable-sources', short],
    ]),
  ];
  const fitting = candidates.find((c) => measure(c) <= SOCIAL_POST_LIMIT);
  if (fitting) return { title, sections: fitting };
  // The fact is too long: keep its first sentence (or first words), what is done and where to check.
  const rest: [string, string][] = [
    ['protection', PROTECTION_SHORT[lang]],
    ['reliable-sources', short],
  ];
  const room = SOCIAL_POST_LIMIT - rest.reduce((n, [, t]) => n + (t ? postLength(t) + 1 : 0), 0);
  return { title, sections: post(shorterFact(fact, room), rest) };
}
