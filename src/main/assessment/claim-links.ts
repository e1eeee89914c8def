// Which false claims overlap, found without comparing every claim with every other: each claim is
// bucketed under its few rarest words (shared with at least one other claim), and compared only with its
// next neighbours in time in each bucket. Words are interned to numbers and each claim's words kept
// sorted in one flat array, so a comparison is a short merge and nothing is allocated per claim.
import { WORD_SPLIT, isSignificant } from './text';

const WORDS_PER_CLAIM = 3;

/** An element of a list of numbers whose indices are in range by construction (0 otherwise). */
const num = (list: ArrayLike<number>, i: number): number => list[i] ?? 0;
const NEIGHBOURS = 8;

export interface ClaimGroup {
  /** Indices into the list given, in that order. */
  members: number[];
  /** The words most members share, to name the claim. */
  words: string[];
}

/** Groups of claims linked by overlap, each link within `windowMs`; `ms` must be in increasing order. */
export function overlappingClaims(
  claims: readonly (string | undefined)[],
  ms: ArrayLike<number>,
  windowMs: number,
  minSize: number,
): ClaimGroup[] {
  const n = claims.length;
  const ids = new Map<string, number>();
  const text: string[] = [];
  const df: number[] = [];
  const stamp: number[] = []; // per word, the last claim it was counted for (dedupes without a Set)
  const flat: number[] = [];
  const start = new Int32Array(n + 1);
  const scratch: number[] = [];
  for (let c = 0; c < n; c++) {
    start[c] = flat.length;
    const claim = claims[c];
    if (!claim) continue;
    scratch.length = 0;
    for (const w of claim.toLowerCase().split(WORD_SPLIT)) {
      if (!isSignificant(w)) continue;
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = text.length));
        text.push(w);
        df.push(0);
        stamp.push(-1);
      }
      if (stamp[id] === c) continue;
      stamp[id] = c;
      df[id] = num(df, id) + 1;
      scratch.push(id);
    }
    scratch.sort((a, b) => a - b);
    for (const id of scratch) flat.push(id);
  }
  start[n] = flat.length;
  const words = Int32Array.from(flat);

  // Bucket each claim under its rarest words that another claim shares.
  const byWord = new Map<number, number[]>();
  const rare: number[] = [];
  for (let c = 0; c < n; c++) {
    rare.length = 0;
    for (let k = num(start, c); k < num(start, c + 1); k++) {
      const w = num(words, k);
      if (num(df, w) < 2) continue;
      let at = rare.length;
      while (
        at > 0 &&
        (num(df, num(rare, at - 1)) > num(df, w) ||
          (num(df, num(rare, at - 1)) === num(df, w) && num(rare, at - 1) > w))
      )
        at--;
      if (at < WORDS_PER_CLAIM) {
        rare.splice(at, 0, w);
        if (rare.length > WORDS_PER_CLAIM) rare.pop();
      }
    }
    for (const w of rare) {
      const b = byWord.get(w);
      if (b) b.push(c);
      else byWord.set(w, [c]);
    }
  }

  /** At least two shared words, and at least half of the shorter claim's. */
  const overlap = (a: number, b: number): boolean => {
    let i = num(start, a);
    let j = num(start, b);
    const ie = num(start, a + 1);
    const je = num(start, b + 1);
    let shared = 0;
    while (i < ie && j < je) {
      const x = num(words, i);
      const y = num(words, j);
      if (x === y) {
        shared++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return shared >= 2 && shared * 2 >= Math.min(ie - num(start, a), je - num(start, b));
  };

  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = num(parent, num(parent, i));
    return i;
  };
  for (const members of byWord.values()) {
    for (let a = 0; a < members.length; a++) {
      const i = num(members, a);
      for (let b = a + 1; b < members.length && b <= a + NEIGHBOURS; b++) {
        const j = num(members, b);
        if (num(ms, j) - num(ms, i) > windowMs) break;
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj && overlap(i, j)) parent[ri] = rj;
      }
    }
  }

  // Only groups large enough are gathered.
  const size = new Int32Array(n);
  for (let c = 0; c < n; c++) if (num(start, c + 1) > num(start, c)) size[find(c)] = num(size, find(c)) + 1;
  const groups = new Map<number, number[]>();
  for (let c = 0; c < n; c++) {
    const r = find(c);
    if (num(size, r) < minSize || num(start, c + 1) === num(start, c)) continue;
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  const out: ClaimGroup[] = [];
  for (const g of groups.values()) {
    const count = new Map<number, number>();
    for (const c of g)
      for (let k = num(start, c); k < num(start, c + 1); k++)
        count.set(num(words, k), (count.get(num(words, k)) ?? 0) + 1);
    const top = [...count.entries()]
      .sort((a, b) => b[1] - a[1] || ((text[a[0]] ?? '') < (text[b[0]] ?? '') ? -1 : 1))
      .slice(0, 4);
    out.push({ members: g, words: top.map(([w]) => text[w] ?? '') });
  }
  return out;
}
