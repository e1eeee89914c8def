// Normalising free text for comparison: keys (names, targets, regions, channels) and the significant
// words of a false claim, so that "The mail-in ballots…" and "mail in ballots…" are seen as related.

/** Lower-case, accents kept, runs of space and punctuation collapsed: a key for exact matching. */
export function normaliseKey(s: string | undefined): string {
  if (!s) return '';
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Common English and French words that say nothing about which claim it is.
const STOPWORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has him his how its ' +
    'may new now old see two who ' +
    'did get let say she too use that with have this will your from they been were said ' +
    'each which their there what ' +
    'when them than then these some would could should about after before into over only ' +
    'also just more most such very ' +
    'being does done because while where ' +
    'les des une est pas que qui dans pour par sur avec sont mais ont aux ces ses leur ' +
    'plus tout elle nous vous ils été être'
  ).split(' '),
);

export const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** A word that says something about which claim it is: three letters or more, not a common word. */
export function isSignificant(w: string): boolean {
  return w.length >= 3 && !STOPWORDS.has(w);
}

/** The distinct significant words of a text. */
export function significantWords(s: string | undefined): string[] {
  if (!s) return [];
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(WORD_SPLIT)) if (isSignificant(w)) out.add(w);
  return [...out];
}

/** Two claims overlap when they share at least two significant words and half of the shorter one's. */
export function wordsOverlap(a: readonly string[], b: ReadonlySet<string>): boolean {
  if (a.length === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 2 && shared * 2 >= Math.min(a.length, b.size);
}
