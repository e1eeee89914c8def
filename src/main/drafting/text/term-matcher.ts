// Whole-word matching of a list of names or phrases, case- and accent-insensitive and robust to the same
// disguises as the classified-content check (it works on folded words).
import { tokenize, type Token } from './normalize';
import { evictOldest, pushTo } from '../../../shared/collections';

export interface Term<M> {
  words: string[];
  meta: M;
}

export interface TermMatcher<M> {
  /** Terms by their first folded word, longest first. */
  byFirst: Map<string, Term<M>[]>;
}

export interface TermMatch<M> {
  start: number;
  end: number;
  meta: M;
}

export function buildTermMatcher<M>(entries: Iterable<{ phrase: string; meta: M }>): TermMatcher<M> {
  const byFirst = new Map<string, Term<M>[]>();
  const seen = new Set<string>();
  for (const { phrase, meta } of entries) {
    const words = tokenize(phrase).map((t) => t.norm);
    const [first] = words;
    if (first === undefined) continue;
    const key = words.join(' ');
    if (seen.has(key)) continue; // the first entry for a phrase wins (callers list stronger ones first)
    seen.add(key);
    pushTo(byFirst, first, { words, meta });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/** Non-overlapping matches, the longest at each place. */
export function matchTerms<M>(tokens: readonly Token[], matcher: TermMatcher<M>): TermMatch<M>[] {
  const out: TermMatch<M>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const candidates = token && matcher.byFirst.get(token.norm);
    if (!token || !candidates) continue;
    const hit = candidates.find((c) => c.words.every((w, k) => tokens[i + k]?.norm === w));
    const last = hit && tokens[i + hit.words.length - 1];
    if (!hit || !last) continue;
    out.push({ start: token.start, end: last.end, meta: hit.meta });
    i += hit.words.length - 1;
  }
  return out;
}

/**
 * One matcher from two, without re-reading their phrases: `first`'s terms win where both have the
 * same words (as in buildTermMatcher, where earlier entries win). Lets a large, fixed list (country
 * names) be built once and joined with a small per-record list (actor names).
 */
export function mergeTermMatchers<M>(first: TermMatcher<M>, second: TermMatcher<M>): TermMatcher<M> {
  const byFirst = new Map<string, Term<M>[]>(second.byFirst);
  for (const [word, terms] of first.byFirst) {
    const taken = new Set(terms.map((t) => t.words.join(' ')));
    const rest = (second.byFirst.get(word) ?? []).filter((t) => !taken.has(t.words.join(' ')));
    byFirst.set(
      word,
      [...terms, ...rest].sort((a, b) => b.words.length - a.words.length),
    );
  }
  return { byFirst };
}

/** Memoises a matcher by a key, for lists that are the same from one record to the next. */
export function memoMatcher<M>(
  cache: Map<string, TermMatcher<M>>,
  key: string,
  build: () => TermMatcher<M>,
  max = 20,
): TermMatcher<M> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = build();
  evictOldest(cache, max);
  cache.set(key, made);
  return made;
}
