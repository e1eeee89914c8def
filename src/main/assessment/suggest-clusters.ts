// Candidate clusters for a person to confirm: threats sharing a source name, a target, a region and
// channel (with the same purpose and type), or overlapping false claims, each within `windowDays` of the
// previous one. A shared region or channel alone is only supporting evidence.
// Linear in the log: threats are bucketed by key (never compared all against all), claims are compared
// only with a few neighbours in time (claim-links.ts), and runs longer than maxSize are cut.
import { PURPOSES, THREAT_TYPES } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import { DAY_MS } from './calendar';
import { overlappingClaims } from './claim-links';
import { normaliseKey } from './text';
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

const MAX_REGION_CHANNEL_PAIRS = 9;
const WEIGHT = { source: 3, target: 2, place: 1.5, claim: 3 } as const;

interface Candidate {
  members: number[];
  reasons: Message[];
  weight: number;
}

interface Bucket {
  kind: 'source' | 'target' | 'place';
  /** The first member and, for "place", which region and channel: to write the reason. */
  first: number;
  region: string;
  channel: string;
  members: number[];
}

export function suggestClusters(threats: Threat[], opts: SuggestOptions): ClusterSuggestion[] {
  const minSize = Math.max(2, opts.minSize ?? 3);
  const maxSize = Math.max(minSize, opts.maxSize ?? 200);
  const windowMs = Math.max(0, opts.windowDays) * DAY_MS;

  // Threats in time order (ties in input order); indices below are positions in this order.
  const seen = new Float64Array(threats.length);
  const order: number[] = [];
  threats.forEach((t, i) => {
    seen[i] = Date.parse(t.time.firstSeen);
    if (Number.isFinite(seen[i])) order.push(i);
  });
  order.sort((a, b) => seen[a]! - seen[b]! || a - b);
  const list = order.map((i) => threats[i]!);
  const ms = Float64Array.from(order, (i) => seen[i]!);

  const candidates: Candidate[] = [];
  const addRuns = (indices: number[], reason: Message, weight: number): void => {
    // Split where a gap exceeds the window, and cut long runs.
    let start = 0;
    for (let i = 1; i <= indices.length; i++) {
      if (
        i === indices.length ||
        ms[indices[i]!]! - ms[indices[i - 1]!]! > windowMs ||
        i - start === maxSize
      ) {
        if (i - start >= minSize)
          candidates.push({ members: indices.slice(start, i), reasons: [reason], weight });
        start = i;
      }
    }
  };

  // 1. Exact keys, as numbers: names repeat across a log, so each distinct text is normalised once.
  const normal = new Map<string, number>();
  const normalIds = new Map<string, number>();
  const keyOf = (raw: string | undefined): number => {
    if (!raw) return 0;
    let id = normal.get(raw);
    if (id === undefined) {
      const k = normaliseKey(raw);
      id = k === '' ? 0 : normalIds.get(k);
      if (id === undefined) normalIds.set(k, (id = normalIds.size + 1));
      normal.set(raw, id);
    }
    return id;
  };
  const buckets = new Map<number, Bucket>();
  const put = (key: number, kind: Bucket['kind'], i: number, region = '', channel = ''): void => {
    const b = buckets.get(key);
    if (b) b.members.push(i);
    else buckets.set(key, { kind, first: i, region, channel, members: [i] });
  };
  const KINDS = 8; // more than the target kinds, so that kind and text make one number
  const PT = PURPOSES.length * THREAT_TYPES.length;
  const placeBuckets = new Map<number, Map<number, Bucket>>();
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const source = keyOf(t.source.name);
    if (source) put(source * 4, 'source', i);
    const target = keyOf(t.target.description);
    if (target) put((target * KINDS + kindIndex(t.target.kind)) * 4 + 1, 'target', i);
    const regions = t.place.regions;
    const channels = t.place.channels;
    if (!regions || !channels) continue;
    let pairs = 0;
    const pt = PURPOSES.indexOf(t.purpose) * THREAT_TYPES.length + THREAT_TYPES.indexOf(t.type);
    for (const r of regions) {
      const rk = keyOf(r);
      if (!rk) continue;
      let inRegion = placeBuckets.get(rk);
      if (!inRegion) placeBuckets.set(rk, (inRegion = new Map()));
      for (const c of channels) {
        if (pairs++ >= MAX_REGION_CHANNEL_PAIRS) break;
        const ck = keyOf(c);
        if (!ck) continue;
        // A region and a channel alone are shared by unrelated threats; the same kind of threat there is a lead.
        const key = ck * PT + pt;
        const b = inRegion.get(key);
        if (b) b.members.push(i);
        else inRegion.set(key, { kind: 'place', first: i, region: r, channel: c, members: [i] });
      }
    }
  }
  const reasonOf = (b: Bucket): Message => {
    const t = list[b.first]!;
    if (b.kind === 'source') return message('engine:cluster.source', { name: (t.source.name ?? '').trim() });
    if (b.kind === 'target')
      return message('engine:cluster.target', {
        description: (t.target.description ?? '').trim(),
        kind: t.target.kind,
      });
    return message('engine:cluster.place', {
      region: b.region.trim(),
      channel: b.channel.trim(),
      purpose: t.purpose,
      type: t.type,
    });
  };
  for (const b of buckets.values())
    if (b.members.length >= minSize) addRuns(b.members, reasonOf(b), WEIGHT[b.kind]);
  for (const inRegion of placeBuckets.values())
    for (const b of inRegion.values())
      if (b.members.length >= minSize) addRuns(b.members, reasonOf(b), WEIGHT.place);

  // 2. Overlapping false claims.
  for (const g of overlappingClaims(
    list.map((t) => t.falseClaim),
    ms,
    windowMs,
    minSize,
  ))
    addRuns(g.members, message('engine:cluster.claim', { words: g.words.join(', ') }), WEIGHT.claim);

  // Ranked before they are written out: the score needs only the weight and the size.
  const ranked = mergeCandidates(candidates)
    .map((c) => ({ c, score: scoreOf(c), first: list[c.members[0]!]!.id }))
    .sort(
      (a, b) => b.score - a.score || b.c.members.length - a.c.members.length || (a.first < b.first ? -1 : 1),
    );
  return ranked.slice(0, opts.limit ?? ranked.length).map(({ c }) => toSuggestion(c, list, keyOf));
}

