// A policy turned into the lookups the engine needs per threat, built once per policy object
// so that scoring 100,000 threats does no per-threat parsing of the policy.
import { CONFIDENCES, type Confidence, type Purpose } from '../../shared/domain/enums';
import type { Policy, PolicyFactor, PolicyThresholds } from '../../shared/domain/policy';

export interface CompiledPolicy {
  policy: Policy;
  factors: PolicyFactor[];
  thresholds: PolicyThresholds;
  electionPeriodThresholds: PolicyThresholds | null;
  criticalWindow: {
    beforeAdvance: number;
    beforePollingIfNoAdvance: number;
    afterPollingIfNoCertification: number;
  };
  gates: {
    domestic: boolean;
    contained: boolean;
    containedMaxBreakout: number;
    containedExcept: ReadonlySet<Purpose>;
    lowConfidence: boolean;
    minimumConfidenceRank: number;
    minimumConfidence: Confidence;
  };
  accumulation: {
    perMember: number;
    max: number;
    sustainedDays: number;
    burstShare: number;
    unsharedShare: number;
  };
  mitigations: { debunked: number; investigation: number; investigationWithholds: boolean };
  /** Audience bands, largest first, so the first match is the band reached. */
  audienceBands: Map<string, { atLeast: number; add: number }[]>;
}

const cache = new WeakMap<Policy, CompiledPolicy>();

/** Compiles (and memoises per policy object) the lookups the engine uses. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const g = policy.gates;
  const a = policy.accumulation;
  const bands = new Map<string, { atLeast: number; add: number }[]>();
  for (const f of policy.factors) {
    if (f.type === 'reach')
      bands.set(
        f.id,
        [...f.byAudience.values].sort((x, y) => y.atLeast - x.atLeast),
      );
  }
  const compiled: CompiledPolicy = {
    policy,
    factors: policy.factors,
    thresholds: pickThresholds(policy.thresholds),
    electionPeriodThresholds: policy.electionPeriodThresholds
      ? pickThresholds(policy.electionPeriodThresholds)
      : null,
    criticalWindow: {
      beforeAdvance: policy.criticalWindow.daysBeforeAdvanceVoting.value,
      beforePollingIfNoAdvance: policy.criticalWindow.daysBeforePollingDayIfNoAdvanceVoting.value,
      afterPollingIfNoCertification: policy.criticalWindow.daysAfterPollingDayIfNoCertification.value,
    },
    gates: {
      domestic: g.domesticPoliticalDebate.enabled,
      contained: g.containedItem.enabled,
      containedMaxBreakout: g.containedItem.maxBreakout.value,
      containedExcept: new Set(g.containedItem.exceptPurposes.value),
      lowConfidence: g.lowConfidenceAttribution.enabled,
      minimumConfidence: g.lowConfidenceAttribution.minimumConfidence.value,
      minimumConfidenceRank: CONFIDENCES.indexOf(g.lowConfidenceAttribution.minimumConfidence.value),
    },
    accumulation: {
      perMember: a.pointsPerAdditionalMember.value,
      max: a.maxPatternPoints.value,
      sustainedDays: a.sustainedAfterDays.value,
      burstShare: a.burstShare.value,
      unsharedShare: a.unsharedShare.value,
    },
    mitigations: {
      debunked: policy.mitigations.debunkedByPartner.points,
      investigation: policy.mitigations.investigationSensitive.points,
      investigationWithholds: policy.mitigations.investigationSensitive.withholdAttribution,
    },
    audienceBands: bands,
  };
  cache.set(policy, compiled);
  return compiled;
}

function pickThresholds(t: PolicyThresholds): PolicyThresholds {
  return { engagePrivately: t.engagePrivately, speakPublicly: t.speakPublicly };
}
