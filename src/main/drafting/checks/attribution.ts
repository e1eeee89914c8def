// attribution: the actor's name, a foreign country or state, or a phrase that implies one ("a foreign
// state-linked network"), in text that leaves the organisation while the assessment says attribution may not
// be stated (confidence below high, or withheld by a gate). Each is an error: it blocks review and approval.
import { matchTerms } from '../text/term-matcher';
import { finding, type CheckFn } from './run';

export const attribution: CheckFn = ({ ctx, sections }) => {
  if (ctx.attributionAllowed) return [];
  // Contact blocks and recipient lists hold our own people's names ("Jordan Blake"), not attributions.
  return sections
    .filter((v) => v.section.kind !== 'media-contact' && v.section.kind !== 'recipients')
    .flatMap((view) =>
      matchTerms(view.tokens(), ctx.attribution).map((m) =>
        finding(
          'attribution',
          'error',
          m.meta.generic ? 'implied' : m.meta.actor ? 'actor' : 'country',
          { text: view.section.text.slice(m.start, m.end) },
          view,
          m.start,
          m.end,
        ),
      ),
    );
};
