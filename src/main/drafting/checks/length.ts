// length: a social post over 280 characters, counted as platforms count them (code points), across its
// sections joined as they are posted. The span is the part beyond the limit.
import type { Check, DraftLang } from '../../../shared/domain/drafting';
import { DRAFT_LANGS } from '../../../shared/domain/drafting';
import { postLength, socialPostText, SOCIAL_POST_LIMIT } from '../templates/social-post';
import { finding, type CheckFn } from './run';

export const length: CheckFn = ({ sections }) => {
  const out: Check[] = [];
  for (const lang of DRAFT_LANGS as readonly DraftLang[]) {
    const mine = sections.filter((v) => v.lang === lang && v.section.text.trim() !== '');
    const total = postLength(socialPostText(mine.map((v) => v.section)));
    if (total <= SOCIAL_POST_LIMIT) continue;
    // Find the section where the limit falls, and where in it.
    let used = 0;
    for (const view of mine) {
      const text = view.section.text.trim();
      const lead = view.section.text.indexOf(text);
      const chars = [...text];
      if (used + chars.length > SOCIAL_POST_LIMIT) {
        const within = Math.max(0, SOCIAL_POST_LIMIT - used);
        const start = lead + chars.slice(0, within).join('').length;
        out.push(
          finding(
            'length',
            'error',
            'over',
            { count: total, limit: SOCIAL_POST_LIMIT },
            view,
            start,
            view.section.text.length,
          ),
        );
        break;
      }
      used += chars.length + 1; // the space that joins sections
    }
  }
  return out;
};
