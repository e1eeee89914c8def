// Where a false claim is repeated in a text, exactly or in other words. A claim is recognised by runs of
// three of its content words in a row (function words skipped), e.g. "Friday May 14" in "ballots sent after
// Friday, May 14 would be thrown out". The verified facts share the claim's subject ("mail-in ballots …
// counted"): a run counts only when it holds two words that no fact uses, and never when a fact holds the
// whole run. Matches close together are one occurrence.
import { tokenize, type Token } from './normalize';
import { isStopWord } from './stop-words';

/** Content words in a row that make a repetition of the claim. */
export const CLAIM_RUN = 3;
/** Matches fewer than this many words apart are one occurrence. */
const JOIN_GAP = 6;

export interface ClaimIndex {
  runs: Set<string>;
  /** Claims too short for a run: their whole content, matched as one run. */
  sizes: number[];
}

export interface ClaimSpan {
  start: number;
  end: number;
}

function contentWords(text: string): string[] {
  return tokenize(text)
    .map((t) => t.norm)
    .filter((w) => !isStopWord(w));
}

function runsOf(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/** The claims' distinctive runs: every run of their content words that no verified fact contains. */
export function buildClaimIndex(claims: readonly string[], facts: readonly string[] = []): ClaimIndex {
  const runs = new Set<string>();
  const sizes = new Set<number>();
  const factWords = facts.map(contentWords);
  const factVocabulary = new Set(factWords.flat());
  for (const claim of claims) {
    const words = contentWords(claim);
    if (words.length < 2) continue;
    const n = Math.min(CLAIM_RUN, words.length);
    const inFacts = new Set(factWords.flatMap((f) => runsOf(f, n)));
    // Words of the claim that no fact uses: what makes the claim the claim.
    const own = new Set(words.filter((w) => !factVocabulary.has(w)));
    const needed = Math.min(2, own.size);
    if (needed === 0) continue;
    for (const run of runsOf(words, n)) {
      if (inFacts.has(run)) continue;
      if (run.split(' ').filter((w) => own.has(w)).length < needed) continue;
      runs.add(run);
      sizes.add(n);
    }
  }
  return { runs, sizes: [...sizes].sort((a, b) => b - a) };
}

export function isEmptyClaimIndex(index: ClaimIndex): boolean {
  return index.runs.size === 0;
}

/** Each place the text repeats a claim, as a span of the original text. */
export function claimOccurrences(
  text: string,
  index: ClaimIndex,
  tokens: readonly Token[] = tokenize(text),
): ClaimSpan[] {
  if (index.runs.size === 0) return [];
  const content = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !isStopWord(t.norm));
  const hits: [number, number][] = [];
  for (const size of index.sizes) {
    for (let k = 0; k + size <= content.length; k++) {
      const run = content.slice(k, k + size);
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last && index.runs.has(run.map((c) => c.t.norm).join(' '))) hits.push([first.i, last.i]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1] + JOIN_GAP) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return merged.flatMap(([a, b]) => {
    const start = tokens[a];
    const end = tokens[b];
    return start && end ? [{ start: start.start, end: end.end }] : [];
  });
}
