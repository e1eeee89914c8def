// Public statement (a news release), built as a "truth sandwich" (Debunking Handbook 2020): a headline that
// does not repeat the falsehood; the place for the dateline; the fact first; what happened, in plain words
// from the record; the falsehood once, quoted and marked false, with why; the fact again; what is being done;
// what people can do and where to find reliable information; the media contact. The Word document adds the
// organisation's name and logo, "FOR IMMEDIATE RELEASE", the dateline's date and "-30-".
import type { DraftLang, DraftSection } from '../../../shared/domain/drafting';
import { afterColonFr } from '../text/french-grammar';
import type { TemplateContext } from './context';
import {
  HEADINGS,
  actionText,
  attributionSentence,
  datelinePlace,
  falseClaims,
  falsehoodParagraph,
  headline,
  leadFacts,
  mediaContactText,
  protectionText,
  reliableSourcesText,
  supportingFacts,
  whatHappened,
} from './sentences';

export function publicStatement(
  ctx: TemplateContext,
  lang: DraftLang,
): { title: string; sections: DraftSection[] } {
  const fr = lang === 'fr';
  const title = headline(ctx.threats[0], lang);
  const facts = leadFacts(ctx, lang);
  const claims = falseClaims(ctx, lang);
  const attribution = attributionSentence(ctx, lang);
  const sections: DraftSection[] = [
    { id: 'headline', kind: 'headline', text: title },
    { id: 'dateline', kind: 'dateline', text: datelinePlace(ctx, lang) },
    { id: 'fact', kind: 'fact', text: facts.join(' ') },
    {
      id: 'context',
      kind: 'context',
      text: [...whatHappened(ctx, lang), ...(attribution ? [attribution] : [])].join(' '),
    },
  ];
  if (claims.length > 0) {
    sections.push(
      {
        id: 'falsehood',
        kind: 'falsehood',
        text: [falsehoodParagraph(claims, lang), ...supportingFacts(ctx, lang)].join(' '),
      },
      {
        id: 'fact-repeat',
        kind: 'fact-repeat',
        text: fr ? `Rappelons-le : ${afterColonFr(facts.join(' '))}` : `To be clear: ${facts.join(' ')}`,
      },
    );
  } else {
    const more = supportingFacts(ctx, lang);
    if (more.length > 0) sections.push({ id: 'more-facts', kind: 'fact', text: more.join(' ') });
  }
  sections.push(
    {
      id: 'protection',
      kind: 'protection',
      heading: HEADINGS.whatIsBeingDone[lang],
      text: protectionText(ctx, lang),
    },
    { id: 'action', kind: 'action', heading: HEADINGS.whatYouCanDo[lang], text: actionText(ctx, lang) },
    {
      id: 'reliable-sources',
      kind: 'reliable-sources',
      heading: HEADINGS.reliableInformation[lang],
      text: reliableSourcesText(ctx, lang),
    },
    {
      id: 'media-contact',
      kind: 'media-contact',
      heading: HEADINGS.mediaContact[lang],
      text: mediaContactText(ctx.plan.mediaContact, ctx, lang),
    },
  );
  return { title, sections: sections.filter((s) => s.text.trim() !== '') };
}
