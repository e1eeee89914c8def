// classified-content: any passage of a draft that leaves the organisation overlapping a classified note, in
// any language, by runs of five folded words (robust to punctuation, case, spacing, invisible characters,
// compatibility forms and look-alike letters). The message never repeats the passage.
import { findPhraseSpans } from '../text/phrase-index';
import { finding, type CheckFn } from './run';

export const classifiedContent: CheckFn = ({ ctx, sections }) =>
  sections.flatMap((view) =>
    ctx.classified.flatMap(({ classification, index }) =>
      findPhraseSpans(view.section.text, index, view.tokens()).map((span) =>
        finding(
          'classified-content',
          'error',
          `This passage matches a ${classification} note. Remove it: nothing classified may ` +
            `leave the organisation.`,
          view,
          span.start,
          span.end,
        ),
      ),
    ),
  );
