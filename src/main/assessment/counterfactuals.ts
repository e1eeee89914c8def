// "What would change the answer": try each field one step (attribution confidence, actor, Breakout ±1,
// trend, audience, context, the day assessed) and keep the changes that move the level, smallest first.
// For a cluster, the change is made to every member.
import { ACTORS, CONFIDENCES, TRENDS, type Level } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import type { Counterfactual } from '../../shared/domain/assessment';
import { ACTOR_PHRASE, thousands } from './phrases';

export type Rescore = (threats: Threat[], shiftDays: number) => { score: number; level: Level };

interface Variant {
  field: string;
  from: string | number | null;
  to: string | number | null;
  change: string;
  apply: (t: Threat) => Threat;
}

/** How far the day assessed may move when looking for a change of level. */
const MAX_SHIFT_DAYS = 60;

export function counterfactuals(
  threats: Threat[],
  current: { score: number; level: Level },
  daysToPollingDay: number | null,
  rescore: Rescore,
): Counterfactual[] {
  const all = threats.length > 1 ? ' for every member' : '';
  const common = <T>(get: (t: Threat) => T): T | 'mixed' => {
    const v = get(threats[0]!);
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
        change: `if attribution confidence were ${to}${all}`,
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
        change: `if the actor were ${ACTOR_PHRASE[to]}${all}`,
        apply: (t) => ({ ...t, source: { ...t.source, actor: to } }),
      });
  }
  const breakout = common((t) => t.reach.breakout);
  for (const step of [1, -1]) {
    const to = typeof breakout === 'number' ? breakout + step : null;
    if (to !== null && (to < 1 || to > 6)) continue;
    const change =
      to !== null
        ? `if the reach were Breakout category ${to}`
        : `if every member reached one Breakout category ${step > 0 ? 'higher' : 'lower'}`;
    variants.push({
      field: 'reach.breakout',
      from: breakout,
      to,
      change,
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
      change: `if the trend were ${to}${all}`,
      apply: (t) => ({ ...t, reach: { ...t.reach, trend: to } }),
    });
  }
  if (threats.every((t) => t.reach.estimatedAudience !== undefined)) {
    const audience = common((t) => t.reach.estimatedAudience ?? 0);
    for (const [factor, word] of [
      [10, 'larger'],
      [0.1, 'smaller'],
    ] as const) {
      const to = typeof audience === 'number' ? Math.round(audience * factor) : null;
      const about = to !== null ? ` (about ${thousands(to)} people)` : '';
      variants.push({
        field: 'reach.estimatedAudience',
        from: audience,
        to,
        change: `if the audience were ten times ${word}${about}${all}`,
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
  const toggles = [
    ['debunkedByPartner', 'a partner had already debunked it', 'no partner had debunked it'],
    [
      'investigationSensitive',
      'speaking could harm an investigation',
      'speaking could not harm an investigation',
    ],
    [
      'nationalSecurityImplications',
      'it had implications for national security or allies',
      'it had no implications for national security or allies',
    ],
  ] as const;
  for (const [key, yes, no] of toggles) {
    const now = common((t) => t.context?.[key] === true);
    for (const to of [true, false]) {
      if (now === to) continue;
      variants.push({
        field: `context.${key}`,
        from: now === 'mixed' ? now : String(now),
        to: String(to),
        change: `if ${to ? yes : no}${all}`,
        apply: (t) => ({ ...t, context: { ...t.context, [key]: to } }),
      });
    }
  }

  const out: Counterfactual[] = [];
  for (const v of variants) {
    const r = rescore(threats.map(v.apply), 0);
    if (r.level !== current.level) out.push(result(v.field, v.from, v.to, v.change, r));
  }
  if (daysToPollingDay !== null) {
    for (const dir of [1, -1]) {
      for (let k = 1; k <= MAX_SHIFT_DAYS; k++) {
        const r = rescore(threats, dir * k);
        if (r.level === current.level) continue;
        const to = daysToPollingDay - dir * k;
        const when =
          to > 0
            ? `${to} day${to === 1 ? '' : 's'} before polling day`
            : to === 0
              ? 'polling day'
              : `${-to} day${to === -1 ? '' : 's'} after polling day`;
        out.push(
          result(
            'daysToPollingDay',
            daysToPollingDay,
            to,
            `if it were ${when} (${k} day${k === 1 ? '' : 's'} ${dir > 0 ? 'later' : 'earlier'})`,
            r,
          ),
        );
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

function result(
  field: string,
  from: string | number | null,
  to: string | number | null,
  change: string,
  r: { score: number; level: Level },
): Counterfactual {
  return {
    change,
    field,
    from,
    to,
    score: r.score,
    level: r.level,
    sentence: `${change.charAt(0).toUpperCase()}${change.slice(1)}, the level would be ${r.level}.`,
  };
}
