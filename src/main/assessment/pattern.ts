// The accumulation bonus: a sustained pattern (several members over days, sharing an actor name, a target,
// a region or a false claim) is more than any one of its parts.
import type { Threat } from '../../shared/domain/workspace';
import type { CompiledPolicy } from './compile';
import { DAY_MS } from './calendar';
import { normaliseKey, significantWords, wordsOverlap } from './text';
import { message, type Message } from '../../shared/domain/message';
import { NO_REASON } from './factors';
import { round1 } from './phrases';
import { at } from '../../shared/collections';

/** What every member may share, by the id of its name (engine:trait.*). */
export type Trait = 'actorName' | 'target' | 'region' | 'claim';

export interface Pattern {
  points: number;
  value: number;
  reason: Message;
  traits: Trait[];
  spanDays: number;
}

export function patternOf(threats: readonly Threat[], cp: CompiledPolicy, withReason: boolean): Pattern {
  const a = cp.accumulation;
  const n = threats.length;
  let first = Infinity;
  let last = -Infinity;
  for (const t of threats) {
    const f = Date.parse(t.time.firstSeen);
    const l = t.time.lastSeen ? Date.parse(t.time.lastSeen) : f;
    if (f < first) first = f;
    if (Math.max(f, l) > last) last = Math.max(f, l);
  }
  const spanDays = n > 0 ? Math.floor((last - first) / DAY_MS) : 0;
  const traits = sharedTraits(threats);
  const sustained = spanDays >= a.sustainedDays;
  let points = Math.min(a.max, a.perMember * Math.max(0, n - 1));
  if (!sustained) points *= a.burstShare;
  if (traits.length === 0) points *= a.unsharedShare;
  points = round1(points);
  const value = a.max > 0 ? points / a.max : 0;
  const reason = !withReason
    ? NO_REASON
    : n < 2
      ? message('engine:factor.single')
      : message('engine:factor.pattern', {
          members: n,
          count: spanDays,
          sustained: sustained ? 'yes' : 'no',
          traits: traits.join(','),
        });
  return { points, value, reason, traits, spanDays };
}

/** What every member has in common (the claim: each overlaps with another member's). */
function sharedTraits(threats: readonly Threat[]): Trait[] {
  if (threats.length < 2) return [];
  const traits: Trait[] = [];
  const same = (key: (t: Threat) => string): boolean => {
    const k = key(at(threats, 0));
    return k !== '' && threats.every((t) => key(t) === k);
  };
  if (same((t) => normaliseKey(t.source.name))) traits.push('actorName');
  if (same((t) => (t.target.description ? `${t.target.kind}|${normaliseKey(t.target.description)}` : '')))
    traits.push('target');
  const regions = threats.map((t) => new Set((t.place.regions ?? []).map(normaliseKey)));
  const [r0, ...rest] = regions;
  if (r0 && [...r0].some((r) => r !== '' && rest.every((s) => s.has(r)))) traits.push('region');
  if (claimsOverlap(threats)) traits.push('claim');
  return traits;
}

function claimsOverlap(threats: readonly Threat[]): boolean {
  const words = threats.map((t) => significantWords(t.falseClaim));
  if (words.some((w) => w.length === 0)) return false;
  // Bounded: beyond 200 members, compare each with its neighbours in the list only.
  const sets = words.map((w) => new Set(w));
  return words.every((w, i) => {
    const lo = threats.length > 200 ? Math.max(0, i - 5) : 0;
    const hi = threats.length > 200 ? Math.min(words.length, i + 6) : words.length;
    for (let j = lo; j < hi; j++) if (j !== i && wordsOverlap(w, at(sets, j))) return true;
    return false;
  });
}
