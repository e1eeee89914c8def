// The result of checking a threat, or a cluster of threats, against the intervention policy.
// Produced by src/main/assessment (pure functions); read by drafting, the CLI and the renderer.
import type { Level } from './enums';
import type { Message } from './message';

export interface FactorContribution {
  id: string;
  label: string;
  /** The factor's weight in the policy: the most points it can contribute. */
  weight: number;
  /** 0..1: how strongly the factor is present. */
  value: number;
  /** weight × value, the points this factor adds to the score. */
  points: number;
  /** One plain sentence: why the factor has this value (a message the interface puts in words). */
  reason: Message;
  /** The numbers behind it, for the details view (e.g. the values of the purpose and the type). */
  detail?: Message;
  /** For a cluster: the member the factor was taken from, at its strongest. */
  strongestMember?: string;
  /** For a cluster: the factor is the whole cluster's (e.g. its combined reach). */
  wholeCluster?: boolean;
}

export interface GateResult {
  id: string;
  label: string;
  /** True when the gate changed the result (capped the level or withheld attribution). */
  applied: boolean;
  /** What the gate did, or why it did not apply. */
  reason: Message;
  /** True when the gate's condition holds, whether or not it changed this result. */
  conditionMet?: boolean;
}

/** Context that lowers the need to speak (CEIPP): already debunked, would harm an investigation. */
export interface Mitigation {
  id: string;
  label: string;
  /** Points taken off the score. */
  points: number;
  reason: Message;
}

export interface Counterfactual {
  /** The change, as a message: "if attribution confidence were high" (see shared/i18n/explain.ts). */
  change: Message;
  /** The field changed, e.g. "source.confidence", "reach.breakout", "daysToPollingDay". */
  field: string;
  from: string | number | null;
  to: string | number | null;
  score: number;
  level: Level;
  /** For a cluster: the change is made to every member. */
  everyMember?: true;
}

/** Changes made together that would lower the level (when no single change does). */
export interface LoweringChange {
  changes: Counterfactual[];
  score: number;
  level: Level;
}

export interface PartyToEngage {
  /** Stable id of a role, e.g. "election-authority", "platforms", "security-agency". */
  id: string;
  name: string;
  reason: Message;
}

export interface AssessmentResult {
  threatIds: string[];
  cluster: boolean;
  score: number;
  level: Level;
  /** The level the score alone would give, before gates. */
  levelBeforeGates: Level;
  /** The thresholds in force for this result (the election-period ones when they applied). */
  thresholds: { engagePrivately: number; speakPublicly: number };
  /** score − threshold, for each threshold: positive means over it. */
  margins: { engagePrivately: number; speakPublicly: number };
  factors: FactorContribution[];
  gates: GateResult[];
  counterfactuals: Counterfactual[];
  /**
   * At the top level, when no single change would move it: the changes that lower the score most, alone
   * (each with the score it would give) and, when some together would lower the level, together.
   */
  lowering?: { single: Counterfactual[]; together: LoweringChange | null };
  spokesperson: PartyToEngage;
  partners: PartyToEngage[];
  /** False when attribution must not be stated in public (confidence below high, or a gate withheld it). */
  attributionMayBeStated: boolean;
  policyVersion: number;
  /** The version of each threat the result was computed from. */
  threatVersions: Record<string, number>;
  /** ISO date-time the assessment is "as of" (drives timing). */
  asOf: string;
  /** Context that took points off the score. */
  mitigations?: Mitigation[];
  /** Polling day minus the day assessed; null without an election. */
  daysToPollingDay?: number | null;
  /** Where the day assessed falls: e.g. "critical-window", "polling-day", "no-election". */
  timingPhase?: string;
  /** True from the writ to certification (election-period thresholds apply then, if set). */
  electionPeriod?: boolean;
  /** For a cluster: each member's own score. */
  memberScores?: Record<string, number>;
}
