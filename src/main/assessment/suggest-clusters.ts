// Candidate clusters for a person to confirm: threats sharing a source name, a target, a region and
// channel (with the same purpose and type), or overlapping false claims, each within `windowDays` of the
// previous one. A shared region or channel alone is only supporting evidence.
// Linear in the log, never pairwise: threats are found by an index of shared keys (shared-keys.ts), claims
// are compared only with a few neighbours in time (claim-links.ts), and runs longer than maxSize are cut.
// The log arrives as columns, so that the service reads only what this needs and builds no threat object;
// reasons are written only for the suggestions returned.
import type { Threat } from '../../shared/domain/workspace';
import { DAY_MS } from './calendar';
import { overlappingClaims } from './claim-links';
import { indexSharedKeys, type KeyColumns, type KeyKind } from './shared-keys';
import { message, type Message } from '../../shared/domain/message';

export interface ClusterSuggestion {
  threatIds: string[];
  /** Why they may belong together, as messages (engine:cluster.*). */
  reasons: Message[];
  /** Strength of the suggestion, for ordering: higher is more related. */
  score?: number;
}

export interface SuggestOptions {
  windowDays: number;
  /** Smallest cluster worth suggesting; default 3. */
  minSize?: number;
  /** Largest cluster suggested; longer runs are cut in time order. Default 200. */
  maxSize?: number;
  /** How many suggestions to return, strongest first (default: all). Only those are written out. */
  limit?: number;
}

/** What suggesting clusters reads of each threat: one entry per threat in every column, in any order. */
export interface ClusterColumns extends KeyColumns {
  /** Milliseconds since the epoch; NaN leaves the threat out. */
  firstSeenMs: ArrayLike<number>;
  falseClaim: readonly (string | null | undefined)[];
}

/** A suggestion over columns: `members` are indices into them, in time order. */
export interface ColumnSuggestion {
  members: number[];
  reasons: Message[];
  score: number;
}

const WEIGHT: Record<KeyKind | 'claim', number> = { source: 3, target: 2, place: 1.5, claim: 3 };

/** Why a candidate was made, written out only for the suggestions returned. */
type Reason = { key: number } | { claim: number } | { inner: Reason; of: number; host: number };

interface Candidate {
  /** Positions in time order, ascending. */
  members: Int32Array;
  reasons: Reason[];
  weight: number;
}

/** The pure function on whole threats (tests, small logs): the same work as on columns. */
export function suggestClusters(threats: Threat[], opts: SuggestOptions): ClusterSuggestion[] {
  const columns: ClusterColumns = {
    firstSeenMs: threats.map((t) => Date.parse(t.time.firstSeen)),
    sourceName: threats.map((t) => t.source.name),
    targetKind: threats.map((t) => t.target.kind),
    targetDescription: threats.map((t) => t.target.description),
    purpose: threats.map((t) => t.purpose),
    type: threats.map((t) => t.type),
    regions: threats.map((t) => t.place.regions),
    channels: threats.map((t) => t.place.channels),
    falseClaim: threats.map((t) => t.falseClaim),
  };
  return suggestFromColumns(columns, opts).map((s) => ({
    threatIds: s.members.map((i) => threats[i]?.id ?? ''),
    reasons: s.reasons,
    score: s.score,
  }));
}

/** Input indices with a time, in time order (ties in input order). */
function timeOrder(firstSeenMs: ArrayLike<number>): number[] {
  const ms = (i: number): number => firstSeenMs[i] ?? NaN;
  const order: number[] = [];
  for (let i = 0; i < firstSeenMs.length; i++) if (Number.isFinite(ms(i))) order.push(i);
  // The service gives them in time order already; sorting is only for other callers.
  if (order.some((i, p) => p > 0 && ms(order[p - 1] ?? i) > ms(i)))
    order.sort((a, b) => ms(a) - ms(b) || a - b);
  return order;
}

