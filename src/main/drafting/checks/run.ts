// The shape every check shares: it reads the draft's sections (words folded once per section and shared)
// and returns findings placed in a section's text.
import type { Check, CheckId, Draft, DraftLang, DraftSection } from '../../../shared/domain/drafting';
import { message, type MessageParams } from '../../../shared/domain/message';
import { tokenize, type Token } from '../text/normalize';
import type { PreparedContext } from './context';

export interface SectionView {
  lang: DraftLang;
  section: DraftSection;
  /** Position among the language's sections. */
  index: number;
  tokens(): Token[];
}

export interface CheckRun {
  draft: Draft;
  ctx: PreparedContext;
  /** Every section of every language of the draft, in order. */
  sections: SectionView[];
}

export type CheckFn = (run: CheckRun) => Check[];

export function makeRun(draft: Draft, ctx: PreparedContext): CheckRun {
  const sections: SectionView[] = [];
  for (const lang of draft.languages) {
    (draft.sections[lang] ?? []).forEach((section, index) => {
      let tokens: Token[] | undefined;
      sections.push({ lang, section, index, tokens: () => (tokens ??= tokenize(section.text)) });
    });
  }
  return { draft, ctx, sections };
}

/**
 * A check's finding. The message is the catalog key `checks:<check id>.<key>` with its parameters; every
 * message also gets the language and the kind of section it is about, so that it can say where.
 */
export function finding(
  id: CheckId,
  severity: Check['severity'],
  key: string,
  params: MessageParams,
  view: Pick<SectionView, 'lang' | 'section'> | { lang: DraftLang; section: null },
  start = 0,
  end = view.section ? view.section.text.length : 0,
): Check {
  return {
    id,
    severity,
    message: message(`checks:${id}.${key}`, {
      lang: view.lang,
      section: view.section ? view.section.kind : 'document',
      ...params,
    }),
    sectionId: view.section ? view.section.id : null,
    lang: view.lang,
    start,
    end,
  };
}
