// The index of shared keys behind cluster suggestion: which threats share a source name, a target (text
// and kind), or a region and channel with the same purpose and type. Each key text is normalised once and
// numbered; every (key, threat) pair is two numbers, and a counting sort by key lays each key's threats
// out contiguously, in time order. Nothing is compared pair by pair.
import { PURPOSES, THREAT_TYPES } from '../../shared/domain/enums';
import { normaliseKey } from './text';

/** What the index reads of each threat (one entry per threat in every column). */
export interface KeyColumns {
  sourceName: readonly (string | null | undefined)[];
  targetKind: readonly string[];
  targetDescription: readonly (string | null | undefined)[];
  purpose: readonly string[];
  type: readonly string[];
  regions: readonly (readonly string[] | null | undefined)[];
  channels: readonly (readonly string[] | null | undefined)[];
}

export type KeyKind = 'source' | 'target' | 'place';

/**
 * The keys, as parallel arrays (a log has tens of thousands of keys; objects for each would be garbage).
 * Key k's threats are members[start[k]..end[k]), ascending positions.
 */
export interface KeyIndex {
  /** Key numbers in the order suggestions are built: sources and targets as they first appear, then
   *  places grouped by region. */
  order: Int32Array;
  kind: KeyKind[];
  /** The position of the first threat with the key, to write the reason from. */
  first: Int32Array;
  /** For a place: the region and channel as the first threat wrote them. */
  region: string[];
  channel: string[];
  start: Int32Array;
  end: Int32Array;
  members: Int32Array;
  /** A key text's number (0 for none), shared with the supporting reasons. */
  keyOf(raw: string | null | undefined): number;
}

const MAX_REGION_CHANNEL_PAIRS = 9;
const TARGET_KINDS = [
  'general-public',
  'community',
  'candidate-or-party',
  'election-officials',
  'media',
  'infrastructure',
];
const KINDS = 8; // more than the target kinds, so that kind and text make one number
const PT = PURPOSES.length * THREAT_TYPES.length;
const PURPOSE_INDEX = new Map<string, number>(PURPOSES.map((x, i) => [x, i]));
const TYPE_INDEX = new Map<string, number>(THREAT_TYPES.map((x, i) => [x, i]));

/** Key texts as numbers: names repeat across a log, so each distinct text is normalised once. */
function keyNumbering(): (raw: string | null | undefined) => number {
  const byRaw = new Map<string, number>();
  const byNormal = new Map<string, number>();
  return (raw) => {
    if (!raw) return 0;
    const known = byRaw.get(raw);
    if (known !== undefined) return known;
    const k = normaliseKey(raw);
    let id = k === '' ? 0 : byNormal.get(k);
    if (id === undefined) {
      id = byNormal.size + 1;
      byNormal.set(k, id);
    }
    byRaw.set(raw, id);
    return id;
  };
}

/** Builds the index over the threats at `order` (input indices in time order; positions are places in it). */
export function indexSharedKeys(columns: KeyColumns, order: readonly number[]): KeyIndex {
  const keyOf = keyNumbering();
  const kind: KeyKind[] = [];
  const first: number[] = [];
  const region: string[] = [];
  const channel: string[] = [];
  const rank: number[] = []; // a place's region, in order of appearance; -1 for sources and targets
  // Keys stay small integers (fast map keys): sources and targets in one map, places in one per region.
  const sourceOrTarget = new Map<number, number>();
  const places = new Map<number, { rank: number; keys: Map<number, number> }>();
  const pairKey: number[] = [];
  const pairPosition: number[] = [];
  const newKey = (k: KeyKind, position: number, regionRank = -1, r = '', c = ''): number => {
    kind.push(k);
    first.push(position);
    region.push(r);
    channel.push(c);
    rank.push(regionRank);
    return kind.length - 1;
  };
  const sourceOrTargetKey = (number: number, k: KeyKind, position: number): void => {
    let key = sourceOrTarget.get(number);
    if (key === undefined) {
      key = newKey(k, position);
      sourceOrTarget.set(number, key);
    }
    pairKey.push(key);
    pairPosition.push(position);
  };

  order.forEach((i, position) => {
    const source = keyOf(columns.sourceName[i]);
    if (source) sourceOrTargetKey(source * 4, 'source', position);
    const target = keyOf(columns.targetDescription[i]);
    const targetKind = TARGET_KINDS.indexOf(columns.targetKind[i] ?? '') + 1;
    if (target) sourceOrTargetKey((target * KINDS + targetKind) * 4 + 1, 'target', position);
    const regions = columns.regions[i];
    const channels = columns.channels[i];
    if (!regions || !channels) return;
    const purpose = PURPOSE_INDEX.get(columns.purpose[i] ?? '');
    const type = TYPE_INDEX.get(columns.type[i] ?? '');
    const pt = purpose === undefined || type === undefined ? PT : purpose * THREAT_TYPES.length + type;
    let pairs = 0;
    for (const r of regions) {
      const rk = keyOf(r);
      if (!rk) continue;
      let inRegion = places.get(rk);
      if (!inRegion) {
        inRegion = { rank: places.size, keys: new Map() };
        places.set(rk, inRegion);
      }
      for (const c of channels) {
        if (pairs++ >= MAX_REGION_CHANNEL_PAIRS) break;
        const ck = keyOf(c);
        if (!ck) continue;
        // A region and a channel alone are shared by unrelated threats; the same kind of threat there is a lead.
        const number = ck * (PT + 1) + pt;
        let key = inRegion.keys.get(number);
        if (key === undefined) {
          key = newKey('place', position, inRegion.rank, r, c);
          inRegion.keys.set(number, key);
        }
        pairKey.push(key);
        pairPosition.push(position);
      }
    }
  });

  // Counting sort by key: each key's positions, contiguous and ascending.
  const keys = kind.length;
  const start = new Int32Array(keys);
  const end = new Int32Array(keys);
  for (const key of pairKey) end[key] = (end[key] ?? 0) + 1;
  let total = 0;
  for (let k = 0; k < keys; k++) {
    const size = end[k] ?? 0;
    start[k] = total;
    end[k] = total;
    total += size;
  }
  const members = new Int32Array(pairKey.length);
  pairKey.forEach((key, k) => {
    const at = end[key] ?? 0;
    members[at] = pairPosition[k] ?? 0;
    end[key] = at + 1;
  });

  // Sources and targets first (in order of appearance), then places by region.
  const keyOrder = Int32Array.from({ length: keys }, (_, k) => k).sort(
    (a, b) => (rank[a] ?? -1) - (rank[b] ?? -1) || a - b,
  );
  return {
    order: keyOrder,
    kind,
    first: Int32Array.from(first),
    region,
    channel,
    start,
    end,
    members,
    keyOf,
  };
}