function scoreOf(c: Candidate): number {
  return Math.round((c.weight + Math.min(c.members.length, 10) / 10) * 10) / 10;
}

const kindIndex = (k: string): number =>
  [
    'general-public',
    'community',
    'candidate-or-party',
    'election-officials',
    'media',
    'infrastructure',
  ].indexOf(k) + 1;

/** Identical member sets are one suggestion; a candidate mostly inside a larger one becomes a reason of it. */
function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const bySet = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.members.join(',');
    const hit = bySet.get(key);
    if (hit) {
      hit.reasons.push(...c.reasons);
      hit.weight += c.weight;
    } else bySet.set(key, { members: c.members, reasons: [...c.reasons], weight: c.weight });
  }
  const unique = [...bySet.values()].sort((a, b) => b.members.length - a.members.length);
  const containing = new Map<number, Candidate[]>();
  const memberSets = new Map<Candidate, Set<number>>();
  const kept: Candidate[] = [];
  for (const c of unique) {
    const host = (containing.get(c.members[0]!) ?? []).find((big) => {
      if (c.members.length * 2 < big.members.length) return false;
      let s = memberSets.get(big);
      if (!s) memberSets.set(big, (s = new Set(big.members)));
      return c.members.every((m) => s!.has(m));
    });
    if (host) {
      for (const r of c.reasons)
        host.reasons.push({
          id: r.id,
          params: { ...r.params, part: c.members.length, of: host.members.length },
        });
      host.weight += (c.weight * c.members.length) / host.members.length;
      continue;
    }
    kept.push(c);
    for (const m of c.members) {
      const l = containing.get(m);
      if (l) l.push(c);
      else containing.set(m, [c]);
    }
  }
  return kept;
}

function toSuggestion(c: Candidate, list: Threat[], keyOf: (s: string) => number): ClusterSuggestion {
  const members = c.members.map((i) => list[i]!);
  const reasons = [...c.reasons];
  // Supporting evidence, not grounds for a cluster on its own: a shared region or channel.
  for (const [field, id] of [
    ['regions', 'engine:cluster.region'],
    ['channels', 'engine:cluster.channel'],
  ] as const) {
    const count = new Map<number, { n: number; text: string }>();
    for (const t of members) {
      for (const v of new Set(t.place[field] ?? [])) {
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
  return {
    threatIds: members.map((t) => t.id),
    reasons,
    score: scoreOf(c),
  };
}
