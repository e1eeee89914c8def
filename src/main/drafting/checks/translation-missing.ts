// translation-missing: a "[TRANSLATION NEEDED: …]" / "[TRADUCTION NÉCESSAIRE : …]" placeholder, left where
// the record has no text in the draft's language (a summary, a fact, the actor's or a place's name). Never
// silently mix languages; never release with a gap. The message says which field, in which language.
import { TRANSLATION_PLACEHOLDER, placeholderField } from '../text/placeholders';
import { finding, type CheckFn } from './run';

export const translationMissing: CheckFn = ({ sections }) =>
  sections.flatMap((view) =>
    [...view.section.text.matchAll(TRANSLATION_PLACEHOLDER)].map((m) => {
      const span = [m.index, m.index + m[0].length] as const;
      const field = placeholderField(m[1] ?? '');
      if (!field)
        return finding(
          'translation-missing',
          'error',
          'missingText',
          { text: (m[1] ?? '').trim() },
          view,
          ...span,
        );
      return field.n === undefined
        ? finding('translation-missing', 'error', 'missing', { field: field.field }, view, ...span)
        : finding(
            'translation-missing',
            'error',
            'missingItem',
            { field: field.field, n: field.n },
            view,
            ...span,
          );
    }),
  );
