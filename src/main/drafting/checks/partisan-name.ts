// partisan-name: a party or candidate of the election named in text that leaves the organisation. The
// government does not take part in the political debate, so even a neutral mention is flagged.
import { matchTerms } from '../text/term-matcher';
import { finding, type CheckFn } from './run';

export const partisanName: CheckFn = ({ ctx, sections }) =>
  sections.flatMap((view) =>
    matchTerms(view.tokens(), ctx.partisanNames).map((m) =>
      finding(
        'partisan-name',
        m.meta.derived ? 'warning' : 'error',
        m.meta.derived ? 'derived' : 'named',
        { name: m.meta.of },
        view,
        m.start,
        m.end,
      ),
    ),
  );
