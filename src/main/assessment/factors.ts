// The factors of the policy, each turning a threat into a value from 0 to 1 with a one-sentence reason.
// Every table is checked by the policy schema to rise with reach, confidence and proximity, so these
// functions stay monotone: more of any of them never lowers a value.
import type { Threat } from '../../shared/domain/workspace';
import type { PolicyFactor } from '../../shared/domain/policy';
import type { TimingInfo } from './calendar';
import type { CompiledPolicy } from './compile';
import { message, type Message } from '../../shared/domain/message';
import { fmt } from './phrases';

export interface FactorOutcome {
  value: number;
  /** Why, as a message (NO_REASON when reasons are not asked for). */
  reason: Message;
  /** The numbers behind it, for the details view. */
  detail?: Message;
}

/** What bulk scoring carries instead of a reason: nothing to say. */
export const NO_REASON: Message = { id: '' };

type ReachFactor = Extract<PolicyFactor, { type: 'reach' }>;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function evaluateFactor(
  f: PolicyFactor,
  t: Threat,
  timing: TimingInfo,
  cp: CompiledPolicy,
  withReason: boolean,
): FactorOutcome {
  switch (f.type) {
    case 'harm': {
      const p = f.byPurpose.values[t.purpose];
      const ty = f.byType.values[t.type];
      const share = f.purposeShare.value;
      const value = clamp01(share * p + (1 - share) * ty);
      if (!withReason) return { value, reason: NO_REASON };
      return {
        value,
        reason: message('engine:factor.harm', { purpose: t.purpose, type: t.type }),
        detail: message('engine:factor.harmDetail', {
          purposeValue: fmt(p),
          typeValue: fmt(ty),
          purposeShare: `${Math.round(share * 100)} %`,
        }),
      };
    }
    case 'reach':
      return reachOutcome(f, t.reach, cp, withReason);
    case 'foreign-involvement': {
      const value = f.byActorAndConfidence.values[t.source.actor][t.source.confidence];
      if (!withReason) return { value, reason: NO_REASON };
      return {
        value,
        reason:
          t.source.actor === 'unknown'
            ? message('engine:factor.foreignUnknown')
            : message('engine:factor.foreign', { actor: t.source.actor, confidence: t.source.confidence }),
      };
    }
    case 'timing': {
      const v = f.byPhase.values;
      const value =
        timing.phase === 'critical-window'
          ? clamp01(v['critical-window'] + (v['polling-day'] - v['critical-window']) * timing.rampFraction)
          : v[timing.phase];
      if (!withReason) return { value, reason: NO_REASON };
      const d = timing.daysToPollingDay;
      const phase = timing.phase;
      return {
        value,
        reason:
          d === null || d === 0
            ? message('engine:factor.timing', { phase })
            : d > 0
              ? message('engine:factor.timingBefore', { count: d, phase })
              : message('engine:factor.timingAfter', { count: -d, phase }),
      };
    }
    case 'national-security': {
      const flagged = t.context?.nationalSecurityImplications === true;
      return {
        value: flagged ? 1 : 0,
        reason: !withReason
          ? NO_REASON
          : message(flagged ? 'engine:factor.nationalSecurity' : 'engine:factor.noNationalSecurity'),
      };
    }
  }
}

export function reachOutcome(
  f: ReachFactor,
  reach: Threat['reach'],
  cp: CompiledPolicy,
  withReason: boolean,
): FactorOutcome {
  const base = f.byBreakout.values[String(reach.breakout) as '1'];
  const trend = reach.trend ?? 'stable';
  let audienceAdd = 0;
  if (reach.estimatedAudience !== undefined) {
    for (const band of cp.audienceBands.get(f.id) ?? []) {
      if (reach.estimatedAudience >= band.atLeast) {
        audienceAdd = band.add;
        break;
      }
    }
  }
  const value = clamp01(base + f.byTrend.values[trend] + audienceAdd);
  if (!withReason) return { value, reason: NO_REASON };
  const params: Record<string, string | number> = { breakout: reach.breakout };
  if (reach.trend) params.trend = reach.trend;
  const audience = reach.estimatedAudience;
  // "about 50,000 people", "about 1 person" (count picks the plural), "no audience reached".
  if (audience !== undefined && audience > 0) params.count = Math.round(audience);
  const said = audience === undefined ? '' : audience === 0 ? 'NoAudience' : 'Audience';
  return { value, reason: message(`engine:factor.reach${reach.trend ? 'Trend' : ''}${said}`, params) };
}
