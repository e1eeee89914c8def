// placeholder: "[TO COMPLETE: …]" where the organisation profile, the record or the plan lacks something (a
// web address, a media contact, a verified fact), or "[REMOVED: …]" where free text overlapping a classified
// note was taken out. Either must be rewritten. The message says which field is missing and where to add it.
import { OTHER_PLACEHOLDER, placeholderField } from '../text/placeholders';
import { finding, type CheckFn } from './run';

export const placeholder: CheckFn = ({ sections }) =>
  sections.flatMap((view) =>
    [...view.section.text.matchAll(OTHER_PLACEHOLDER)].map((m) => {
      const span = [m.index, m.index + m[0].length] as const;
      if (/^\[(REMOVED|RETIRÉ)/.test(m[0]))
        return finding('placeholder', 'error', 'removed', {}, view, ...span);
      const field = placeholderField(m[1] ?? '');
      return field
        ? finding('placeholder', 'error', 'missing', { field: field.field }, view, ...span)
        : finding('placeholder', 'error', 'missingText', { text: (m[1] ?? '').trim() }, view, ...span);
    }),
  );
