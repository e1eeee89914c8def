// "What would change the answer": try each field one step (attribution confidence, actor, Breakout ±1,
// trend, audience, context, the day assessed) and keep the changes that move the level, smallest first.
// For a cluster, the change is made to every member. At the top level, when no single change moves it,
// say what would lower it: the changes that lower the score most, and the fewest of them that together
// would bring the level down.
import { ACTORS, CONFIDENCES, TRENDS, levelRank, type Level } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import type { Counterfactual, LoweringChange } from '../../shared/domain/assessment';
import { message, type Message } from '../../shared/domain/message';
import { at } from '../../shared/collections';

export type Rescore = (threats: Threat[], shiftDays: number) => { score: number; level: Level };

interface Variant {
  field: string;
  from: string | number | null;
  to: string | number | null;
  change: Message;
  apply: (t: Threat) => Threat;
}

/** How far the day assessed may move when looking for a change of level. */
const MAX_SHIFT_DAYS = 60;
/** At most this many changes are combined when looking for what would lower the level. */
const MAX_TOGETHER = 4;
/** How many of the changes that lower the score most are listed. */
const LOWERING_SHOWN = 3;

function variantsOf(threats: Threat[]): Variant[] {
  const common = <T>(get: (t: Threat) => T): T | 'mixed' => {
    const v = get(at(threats, 0));
    return threats.every((t) => get(t) === v) ? v : 'mixed';
  };
  const variants: Variant[] = [];

  const conf = common((t) => t.source.confidence);
  const lowest = Math.min(...threats.map((t) => CONFIDENCES.indexOf(t.source.confidence)));
  for (const i of [lowest + 1, lowest - 1]) {
    const to = CONFIDENCES[i];
    if (to && to !== conf)
      variants.push({
        field: 'source.confidence',
        from: conf,
        to,
        change: message('engine:change.confidence', { to }),
        apply: (t) => ({ ...t, source: { ...t.source, confidence: to } }),
      });
  }
  const actor = common((t) => t.source.actor);
  for (const to of ACTORS) {
    if (to !== actor)
      variants.push({
        field: 'source.actor',
        from: actor,
        to,
        change: message('engine:change.actor', { to }),
        apply: (t) => ({ ...t, source: { ...t.source, actor: to } }),
      });
  }
  const breakout = common((t) => t.reach.breakout);
  for (const step of [1, -1]) {
    const to = typeof breakout === 'number' ? breakout + step : null;
    if (to !== null && (to < 1 || to > 6)) continue;
    variants.push({
      field: 'reach.breakout',
      from: breakout,
      to,
      change:
        to !== null
          ? message('engine:change.breakout', { to })
          : message(step > 0 ? 'engine:change.breakoutHigher' : 'engine:change.breakoutLower'),
      apply: (t) => ({
        ...t,
        reach: { ...t.reach, breakout: Math.min(6, Math.max(1, t.reach.breakout + step)) },
      }),
    });
  }
  const trend = common((t) => t.reach.trend ?? 'stable');
  const trendIndex = typeof trend === 'string' && trend !== 'mixed' ? TRENDS.indexOf(trend) : -1;
  for (const to of TRENDS) {
    // One step from the current trend (growing ↔ stable ↔ declining); every value for a mixed cluster.
    if (to === trend || (trendIndex >= 0 && Math.abs(TRENDS.indexOf(to) - trendIndex) !== 1)) continue;
    variants.push({
      field: 'reach.trend',
      from: trend,
      to,
      change: message('engine:change.trend', { to }),
      apply: (t) => ({ ...t, reach: { ...t.reach, trend: to } }),
    });
  }
  if (threats.every((t) => t.reach.estimatedAudience !== undefined)) {
    const audience = common((t) => t.reach.estimatedAudience ?? 0);
    for (const [factor, word] of [
      [10, 'Larger'],
      [0.1, 'Smaller'],
    ] as const) {
      const to = typeof audience === 'number' ? Math.round(audience * factor) : null;
      variants.push({
        field: 'reach.estimatedAudience',
        from: audience,
        to,
        change:
          to !== null
            ? message(`engine:change.audience${word}`, { to })
            : message(`engine:change.audience${word}Mixed`),
        apply: (t) => ({
          ...t,
          reach: {
            ...t.reach,
            estimatedAudience: Math.min(
              Number.MAX_SAFE_INTEGER,
              Math.round((t.reach.estimatedAudience ?? 0) * factor),
            ),
          },
        }),
      });
    }
  }
  const toggles = ['debunkedByPartner', 'investigationSensitive', 'nationalSecurityImplications'] as const;
  for (const key of toggles) {
    const now = common((t) => t.context?.[key] === true);
    for (const to of [true, false]) {
      if (now === to) continue;
      const id = to ? key : `not${key.charAt(0).toUpperCase()}${key.slice(1)}`;
      variants.push({
        field: `context.${key}`,
        from: now === 'mixed' ? now : String(now),
        to: String(to),
        change: message(`engine:change.${id}`),
        apply: (t) => ({ ...t, context: { ...t.context, [key]: to } }),
      });
    }
  }
  return variants;
}

