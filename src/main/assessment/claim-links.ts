// Which false claims overlap, found without comparing every claim with every other: each claim is
// bucketed under its few rarest words (shared with at least one other claim), and compared only with its
// next neighbours in time in each bucket. Words are interned to numbers and each claim's words kept
// sorted in one flat array, so a comparison is a short merge and nothing is allocated per claim.
// A log repeats its claims word for word, so each distinct text is split into words once.
import { WORD_SPLIT, isSignificant } from './text';

const WORDS_PER_CLAIM = 3;

const NEIGHBOURS = 8;

export interface ClaimGroup {
  /** Indices into the list given, in that order. */
  members: number[];
  /** The words most members share, to name the claim. */
  words: string[];
}

/** The distinct significant words of each distinct text, sorted, as slices of one flat array. */
class ClaimWords {
  readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly textIds = new Map<string, number>();
  private readonly flat: number[] = [];
  private readonly starts: number[] = [0];

  /** The number of the claim's text (-1 for none), reading it the first time it is seen. */
  textOf(claim: string | null | undefined): number {
    if (!claim) return -1;
    const known = this.textIds.get(claim);
    if (known !== undefined) return known;
    const ids: number[] = [];
    for (const w of claim.toLowerCase().split(WORD_SPLIT)) {
      if (!isSignificant(w)) continue;
      let id = this.wordIds.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.wordIds.set(w, id);
        this.words.push(w);
      }
      ids.push(id);
    }
    ids.sort((a, b) => a - b);
    let last = -1;
    for (const id of ids) if (id !== last) this.flat.push((last = id));
    const text = this.textIds.size;
    this.textIds.set(claim, text);
    this.starts.push(this.flat.length);
    return text;
  }

  get texts(): number {
    return this.textIds.size;
  }

  /** The word numbers of a text, ascending. */
  of(text: number): number[] {
    return text < 0 ? [] : this.flat.slice(this.starts[text] ?? 0, this.starts[text + 1] ?? 0);
  }
}

/** How many words two ascending lists share. */
function sharedWords(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Groups of claims linked by overlap, each link within `windowMs`; `ms` must be in increasing order. */
export function overlappingClaims(
  claims: readonly (string | null | undefined)[],
  ms: ArrayLike<number>,
  windowMs: number,
  minSize: number,
): ClaimGroup[] {
  const n = claims.length;
  const dictionary = new ClaimWords();
  const textOf = Int32Array.from(claims, (c) => dictionary.textOf(c));
  const wordsOf: number[][] = Array.from({ length: dictionary.texts }, (_, t) => dictionary.of(t));
  const none: number[] = [];
  const claimWords = (c: number): number[] => wordsOf[textOf[c] ?? -1] ?? none;

  // Document frequencies: in how many claims each word is.
  const df = new Int32Array(dictionary.words.length);
  for (const text of textOf) for (const w of wordsOf[text] ?? none) df[w] = (df[w] ?? 0) + 1;
  const dfOf = (w: number): number => df[w] ?? 0;

  // The rarest words of each distinct text that another claim shares; each claim is bucketed under them.
  const rareOf = wordsOf.map((words) => {
    const rare: number[] = [];
    for (const w of words) {
      if (dfOf(w) < 2) continue;
      let at = rare.length;
      for (let prev = rare[at - 1]; prev !== undefined; prev = rare[at - 1]) {
        if (dfOf(prev) > dfOf(w) || (dfOf(prev) === dfOf(w) && prev > w)) at--;
        else break;
      }
      if (at < WORDS_PER_CLAIM) {
        rare.splice(at, 0, w);
        if (rare.length > WORDS_PER_CLAIM) rare.pop();
      }
    }
    return rare;
  });
  const byWord = new Map<number, number[]>();
  textOf.forEach((text, c) => {
    for (const w of rareOf[text] ?? none) {
      const b = byWord.get(w);
      if (b) b.push(c);
      else byWord.set(w, [c]);
    }
  });

  /** At least two shared words, and at least half of the shorter claim's. */
  const overlap = (a: number, b: number): boolean => {
    const x = claimWords(a);
    if (textOf[a] === textOf[b]) return x.length >= 2;
    const y = claimWords(b);
    const shared = sharedWords(x, y);
    return shared >= 2 && shared * 2 >= Math.min(x.length, y.length);
  };

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (start: number): number => {
    let i = start;
    for (let p = parent[i] ?? i; p !== i; p = parent[i] ?? i) {
      const grand = parent[p] ?? p;
      parent[i] = grand;
      i = grand;
    }
    return i;
  };
  const at = (i: number): number => ms[i] ?? 0;
  for (const members of byWord.values()) {
    members.forEach((i, a) => {
      for (let b = a + 1; b < members.length && b <= a + NEIGHBOURS; b++) {
        const j = members[b] ?? i;
        if (at(j) - at(i) > windowMs) break;
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj && overlap(i, j)) parent[ri] = rj;
      }
    });
  }

  // Only groups large enough are gathered.
  const size = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const r = find(c);
    if (claimWords(c).length > 0) size[r] = (size[r] ?? 0) + 1;
  }
  const groups = new Map<number, number[]>();
  for (let c = 0; c < n; c++) {
    const r = find(c);
    if ((size[r] ?? 0) < minSize || claimWords(c).length === 0) continue;
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  const out: ClaimGroup[] = [];
  for (const g of groups.values()) {
    const count = new Map<number, number>();
    for (const c of g) for (const w of claimWords(c)) count.set(w, (count.get(w) ?? 0) + 1);
    const word = (w: number): string => dictionary.words[w] ?? '';
    const top = [...count.entries()]
      .sort((a, b) => b[1] - a[1] || (word(a[0]) < word(b[0]) ? -1 : 1))
      .slice(0, 4);
    out.push({ members: g, words: top.map(([w]) => word(w)) });
  }
  return out;
}
