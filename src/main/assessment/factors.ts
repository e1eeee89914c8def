// The factors of the policy, each turning a threat into a value from 0 to 1 with a one-sentence reason.
// Every table is checked by the policy schema to rise with reach, confidence and proximity, so these
// functions stay monotone: more of any of them never lowers a value.
import type { Threat } from '../../shared/domain/workspace';
import type { PolicyFactor } from '../../shared/domain/policy';
import type { TimingInfo } from './calendar';
import type { CompiledPolicy } from './compile';
import {
  ACTOR_PHRASE,
  BREAKOUT_PHRASE,
  PHASE_PHRASE,
  PURPOSE_PHRASE,
  TYPE_PHRASE,
  fmt,
  thousands,
} from './phrases';

export interface FactorOutcome {
  value: number;
  reason: string;
}

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
      return {
        value,
        reason: withReason
          ? `It ${PURPOSE_PHRASE[t.purpose]} (purpose value ${fmt(p)}) by ${TYPE_PHRASE[t.type]} (type value ${fmt(ty)}).`
          : '',
      };
    }
    case 'reach':
      return reachOutcome(f, t.reach, cp, withReason);
    case 'foreign-involvement': {
      const value = f.byActorAndConfidence.values[t.source.actor][t.source.confidence];
      if (!withReason) return { value, reason: '' };
      const who =
        t.source.actor === 'unknown'
          ? 'The actor is unknown, so foreign involvement cannot be ruled out'
          : `Attributed to ${ACTOR_PHRASE[t.source.actor]} with ${t.source.confidence} confidence`;
      return { value, reason: `${who}.` };
    }
    case 'timing': {
      const v = f.byPhase.values;
      const value =
        timing.phase === 'critical-window'
          ? clamp01(v['critical-window'] + (v['polling-day'] - v['critical-window']) * timing.rampFraction)
          : v[timing.phase];
      if (!withReason) return { value, reason: '' };
      const d = timing.daysToPollingDay;
      const when =
        d === null || d === 0
          ? ''
          : d > 0
            ? `${d} day${d === 1 ? '' : 's'} before polling day, `
            : `${-d} day${d === -1 ? '' : 's'} after polling day, `;
      const text = `${when}${PHASE_PHRASE[timing.phase]}.`;
      return { value, reason: text.charAt(0).toUpperCase() + text.slice(1) };
    }
    case 'national-security': {
      const flagged = t.context?.nationalSecurityImplications === true;
      return {
        value: flagged ? 1 : 0,
        reason: withReason
          ? flagged
            ? 'It has implications for national security or allies.'
            : 'No implications for national security or allies are recorded.'
          : '',
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
  if (!withReason) return { value, reason: '' };
  const audience =
    reach.estimatedAudience === undefined
      ? ''
      : reach.estimatedAudience === 0
        ? ', no audience reached'
        : `, about ${thousands(reach.estimatedAudience)} ${reach.estimatedAudience === 1 ? 'person' : 'people'}`;
  const trendText = reach.trend ? `, ${reach.trend}` : '';
  return {
    value,
    reason: `Breakout category ${reach.breakout} (${BREAKOUT_PHRASE[reach.breakout]})${trendText}${audience}.`,
  };
}