export function counterfactuals(
  threats: Threat[],
  current: { score: number; level: Level },
  daysToPollingDay: number | null,
  rescore: Rescore,
): Counterfactual[] {
  const every = threats.length > 1;
  const out: Counterfactual[] = [];
  for (const v of variantsOf(threats)) {
    const r = rescore(threats.map(v.apply), 0);
    if (r.level !== current.level) out.push(result(v, r, every));
  }
  if (daysToPollingDay !== null) {
    for (const dir of [1, -1]) {
      for (let k = 1; k <= MAX_SHIFT_DAYS; k++) {
        const r = rescore(threats, dir * k);
        if (r.level === current.level) continue;
        const to = daysToPollingDay - dir * k;
        const shift = message(dir > 0 ? 'engine:change.later' : 'engine:change.earlier', { count: k });
        out.push({
          change:
            to > 0
              ? message('engine:change.daysBefore', { count: to, shiftId: shift.id, shiftCount: k })
              : to === 0
                ? message('engine:change.pollingDay', { shiftId: shift.id, shiftCount: k })
                : message('engine:change.daysAfter', { count: -to, shiftId: shift.id, shiftCount: k }),
          field: 'daysToPollingDay',
          from: daysToPollingDay,
          to,
          score: r.score,
          level: r.level,
        });
        break;
      }
    }
  }
  // Smallest change of score first; ties keep the order tried.
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Math.abs(a.c.score - current.score) - Math.abs(b.c.score - current.score) || a.i - b.i)
    .map((x) => x.c);
}

/**
 * What would lower the level when no single change does: the changes that lower the score most (each with
 * the score it would give), and the fewest of them that, made together, bring the level down (none when
 * even the strongest few together would not).
 */
export function loweringChanges(
  threats: Threat[],
  current: { score: number; level: Level },
  rescore: Rescore,
): { single: Counterfactual[]; together: LoweringChange | null } {
  const every = threats.length > 1;
  const lower = variantsOf(threats)
    .map((v) => ({ v, r: rescore(threats.map(v.apply), 0) }))
    .filter((x) => x.r.score < current.score)
    // One change per field: the one that lowers the score most.
    .sort((a, b) => a.r.score - b.r.score)
    .filter((x, i, all) => all.findIndex((y) => y.v.field === x.v.field) === i);
  const single = lower.slice(0, LOWERING_SHOWN).map((x) => result(x.v, x.r, every));
  let together: LoweringChange | null = null;
  for (let n = 2; n <= Math.min(MAX_TOGETHER, lower.length) && !together; n++) {
    const chosen = lower.slice(0, n);
    let changed = threats;
    for (const x of chosen) changed = changed.map(x.v.apply);
    const r = rescore(changed, 0);
    if (levelRank(r.level) < levelRank(current.level))
      together = { changes: chosen.map((x) => result(x.v, x.r, every)), score: r.score, level: r.level };
  }
  return { single, together };
}

function result(v: Variant, r: { score: number; level: Level }, everyMember: boolean): Counterfactual {
  return {
    change: v.change,
    field: v.field,
    from: v.from,
    to: v.to,
    score: r.score,
    level: r.level,
    // Breakout is worded for the whole cluster already.
    ...(everyMember && v.field !== 'reach.breakout' ? { everyMember: true } : {}),
  };
}
