// A hand-written draft, for testing one check on exactly the text that should (or should not) trigger it.
import type { Draft, DraftSection, TemplateId } from '../../../../src/shared/domain/drafting';
import { runChecks } from '../../../../src/main/drafting';
import type { CheckContext } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';

type Sections = Partial<Record<'en' | 'fr', (Partial<DraftSection> & { text: string })[]>>;

export function draftOf(sections: Sections, template: TemplateId = 'public-statement'): Draft {
  const languages = (Object.keys(sections) as ('en' | 'fr')[]).filter((l) => sections[l]);
  return {
    id: 'd1',
    template,
    threatIds: ['lk27-001'],
    languages,
    title: {},
    sections: Object.fromEntries(
      languages.map((l) => [
        l,
        sections[l]!.map((s, i) => ({
          id: s.id ?? `s${i}`,
          kind: s.kind ?? 'body',
          text: s.text,
          ...(s.heading ? { heading: s.heading } : {}),
        })),
      ]),
    ),
    classification: 'UNCLASSIFIED',
    releasable: template !== 'briefing-note',
    status: 'draft',
    createdAt: '2027-05-05T15:00:00Z',
  };
}

/** The checks of one kind on a draft of plain body text in one language. */
export function checksOf(
  id: string,
  text: string,
  lang: 'en' | 'fr' = 'en',
  ctx: CheckContext = checkContext(),
  template: TemplateId = 'public-statement',
) {
  return runChecks(draftOf({ [lang]: [{ text }] }, template), ctx).filter((c) => c.id === id);
}

/** The flagged passages. */
export function flagged(
  id: string,
  text: string,
  lang: 'en' | 'fr' = 'en',
  ctx: CheckContext = checkContext(),
) {
  return checksOf(id, text, lang, ctx).map((c) => text.slice(c.start, c.end));
}
