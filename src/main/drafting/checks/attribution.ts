// attribution: the actor's name, a foreign country or state, or a phrase like "a foreign state", in text
// that leaves the organisation while attribution may not be stated (confidence below high, or withheld by a gate).
import { matchTerms } from '../text/term-matcher';
import { finding, type CheckFn } from './run';

export const attribution: CheckFn = ({ ctx, sections }) => {
  if (ctx.attributionAllowed) return [];
  // Contact blocks and recipient lists hold our own people's names ("Jordan Blake"), not attributions.
  return sections
    .filter((v) => v.section.kind !== 'media-contact' && v.section.kind !== 'recipients')
    .flatMap((view) =>
      matchTerms(view.tokens(), ctx.attribution).map((m) => {
        const what = view.section.text.slice(m.start, m.end);
        return m.meta.generic
          ? finding(
              'attribution',
              'warning',
              `"${what}" suggests who is behind the activity, but attribution may not be stated ` +
                `(confidence is below high).`,
              view,
              m.start,
              m.end,
            )
          : finding(
              'attribution',
              'error',
              m.meta.actor
                ? `Names the source of the activity ("${what}"), but attribution may not be stated (confidence ` +
                    `is below high).`
                : `Names a foreign country or state ("${what}"), but attribution may not be stated (confidence ` +
                    `is below high).`,
              view,
              m.start,
              m.end,
            );
      }),
    );
};
