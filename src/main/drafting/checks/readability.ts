// readability: each paragraph's reading grade against the plain-language target (grade 8 by default):
// Flesch-Kincaid in English, Kandel & Moles in French. Headings, contacts and lists of sources are not prose.
import type { SectionKind } from '../../../shared/domain/drafting';
import { gradeFromStats, textStats } from '../readability/reading-grade';
import { withoutPlaceholders } from '../text/placeholders';
import { finding, type CheckFn } from './run';

/** Sections that are not prose (headings, contacts, lists): not graded. */
export const NOT_PROSE: ReadonlySet<SectionKind> = new Set([
  'headline',
  'question',
  'reliable-sources',
  'media-contact',
  'recipients',
  'classified',
  'assessment',
]);
/** Fewer words than this give grades that mean little. */
const MIN_WORDS = 12;

export const readability: CheckFn = ({ ctx, sections }) =>
  sections.flatMap((view) => {
    if (NOT_PROSE.has(view.section.kind)) return [];
    const stats = textStats(withoutPlaceholders(view.section.text), view.lang);
    if (stats.words < MIN_WORDS) return [];
    const grade = gradeFromStats(stats, view.lang);
    if (grade <= ctx.targetGrade) return [];
    return [finding('readability', 'warning', 'grade', { grade, target: ctx.targetGrade }, view)];
  });