export function suggestFromColumns(columns: ClusterColumns, opts: SuggestOptions): ColumnSuggestion[] {
  const minSize = Math.max(2, opts.minSize ?? 3);
  const maxSize = Math.max(minSize, opts.maxSize ?? 200);
  const windowMs = Math.max(0, opts.windowDays) * DAY_MS;
  const order = timeOrder(columns.firstSeenMs);
  const ms = Float64Array.from(order, (i) => columns.firstSeenMs[i] ?? NaN);

  const candidates: Candidate[] = [];
  /** Runs of `members[from..to)` split where a gap exceeds the window, and cut at maxSize. */
  const addRuns = (members: Int32Array, from: number, to: number, reason: Reason, weight: number): void => {
    let start = from;
    let previous = ms[members[from] ?? 0] ?? 0;
    for (let k = from + 1; k <= to; k++) {
      const current = k < to ? (ms[members[k] ?? 0] ?? 0) : previous;
      if (k === to || current - previous > windowMs || k - start === maxSize) {
        if (k - start >= minSize)
          candidates.push({ members: members.slice(start, k), reasons: [reason], weight });
        start = k;
      }
      previous = current;
    }
  };

  // 1. Shared keys.
  const index = indexSharedKeys(columns, order);
  for (const k of index.order) {
    const start = index.start[k] ?? 0;
    const end = index.end[k] ?? 0;
    if (end - start >= minSize)
      addRuns(index.members, start, end, { key: k }, WEIGHT[index.kind[k] ?? 'place']);
  }

  // 2. Overlapping false claims.
  const claimGroups = overlappingClaims(
    order.map((i) => columns.falseClaim[i]),
    ms,
    windowMs,
    minSize,
  );
  claimGroups.forEach((g, k) => {
    const members = Int32Array.from(g.members);
    addRuns(members, 0, members.length, { claim: k }, WEIGHT.claim);
  });

  // Ranked before they are written out: the score needs only the weight and the size. Ties go to the
  // earlier cluster.
  const ranked = mergeCandidates(candidates, order.length)
    .map((c) => ({ c, score: scoreOf(c) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.c.members.length - a.c.members.length ||
        (a.c.members[0] ?? 0) - (b.c.members[0] ?? 0),
    );

  const text = (s: string | null | undefined): string => (s ?? '').trim();
  const reasonText = (reason: Reason): Message => {
    if ('inner' in reason) {
      const inner = reasonText(reason.inner);
      return message(inner.id, { ...inner.params, part: reason.of, of: reason.host });
    }
    if ('claim' in reason)
      return message('engine:cluster.claim', {
        words: (claimGroups[reason.claim]?.words ?? []).join(', '),
      });
    const k = reason.key;
    const i = order[index.first[k] ?? 0] ?? 0;
    if (index.kind[k] === 'source')
      return message('engine:cluster.source', { name: text(columns.sourceName[i]) });
    if (index.kind[k] === 'target')
      return message('engine:cluster.target', {
        description: text(columns.targetDescription[i]),
        kind: columns.targetKind[i] ?? '',
      });
    return message('engine:cluster.place', {
      region: text(index.region[k]),
      channel: text(index.channel[k]),
      purpose: columns.purpose[i] ?? '',
      type: columns.type[i] ?? '',
    });
  };

  return ranked.slice(0, opts.limit ?? ranked.length).map(({ c, score }) => {
    const members = Array.from(c.members, (p) => order[p] ?? 0);
    return {
      members,
      reasons: [...c.reasons.map(reasonText), ...supportingReasons(members, columns, index.keyOf)],
      score,
    };
  });
}

function scoreOf(c: Candidate): number {
  return Math.round((c.weight + Math.min(c.members.length, 10) / 10) * 10) / 10;
}

function sameMembers(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

function hashOf(members: Int32Array): number {
  let h = members.length;
  for (const m of members) h = Math.imul(h ^ m, 0x01000193);
  return h;
}

/** Whether every member of `small` is in `big` (both ascending): a binary search for each, moving on. */
function containedIn(small: Int32Array, big: Int32Array): boolean {
  let lo = 0;
  for (const x of small) {
    let hi = big.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((big[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    if (big[lo] !== x) return false;
  }
  return true;
}

/** Identical member sets are one suggestion; a candidate mostly inside a larger one becomes a reason of it. */
function mergeCandidates(candidates: Candidate[], positions: number): Candidate[] {
  const byHash = new Map<number, Candidate[]>();
  const unique: Candidate[] = [];
  for (const c of candidates) {
    const h = hashOf(c.members);
    const same = byHash.get(h);
    const hit = same?.find((d) => sameMembers(d.members, c.members));
    if (hit) {
      hit.reasons.push(...c.reasons);
      hit.weight += c.weight;
      continue;
    }
    const copy = { members: c.members, reasons: [...c.reasons], weight: c.weight };
    if (same) same.push(copy);
    else byHash.set(h, [copy]);
    unique.push(copy);
  }
  unique.sort((a, b) => b.members.length - a.members.length);
  // For each position, the kept candidates that hold it: linked lists in flat arrays (a position is in
  // several candidates; an array for each would be garbage).
  const head = new Int32Array(positions).fill(-1);
  const next: number[] = [];
  const holder: number[] = [];
  const kept: Candidate[] = [];
  const hostOf = (c: Candidate): Candidate | undefined => {
    for (let e = head[c.members[0] ?? 0] ?? -1; e >= 0; e = next[e] ?? -1) {
      const big = kept[holder[e] ?? 0];
      if (big && c.members.length * 2 >= big.members.length && containedIn(c.members, big.members))
        return big;
    }
    return undefined;
  };
  for (const c of unique) {
    const host = hostOf(c);
    if (host) {
      for (const r of c.reasons)
        host.reasons.push({ inner: r, of: c.members.length, host: host.members.length });
      host.weight += (c.weight * c.members.length) / host.members.length;
      continue;
    }
    kept.push(c);
    for (const p of c.members) {
      next.push(head[p] ?? -1);
      holder.push(kept.length - 1);
      head[p] = next.length - 1;
    }
  }
  return kept;
}

/** Supporting evidence, not grounds for a cluster on its own: a region or channel most members share. */
function supportingReasons(
  members: readonly number[],
  columns: ClusterColumns,
  keyOf: (s: string) => number,
): Message[] {
  const reasons: Message[] = [];
  for (const [field, id] of [
    ['regions', 'engine:cluster.region'],
    ['channels', 'engine:cluster.channel'],
  ] as const) {
    const count = new Map<number, { n: number; text: string }>();
    for (const i of members) {
      for (const v of new Set(columns[field][i] ?? [])) {
        const k = keyOf(v);
        if (!k) continue;
        const e = count.get(k);
        if (e) e.n++;
        else count.set(k, { n: 1, text: v.trim() });
      }
    }
    const best = [...count.values()].sort((a, b) => b.n - a.n || (a.text < b.text ? -1 : 1))[0];
    if (best && best.n * 2 >= members.length && best.n >= 2)
      reasons.push(
        message(id, {
          name: best.text,
          ...(best.n < members.length ? { part: best.n, of: members.length } : {}),
        }),
      );
  }
  return reasons;
}
