// translation-missing: a "[TRANSLATION NEEDED: …]" placeholder, left where a threat's text has no translation.
// Never silently mix languages; never release with a gap.
import { TRANSLATION_PLACEHOLDER } from '../text/placeholders';
import { finding, type CheckFn } from './run';

export const translationMissing: CheckFn = ({ sections }) =>
  sections.flatMap((view) =>
    [...view.section.text.matchAll(TRANSLATION_PLACEHOLDER)].map((m) =>
      finding(
        'translation-missing',
        'error',
        `Translation needed: add the ${view.lang === 'fr' ? 'French' : 'English'} text to ` +
          `the threat record, or write it here.`,
        view,
        m.index,
        m.index + m[0].length,
      ),
    ),
  );
