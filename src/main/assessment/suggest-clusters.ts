// Candidate clusters for a person to confirm: threats sharing a source name, a target, a region and
// channel (with the same purpose and type), or overlapping false claims, each within `windowDays` of the
// previous one. A shared region or channel alone is only supporting evidence.
// Linear in the log: threats are bucketed by key (never compared all against all), claims are compared
// only with a few neighbours in time (claim-links.ts), and runs longer than maxSize are cut.
import { PURPOSES, TARGET_KINDS, THREAT_TYPES } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import { DAY_MS } from './calendar';
import { overlappingClaims } from './claim-links';
import { normaliseKey } from './text';
import { pushTo } from '../../shared/collections';

export interface ClusterSuggestion {
  threatIds: string[];
  reasons: string[];
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
  reasons: string[];
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
  const timed = threats
    .map((t, i) => ({ t, i, ms: Date.parse(t.time.firstSeen) }))
    .filter((e) => Number.isFinite(e.ms))
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  const list = timed.map((e) => e.t);
  const ms = Float64Array.from(timed, (e) => e.ms);
  const msAt = (k: number | undefined): number => (k === undefined ? 0 : (ms[k] ?? 0));

  const candidates: Candidate[] = [];
  const addRuns = (indices: number[], reason: string, weight: number): void => {
    // Split where a gap exceeds the window, and cut long runs.
    let start = 0;
    for (let i = 1; i <= indices.length; i++) {
      if (
        i === indices.length ||
        msAt(indices[i]) - msAt(indices[i - 1]) > windowMs ||
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
  list.forEach((t, i) => {
    const source = keyOf(t.source.name);
    if (source) put(source * 4, 'source', i);
    const target = keyOf(t.target.description);
    if (target) put((target * KINDS + kindIndex(t.target.kind)) * 4 + 1, 'target', i);
    const regions = t.place.regions;
    const channels = t.place.channels;
    if (!regions || !channels) return;
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
  });
  const reasonOf = (b: Bucket): string => {
    const t = list[b.first];
    if (!t) return '';
    // A source or target bucket exists only for threats that name one.
    if (b.kind === 'source') return `same source: ${(t.source.name ?? '').trim()}`;
    if (b.kind === 'target') return `same target: ${(t.target.description ?? '').trim()} (${t.target.kind})`;
    return (
      `same region, channel, purpose and type: ${b.region.trim()}, ${b.channel.trim()}, ` +
      `${t.purpose}, ${t.type}`
    );
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
    addRuns(g.members, `overlapping false claims: ${g.words.join(', ')}`, WEIGHT.claim);

  // Ranked before they are written out: the score needs only the weight and the size.
  const ranked = mergeCandidates(candidates)
    .map((c) => ({ c, score: scoreOf(c), first: list[c.members[0] ?? -1]?.id ?? '' }))
    .sort(
      (a, b) => b.score - a.score || b.c.members.length - a.c.members.length || (a.first < b.first ? -1 : 1),
    );
  return ranked.slice(0, opts.limit ?? ranked.length).map(({ c }) => toSuggestion(c, list, keyOf));
}

function scoreOf(c: Candidate): number {
  return Math.round((c.weight + Math.min(c.members.length, 10) / 10) * 10) / 10;
}

const kindIndex = (k: string): number => (TARGET_KINDS as readonly string[]).indexOf(k) + 1;

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
    const [anchor] = c.members;
    const host = (anchor === undefined ? [] : (containing.get(anchor) ?? [])).find((big) => {
      if (c.members.length * 2 < big.members.length) return false;
      const s = memberSets.get(big) ?? new Set(big.members);
      memberSets.set(big, s);
      return c.members.every((m) => s.has(m));
    });
    if (host) {
      for (const r of c.reasons) host.reasons.push(`${r} (${c.members.length} of ${host.members.length})`);
      host.weight += (c.weight * c.members.length) / host.members.length;
      continue;
    }
    kept.push(c);
    for (const m of c.members) pushTo(containing, m, c);
  }
  return kept;
}

function toSuggestion(c: Candidate, list: Threat[], keyOf: (s: string) => number): ClusterSuggestion {
  const members = c.members.flatMap((i) => list[i] ?? []);
  const reasons = [...c.reasons];
  // Supporting evidence, not grounds for a cluster on its own: a shared region or channel.
  for (const [field, label] of [
    ['regions', 'region'],
    ['channels', 'channel'],
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
        `same ${label}: ${best.text}${best.n < members.length ? ` (${best.n} of ${members.length})` : ''}`,
      );
  }
  return {
    threatIds: members.map((t) => t.id),
    reasons,
    score: scoreOf(c),
  };
}
