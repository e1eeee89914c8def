// Stored assessments, the humans' decisions on them, and what a policy change would do.
// An assessment is the engine's recommendation, kept whole with the policy version and the threat
// versions it used; a decision is separate: who decided (the signed-in account, never a typed name), in
// what role, what, why, when, signed by them.
import type { Message } from './message';
import { z } from 'zod';
import type { AssessmentResult } from './assessment';
import { LEVELS, type Level } from './enums';
import type { ThreatVersion } from './threat-log';

const RATIONALE_MAX = 20_000;

/** The message shown when a decision departs from the recommendation without saying why. */
export function rationaleRequiredMessage(recommended: Level, decided: Level): string {
  return `A rationale is required when the decision (${decided}) differs from the recommendation (${recommended}): say why.`;
}

const decisionFields = {
  /** The level recommended by the assessment the person saw (checked against the stored one). */
  recommendedLevel: z.enum(LEVELS),
  level: z.enum(LEVELS),
  rationale: z
    .string()
    .trim()
    .max(RATIONALE_MAX, `is longer than ${RATIONALE_MAX.toLocaleString('en')} characters`)
    .default(''),
  /** The decider's passphrase, typed again: a decision to speak publicly takes a fresh signature. */
  passphrase: z.string().min(1).max(1024).optional(),
};

function requireRationale(
  d: { recommendedLevel: Level; level: Level; rationale: string },
  ctx: z.RefinementCtx,
): void {
  if (d.level !== d.recommendedLevel && d.rationale.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['rationale'],
      params: { id: 'rationaleRequired', recommended: d.recommendedLevel },
      message: rationaleRequiredMessage(d.recommendedLevel, d.level),
    });
  }
}

/**
 * A decision as the people record it: the level decided may differ from the recommendation, but then a
 * rationale is required. The renderer validates its form with the same schema the service applies.
 */
export const DecisionSchema = z.strictObject(decisionFields).superRefine(requireRationale);
export type DecisionFields = z.input<typeof DecisionSchema>;

/** A decision on a stored assessment. */
export const DecisionInputSchema = z
  .strictObject({ assessmentId: z.number().int().min(1), ...decisionFields })
  .superRefine(requireRationale);
export type DecisionInput = z.input<typeof DecisionInputSchema>;

export interface Decision {
  id: number;
  assessmentId: number;
  /** What the assessment recommended. */
  recommendedLevel: Level;
  /** What the people decided. */
  level: Level;
  /** Why; empty only when the decision follows the recommendation. */
  rationale: string;
  /** The account's name, and the role it decided in. */
  decidedBy: string;
  role: string;
  decidedAt: string;
  /** The account that decided and signed (null for decisions recorded before accounts). */
  accountId: string | null;
  /** SHA-256 of the canonical JSON of what was decided (see main/signed/decision.ts), and its signature. */
  contentHash: string | null;
  signature: string | null;
}

/** One stored assessment, without its full result (for lists). */
export interface AssessmentSummary {
  id: number;
  threatIds: string[];
  cluster: boolean;
  electionId: string | null;
  level: Level;
  score: number;
  policyVersion: number;
  threatVersions: Record<string, number>;
  asOf: string;
  createdBy: string | null;
  createdRole: string | null;
  createdAt: string;
  decisions: Decision[];
}

export interface StoredAssessment extends AssessmentSummary {
  result: AssessmentResult;
}

/** A stored assessment with "what was known then": each threat as it was at the version used. */
export interface AssessmentRecord extends StoredAssessment {
  threatsThen: {
    threatId: string;
    version: number;
    found: ThreatVersion | null;
    currentVersion: number | null;
  }[];
  /** The policy the assessment used, as saved (null if that version is unknown). */
  policyName: string | null;
}

export interface LevelCounts {
  monitor: number;
  'engage-privately': number;
  'speak-publicly': number;
}

export interface LevelChange {
  id: string;
  title: string;
  electionId: string;
  from: Level | null;
  to: Level;
  fromScore: number | null;
  toScore: number;
}

/** What an edited (unsaved) policy would do to the live log, as of now. */
export interface PolicyPreview {
  asOf: string;
  total: number;
  /** Under the policy in force. */
  current: LevelCounts;
  /** Under the edited policy. */
  proposed: LevelCounts;
  /** How many threats change level. */
  changed: number;
  /** The first changes (at most `limit`), the biggest moves first. */
  changes: LevelChange[];
}

export interface PolicyVersionInfo {
  version: number;
  savedAt: string | null;
  savedBy: string | null;
  note: string | null;
  current: boolean;
}

/** A suggested cluster with its members' titles, for a person to confirm. */
export interface ClusterSuggestionView {
  threatIds: string[];
  titles: Record<string, string>;
  /** The French titles of those that have one (shown in a French interface). */
  titlesFr?: Record<string, string>;
  /** Why they may belong together (engine:cluster.*, said by shared/i18n/explain). */
  reasons: Message[];
  score?: number;
}

export function emptyCounts(): LevelCounts {
  return { monitor: 0, 'engage-privately': 0, 'speak-publicly': 0 };
}
