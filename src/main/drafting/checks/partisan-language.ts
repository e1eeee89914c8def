// partisan-language: loaded or campaigning words ("vote for", "corrupt", "votez pour", "véreux"). A warning:
// the word may be quoted from the false claim, but the text should not sound like a campaign.
import { matchTerms } from '../text/term-matcher';
import { finding, type CheckFn } from './run';

export const partisanLanguage: CheckFn = ({ ctx, sections }) =>
  sections.flatMap((view) =>
    matchTerms(view.tokens(), ctx.partisanWords).map((m) =>
      finding(
        'partisan-language',
        'warning',
        'loaded',
        { text: view.section.text.slice(m.start, m.end) },
        view,
        m.start,
        m.end,
      ),
    ),
  );
