import { classificationRank, type Classification } from './enums';
import type { ClassifiedNote } from './workspace';

/** The highest marking among classified notes, or null when there are none. */
export function highestClassification(notes: readonly ClassifiedNote[] | undefined): Classification | null {
  let best: Classification | null = null;
  for (const note of notes ?? []) {
    if (best === null || classificationRank(note.classification) > classificationRank(best))
      best = note.classification;
  }
  return best;
}
