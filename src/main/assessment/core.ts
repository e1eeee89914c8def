// The scoring core shared by one threat and a cluster: factors → score → level → gates.
// No explanation beyond one-sentence reasons; counterfactuals call it again with one thing changed.
import type { Level } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import type { FactorContribution, GateResult, Mitigation } from '../../shared/domain/assessment';
import type { PolicyThresholds } from '../../shared/domain/policy';
import { dayOfInstant, timingAt, type ElectionCalendar, type TimingInfo } from './calendar';
import type { CompiledPolicy } from './compile';
import { message } from '../../shared/domain/message';
import { evaluateFactor, NO_REASON, reachOutcome, type FactorOutcome } from './factors';
import { applyGates } from './gates';
import { patternOf } from './pattern';
import { round1 } from './phrases';
import { situationOf, type Situation } from './situation';
import { at } from '../../shared/collections';

export interface CoreInput {
  threats: readonly Threat[];
  cluster: boolean;
  cal: ElectionCalendar | undefined;
  cp: CompiledPolicy;
  asOfDay: number;
  /** Moves the day assessed (counterfactuals on proximity to polling day). */
  shiftDays: number;
  withReason: boolean;
}

export interface CoreResult {
  factors: FactorContribution[];
  mitigations: Mitigation[];
  score: number;
  memberScores: number[];
  thresholds: PolicyThresholds;
  levelBeforeGates: Level;
  level: Level;
  gates: GateResult[];
  attributionMayBeStated: boolean;
  timing: TimingInfo;
  situation: Situation;
}

interface MemberEval {
  outcomes: FactorOutcome[];
  mitigations: Mitigation[];
  score: number;
}

const clamp100 = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

export function levelFor(score: number, t: PolicyThresholds): Level {
  return score >= t.speakPublicly
    ? 'speak-publicly'
    : score >= t.engagePrivately
      ? 'engage-privately'
      : 'monitor';
}

/** The day a threat is assessed on: as of the assessment, or its first sighting if that is later. */
function referenceDay(t: Threat, asOfDay: number): number {
  const seen = dayOfInstant(t.time.firstSeen);
  return seen > asOfDay ? seen : asOfDay;
}

function mitigationsOf(t: Threat, cp: CompiledPolicy, withReason: boolean): Mitigation[] {
  const out: Mitigation[] = [];
  const c = t.context;
  if (!c) return out;
  if (c.debunkedByPartner)
    out.push({
      id: 'debunked-by-partner',
      label: 'Already debunked by a partner',
      points: cp.mitigations.debunked,
      reason: withReason ? message('engine:mitigation.debunked') : NO_REASON,
    });
  if (c.investigationSensitive)
    out.push({
      id: 'investigation-sensitive',
      label: 'Would harm an investigation',
      points: cp.mitigations.investigation,
      reason: withReason
        ? message(
            cp.mitigations.investigationWithholds
              ? 'engine:mitigation.investigationWithheld'
              : 'engine:mitigation.investigation',
          )
        : NO_REASON,
    });
  return out;
}

function evaluateMember(t: Threat, timing: TimingInfo, cp: CompiledPolicy, withReason: boolean): MemberEval {
  const outcomes: FactorOutcome[] = [];
  let sum = 0;
  for (const f of cp.factors) {
    const o = evaluateFactor(f, t, timing, cp, withReason);
    outcomes.push(o);
    sum += round1(f.weight * o.value);
  }
  const mitigations = mitigationsOf(t, cp, withReason);
  for (const m of mitigations) sum -= m.points;
  return { outcomes, mitigations, score: round1(clamp100(sum)) };
}

