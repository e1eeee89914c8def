// placeholder: "[TO COMPLETE: …]" where the record lacks something (a web address, a media contact), or
// "[REMOVED: …]" where free text overlapping a classified note was taken out. Either must be rewritten.
import { OTHER_PLACEHOLDER } from '../text/placeholders';
import { finding, type CheckFn } from './run';

export const placeholder: CheckFn = ({ sections }) =>
  sections.flatMap((view) =>
    [...view.section.text.matchAll(OTHER_PLACEHOLDER)].map((m) =>
      finding(
        'placeholder',
        'error',
        /^\[(REMOVED|RETIRÉ)/.test(m[0])
          ? 'A passage overlapping a classified note was removed here. Rewrite this sentence from ' +
              'unclassified facts.'
          : 'Complete this before release.',
        view,
        m.index,
        m.index + m[0].length,
      ),
    ),
  );
