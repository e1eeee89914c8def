// The fixed words of the documents Threshold writes (the after-action report, the drafts and their sign-off
// record), in each language. One table, kept as data (labels.json) so that each English text stands beside
// its French: the modules that write a document take their words from here, and add only the sentences
// that need numbers or names filled in.
import labels from './labels.json';

export const DOCUMENT_LABELS = labels;
