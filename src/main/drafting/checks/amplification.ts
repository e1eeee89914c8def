// amplification: the false claim repeated. A correction mentions the falsehood once, after the fact, never in
// the headline (Debunking Handbook 2020). Errors: in the headline, or more than once; warning: in the first
// paragraph, where it would be read before the fact.
import type { Check, DraftLang } from '../../../shared/domain/drafting';
import { claimOccurrences } from '../text/claim-occurrences';
import { finding, type CheckFn, type SectionView } from './run';

export const amplification: CheckFn = ({ ctx, sections }) => {
  if (ctx.falseClaims.claims.length === 0) return [];
  const out: Check[] = [];
  const seen = new Map<DraftLang, number>();
  const firstParagraph = new Map<DraftLang, SectionView>();
  for (const view of sections) {
    if (view.section.kind !== 'headline' && !firstParagraph.has(view.lang))
      firstParagraph.set(view.lang, view);
  }
  for (const view of sections) {
    for (const span of claimOccurrences(view.section.text, ctx.falseClaims, view.tokens())) {
      const count = (seen.get(view.lang) ?? 0) + 1;
      seen.set(view.lang, count);
      if (view.section.kind === 'headline')
        out.push(
          finding(
            'amplification',
            'error',
            'The false claim is in the headline. Headline the fact instead.',
            view,
            span.start,
            span.end,
          ),
        );
      else if (count > 1)
        out.push(
          finding(
            'amplification',
            'error',
            `The false claim appears ${count} times. Mention it once, clearly marked false, between ` +
              `two statements of the fact.`,
            view,
            span.start,
            span.end,
          ),
        );
      else if (firstParagraph.get(view.lang) === view)
        out.push(
          finding(
            'amplification',
            'warning',
            'The false claim is in the first paragraph. Lead with the fact.',
            view,
            span.start,
            span.end,
          ),
        );
    }
  }
  return out;
};