export function runCore(input: CoreInput): CoreResult {
  const { threats, cp, cal, withReason } = input;
  const members: MemberEval[] = [];
  let refDay = -Infinity;
  for (const t of threats) {
    const day = referenceDay(t, input.asOfDay) + input.shiftDays;
    if (day > refDay) refDay = day;
    members.push(evaluateMember(t, timingAt(day, cal), cp, withReason));
  }
  const timing = timingAt(refDay, cal);
  const factors: FactorContribution[] = [];
  let mitigations: Mitigation[];
  let score: number;

  if (!input.cluster) {
    const m = at(members, 0);
    cp.factors.forEach((f, i) => {
      const o = at(m.outcomes, i);
      factors.push({
        id: f.id,
        label: f.label,
        weight: f.weight,
        value: round4(o.value),
        points: round1(f.weight * o.value),
        reason: o.reason,
        ...(o.detail ? { detail: o.detail } : {}),
      });
    });
    mitigations = m.mitigations;
    score = m.score;
  } else {
    // Each factor at its strongest across the members; reach also as the whole cluster's reach.
    let sum = 0;
    cp.factors.forEach((f, i) => {
      let best = 0;
      for (let j = 1; j < members.length; j++)
        if (at(at(members, j).outcomes, i).value > at(at(members, best).outcomes, i).value) best = j;
      let o = at(at(members, best).outcomes, i);
      let from: { strongestMember: string } | { wholeCluster: true } = {
        strongestMember: at(threats, best).id,
      };
      if (f.type === 'reach') {
        const whole = reachOutcome(f, combinedReach(threats), cp, withReason);
        if (whole.value > o.value) {
          o = whole;
          from = { wholeCluster: true };
        }
      }
      const points = round1(f.weight * o.value);
      sum += points;
      factors.push({
        id: f.id,
        label: f.label,
        weight: f.weight,
        value: round4(o.value),
        points,
        reason: o.reason,
        ...(o.detail ? { detail: o.detail } : {}),
        ...(withReason ? from : {}),
      });
    });
    // A mitigation counts for the cluster only if it holds for every member.
    mitigations = (members[0]?.mitigations ?? []).filter((m) =>
      members.every((x) => x.mitigations.some((y) => y.id === m.id)),
    );
    for (const m of mitigations) sum -= m.points;
    const highest = members.reduce((h, m) => Math.max(h, m.score), 0);
    const pattern = patternOf(threats, cp, withReason);
    factors.push({
      id: 'pattern',
      label: 'Pattern of related threats',
      weight: cp.accumulation.max,
      value: round4(pattern.value),
      points: pattern.points,
      reason: pattern.reason,
    });
    score = round1(clamp100(Math.max(round1(clamp100(sum)), highest) + pattern.points));
  }

  const thresholds =
    timing.electionPeriod && cp.electionPeriodThresholds ? cp.electionPeriodThresholds : cp.thresholds;
  const levelBeforeGates = levelFor(score, thresholds);
  const situation = situationOf(threats, cp);
  const g = applyGates(levelBeforeGates, situation, cp, withReason);
  return {
    factors,
    mitigations,
    score,
    memberScores: members.map((m) => m.score),
    thresholds,
    levelBeforeGates,
    level: g.level,
    gates: g.gates,
    attributionMayBeStated: g.attributionMayBeStated,
    timing,
    situation,
  };
}

function combinedReach(threats: readonly Threat[]): Threat['reach'] {
  let breakout = 1;
  let audience: number | undefined;
  let trendRank = 0;
  for (const t of threats) {
    if (t.reach.breakout > breakout) breakout = t.reach.breakout;
    if (t.reach.estimatedAudience !== undefined) audience = (audience ?? 0) + t.reach.estimatedAudience;
    const r = t.reach.trend === 'growing' ? 2 : t.reach.trend === 'declining' ? 0 : 1; // no trend given counts as stable
    if (r > trendRank) trendRank = r;
  }
  const trend = trendRank === 2 ? 'growing' : trendRank === 1 ? 'stable' : 'declining';
  return {
    breakout,
    trend,
    ...(audience !== undefined && { estimatedAudience: Math.min(audience, Number.MAX_SAFE_INTEGER) }),
  };
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
