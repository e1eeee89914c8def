// "Should we speak?": the intervention-policy engine. Pure functions, data in and data out:
// the same threat, election, policy and asOf always give the same result (no clock, no randomness).
import type { Election, Threat } from '../../shared/domain/workspace';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { Policy } from '../../shared/domain/policy';
import { dayOfInstant, electionCalendar } from './calendar';
import { compilePolicy } from './compile';
import { runCore } from './core';
import { counterfactuals, loweringChanges } from './counterfactuals';
import { round1 } from './phrases';
import { chooseSpokesperson, partnersFor } from './spokesperson';
import { at } from '../../shared/collections';

export { compilePolicy, type CompiledPolicy } from './compile';
export { suggestClusters, type ClusterSuggestion } from './suggest-clusters';

export interface AssessOptions {
  /** ISO date-time the assessment is as of: drives timing. */
  asOf: string;
  /** Version of the threat assessed (stored with the result). */
  version?: number;
  /** False skips counterfactuals, for bulk use. Default true. */
  explain?: boolean;
}

export interface AssessClusterOptions extends Omit<AssessOptions, 'version'> {
  /** Version of each member threat, by id. */
  versions?: Record<string, number>;
}

export function assessThreat(
  threat: Threat,
  election: Election | undefined,
  policy: Policy,
  opts: AssessOptions,
): AssessmentResult {
  return assess([threat], false, election, policy, opts, { [threat.id]: opts.version ?? versionOf(threat) });
}

/** A cluster is assessed as one: never below its highest member, plus points for a sustained pattern. */
export function assessCluster(
  threats: Threat[],
  election: Election | undefined,
  policy: Policy,
  opts: AssessClusterOptions,
): AssessmentResult {
  if (threats.length === 0) throw new Error('A cluster needs at least one threat.');
  const versions: Record<string, number> = {};
  for (const t of threats) versions[t.id] = opts.versions?.[t.id] ?? versionOf(t);
  return assess(threats, true, election, policy, opts, versions);
}

/**
 * The level and score alone, for keeping a whole log in step (no explanation, no reasons, no parties):
 * always the same level and score as assessThreat, at about half the cost.
 */
// Bulk scoring sees the same election, policy and asOf over and over: their derived forms are kept.
const calendars = new WeakMap<object, WeakMap<Election, ReturnType<typeof electionCalendar>>>();
let scoreAsOf = '';
let scoreAsOfDay = NaN;

function calendarFor(
  election: Election | undefined,
  cp: ReturnType<typeof compilePolicy>,
): ReturnType<typeof electionCalendar> {
  if (!election) return electionCalendar(undefined, cp);
  let byElection = calendars.get(cp);
  if (!byElection) calendars.set(cp, (byElection = new WeakMap()));
  let cal = byElection.get(election);
  if (!cal) byElection.set(election, (cal = electionCalendar(election, cp)));
  return cal;
}

export function scoreThreat(
  threat: Threat,
  election: Election | undefined,
  policy: Policy,
  asOf: string,
): { level: AssessmentResult['level']; score: number } {
  const cp = compilePolicy(policy);
  if (asOf !== scoreAsOf) {
    scoreAsOfDay = dayOfInstant(asOf);
    scoreAsOf = asOf;
  }
  const asOfDay = scoreAsOfDay;
  if (!Number.isFinite(asOfDay)) throw new Error(`asOf must be an ISO date-time, got "${asOf}".`);
  const core = runCore({
    threats: [threat],
    cluster: false,
    cal: calendarFor(election, cp),
    cp,
    asOfDay,
    shiftDays: 0,
    withReason: false,
  });
  return { level: core.level, score: core.score };
}

let lastAsOf = '';
let lastAsOfDay = NaN;

function assess(
  threats: Threat[],
  cluster: boolean,
  election: Election | undefined,
  policy: Policy,
  opts: Omit<AssessOptions, 'version'>,
  threatVersions: Record<string, number>,
): AssessmentResult {
  const cp = compilePolicy(policy);
  const cal = electionCalendar(election, cp);
  if (opts.asOf !== lastAsOf) {
    lastAsOfDay = dayOfInstant(opts.asOf);
    lastAsOf = opts.asOf;
  }
  const asOfDay = lastAsOfDay;
  if (!Number.isFinite(asOfDay)) throw new Error(`asOf must be an ISO date-time, got "${opts.asOf}".`);
  const core = runCore({ threats, cluster, cal, cp, asOfDay, shiftDays: 0, withReason: true });
  const spokesperson = chooseSpokesperson(core.situation, core.timing.electionPeriod);
  const result: AssessmentResult = {
    threatIds: threats.map((t) => t.id),
    cluster,
    score: core.score,
    level: core.level,
    levelBeforeGates: core.levelBeforeGates,
    thresholds: { ...core.thresholds },
    margins: {
      engagePrivately: round1(core.score - core.thresholds.engagePrivately),
      speakPublicly: round1(core.score - core.thresholds.speakPublicly),
    },
    factors: core.factors,
    gates: core.gates,
    counterfactuals: [],
    spokesperson,
    partners: partnersFor(core.situation, core.level, spokesperson),
    attributionMayBeStated: core.attributionMayBeStated,
    policyVersion: policy.version,
    threatVersions,
    asOf: opts.asOf,
    mitigations: core.mitigations,
    daysToPollingDay: core.timing.daysToPollingDay,
    timingPhase: core.timing.phase,
    electionPeriod: core.timing.electionPeriod,
  };
  if (cluster)
    result.memberScores = Object.fromEntries(threats.map((t, i) => [t.id, at(core.memberScores, i)]));
  if (opts.explain !== false) {
    const rescore = (changed: Threat[], shiftDays: number) => {
      const r = runCore({ threats: changed, cluster, cal, cp, asOfDay, shiftDays, withReason: false });
      return { score: r.score, level: r.level };
    };
    result.counterfactuals = counterfactuals(threats, core, core.timing.daysToPollingDay, rescore);
    // At the top, "no single change would move it" is a dead end: say what would lower it.
    if (result.counterfactuals.length === 0 && core.level === 'speak-publicly')
      result.lowering = loweringChanges(threats, core, rescore);
  }
  return result;
}

function versionOf(t: Threat): number {
  const v = (t as { version?: unknown }).version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}
