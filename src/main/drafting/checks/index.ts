// runChecks: every check that applies to the draft's template, pure and fast enough to run on each edit.
import type { Check, CheckId, Draft, TemplateId } from '../../../shared/domain/drafting';
import { amplification } from './amplification';
import { attribution } from './attribution';
import { classifiedContent } from './classified-content';
import { completeness } from './completeness';
import { prepareCheckContext, type CheckContext } from './context';
import { length } from './length';
import { partisanLanguage } from './partisan-language';
import { partisanName } from './partisan-name';
import { placeholder } from './placeholder';
import { readability } from './readability';
import { makeRun, type CheckFn } from './run';
import { translationMissing } from './translation-missing';

export const CHECKS: Record<CheckId, CheckFn> = {
  'classified-content': classifiedContent,
  'partisan-name': partisanName,
  'partisan-language': partisanLanguage,
  attribution,
  amplification,
  readability,
  completeness,
  length,
  'translation-missing': translationMissing,
  placeholder,
};

const EXTERNAL: CheckId[] = [
  'classified-content',
  'partisan-name',
  'partisan-language',
  'attribution',
  'translation-missing',
  'placeholder',
];
const PUBLIC: CheckId[] = [...EXTERNAL, 'amplification', 'readability', 'completeness'];

/** Which checks apply to which template. The internal briefing note may quote classified notes and name actors. */
export const CHECKS_FOR: Record<TemplateId, readonly CheckId[]> = {
  'public-statement': PUBLIC,
  'social-post': [...PUBLIC, 'length'],
  'media-lines': PUBLIC,
  'partner-notification': EXTERNAL,
  'briefing-note': ['translation-missing', 'placeholder'],
};

export function runChecks(draft: Draft, context: CheckContext): Check[] {
  const run = makeRun(draft, prepareCheckContext(context));
  // Errors first, then in reading order: language, section, place in the section.
  const order = new Map(run.sections.map((v, i) => [`${v.lang}\u0000${v.section.id}`, i]));
  const place = (c: Check) =>
    c.sectionId === null ? -1 : (order.get(`${c.lang}\u0000${c.sectionId}`) ?? -1);
  return CHECKS_FOR[draft.template]
    .flatMap((id) => CHECKS[id](run))
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        place(a) - place(b) ||
        a.start - b.start,
    );
}

export type { CheckContext } from './context';
