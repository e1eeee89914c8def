// Finding passages of one text inside another by overlapping word shingles (runs of N folded words).
// Used to keep classified notes out of public text and to count how often a false claim is repeated.
import { tokenize, type Token } from './normalize';

export const SHINGLE_WORDS = 5;

export interface PhraseIndex {
  /** The run lengths present, longest first: SHINGLE_WORDS, and shorter ones for short phrases. */
  sizes: number[];
  runs: Set<string>;
}

export interface Span {
  /** UTF-16 offsets in the searched text, end exclusive. */
  start: number;
  end: number;
  /** How many words the span covers. */
  words: number;
}

/**
 * Indexes every run of `n` words of each phrase. A phrase shorter than `n` words is indexed whole when it has
 * at least `minWords` words (a single common word would match everywhere).
 */
export function buildPhraseIndex(phrases: readonly string[], n = SHINGLE_WORDS, minWords = 2): PhraseIndex {
  const runs = new Set<string>();
  const sizes = new Set<number>();
  for (const phrase of phrases) {
    const w = tokenize(phrase).map((t) => t.norm);
    if (w.length >= n) {
      sizes.add(n);
      for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
    } else if (w.length >= minWords) {
      sizes.add(w.length);
      runs.add(w.join(' '));
    }
  }
  return { sizes: [...sizes].sort((a, b) => b - a), runs };
}

export function isEmptyIndex(index: PhraseIndex): boolean {
  return index.runs.size === 0;
}

/** The passages of `text` that contain an indexed run; overlapping and touching runs are merged into one span. */
export function findPhraseSpans(text: string, index: PhraseIndex, tokens: Token[] = tokenize(text)): Span[] {
  if (index.runs.size === 0) return [];
  // Mark, for each token, the furthest token a matching run starting there reaches.
  const ranges: [number, number][] = [];
  const norms = tokens.map((t) => t.norm);
  for (const size of index.sizes) {
    for (let i = 0; i + size <= norms.length; i++) {
      if (index.runs.has(norms.slice(i, i + size).join(' '))) ranges.push([i, i + size - 1]);
    }
  }
  if (ranges.length === 0) return [];
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged.flatMap(([a, b]) => {
    const from = tokens[a];
    const to = tokens[b];
    return from && to ? [{ start: from.start, end: to.end, words: b - a + 1 }] : [];
  });
}

/** Replaces each span with `placeholder`, from the end so that earlier offsets stay valid. */
export function replaceSpans(text: string, spans: readonly Span[], placeholder: string): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + placeholder + out.slice(s.end);
  return out;
}

/**
 * Removes every indexed passage. Repeated until nothing matches, because the placeholder and the words
 * around it could, in theory, form a new run.
 */
export function redactPhrases(
  text: string,
  index: PhraseIndex,
  placeholder: string,
): { text: string; removed: number } {
  let out = text;
  let removed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const spans = findPhraseSpans(out, index);
    if (spans.length === 0) return { text: out, removed };
    removed += spans.length;
    out = replaceSpans(out, spans, placeholder);
  }
  // Should never happen; fail closed rather than leak.
  return { text: placeholder, removed: removed + 1 };
}
