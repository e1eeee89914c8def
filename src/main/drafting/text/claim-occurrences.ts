// Where a false claim is repeated in a text. Five shared words are not enough here: a correction shares its
// subject with the claim ("les bulletins de vote postaux …"), so an occurrence must cover most of the claim
// (60 % of its words, at least 8, or all of a shorter claim).
import { tokenize, type Token } from './normalize';
import { buildPhraseIndex, findPhraseSpans, type PhraseIndex, type Span } from './phrase-index';

export interface ClaimIndex {
  claims: { index: PhraseIndex; words: number }[];
}

export function buildClaimIndex(claims: readonly string[]): ClaimIndex {
  return {
    claims: claims
      .map((c) => ({ index: buildPhraseIndex([c]), words: tokenize(c).length }))
      .filter((c) => c.index.runs.size > 0),
  };
}

export function minimumOccurrence(words: number): number {
  return Math.min(words, Math.max(8, Math.ceil(words * 0.6)));
}

export function claimOccurrences(text: string, index: ClaimIndex, tokens: Token[] = tokenize(text)): Span[] {
  const spans = index.claims.flatMap((c) =>
    findPhraseSpans(text, c.index, tokens).filter((s) => s.words >= minimumOccurrence(c.words)),
  );
  // A claim in two languages, or two claims sharing words, can match the same place: count it once.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
