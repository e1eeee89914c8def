// amplification: the false claim repeated, in its own words or in others (shared runs of its content words).
// A correction states the fact, then mentions the falsehood once, quoted and marked false, never in the
// headline (Debunking Handbook 2020). Errors: in the headline, before or within the first statement of the
// fact, or more than once in a language.
import type { Check, DraftLang } from '../../../shared/domain/drafting';
import { claimOccurrences } from '../text/claim-occurrences';
import { finding, type CheckFn, type SectionView } from './run';

export const amplification: CheckFn = ({ ctx, sections }) => {
  if (ctx.falseClaims.runs.size === 0) return [];
  const out: Check[] = [];
  const seen = new Map<DraftLang, number>();
  const firstFact = new Map<DraftLang, SectionView>();
  for (const view of sections)
    if (view.section.kind === 'fact' && !firstFact.has(view.lang)) firstFact.set(view.lang, view);
  for (const view of sections) {
    for (const span of claimOccurrences(view.section.text, ctx.falseClaims, view.tokens())) {
      const count = (seen.get(view.lang) ?? 0) + 1;
      seen.set(view.lang, count);
      const fact = firstFact.get(view.lang);
      if (view.section.kind === 'headline')
        out.push(finding('amplification', 'error', 'headline', {}, view, span.start, span.end));
      else if (count > 1)
        out.push(finding('amplification', 'error', 'repeated', { count }, view, span.start, span.end));
      else if (!fact || view.index <= fact.index)
        out.push(finding('amplification', 'error', 'beforeFact', {}, view, span.start, span.end));
    }
  }
  return out;
};
