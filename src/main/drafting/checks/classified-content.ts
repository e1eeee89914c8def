// classified-content: any passage of a draft that leaves the organisation overlapping a classified note, in
// any language, by runs of five folded words (robust to punctuation, case, spacing, invisible characters,
// compatibility forms and look-alike letters); and any identifying token of a note (a reference code, a long
// number, a proper noun, a rare word) that the unclassified record does not hold. The message never repeats
// the passage.
import { findPhraseSpans } from '../text/phrase-index';
import { textTokens } from '../text/distinctive-tokens';
import { finding, type CheckFn } from './run';

export const classifiedContent: CheckFn = ({ ctx, sections }) =>
  sections.flatMap((view) => {
    const passages = ctx.classified.flatMap(({ classification, index }) =>
      findPhraseSpans(view.section.text, index, view.tokens()).map((span) =>
        finding('classified-content', 'error', 'passage', { classification }, view, span.start, span.end),
      ),
    );
    if (ctx.classifiedTokens.size === 0) return passages;
    const inPassage = (start: number) => passages.some((p) => start >= p.start && start < p.end);
    const tokens = textTokens(view.section.text, view.tokens()).flatMap((token) => {
      const found = ctx.classifiedTokens.get(token.key);
      if (found === undefined || inPassage(token.start)) return [];
      return [
        finding(
          'classified-content',
          'error',
          'token',
          { classification: found.classification, kind: found.kind },
          view,
          token.start,
          token.end,
        ),
      ];
    });
    return [...passages, ...tokens];
  });
