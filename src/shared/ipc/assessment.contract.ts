// "Should we speak?": assess threats and clusters against the intervention policy, keep the assessments and
// the humans' decisions, suggest clusters.
import { z } from 'zod';
import type { AssessmentResult } from '../domain/assessment';
import {
  DecisionInputSchema,
  DecisionSchema,
  type AssessmentRecord,
  type AssessmentSummary,
  type ClusterSuggestionView,
  type Decision,
  type StoredAssessment,
} from '../domain/decision';
import { DateTimeString, LIMITS } from '../domain/workspace';
import { returns } from './define';

const ThreatId = z.string().min(1).max(LIMITS.id);
/** The instant the assessment is "as of" (drives timing); default now. */
const AsOf = DateTimeString.optional();
const ThreatIds = z
  .array(ThreatId)
  .min(1, 'name at least one threat')
  .max(1_000, 'a cluster has at most 1,000 threats')
  .transform((ids) => [...new Set(ids)]);

export const assessmentContract = {
  /** One threat, with the full explanation (counterfactuals included); the election is the threat's own. */
  'assessment:assess': {
    request: z.strictObject({ threatId: ThreatId, asOf: AsOf }),
    response: returns<AssessmentResult>(),
  },
  /** A selection assessed as one cluster (all in one election). */
  'assessment:assessCluster': {
    request: z.strictObject({ threatIds: ThreatIds, asOf: AsOf }),
    response: returns<AssessmentResult>(),
  },
  /**
   * Assesses (again, on the stored threats) and keeps the result with the policy version and the threat
   * versions used; audited. With a decision, both are kept in one transaction.
   */
  'assessment:save': {
    request: z.strictObject({
      threatIds: ThreatIds,
      /** Default: a cluster when more than one threat is named. */
      cluster: z.boolean().optional(),
      asOf: AsOf,
      decision: DecisionSchema.optional(),
    }),
    response: returns<StoredAssessment>(),
  },
  /** Every stored assessment that looked at a threat, newest first, with its decisions. */
  'assessment:history': {
    request: z.strictObject({ threatId: ThreatId }),
    response: returns<AssessmentSummary[]>(),
  },
  /** The latest stored assessments, newest first. */
  'assessment:recent': {
    request: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    response: returns<AssessmentSummary[]>(),
  },
  /** One stored assessment with what was known then: the threat versions and the policy it used. */
  'assessment:get': {
    request: z.strictObject({ id: z.number().int().min(1) }),
    response: returns<AssessmentRecord>(),
  },
  /** Records the people's decision on a stored assessment; audited. */
  'assessment:decide': { request: DecisionInputSchema, response: returns<Decision>() },
  /** Candidate clusters among the live threats of an election, for a person to confirm. */
  'assessment:suggestClusters': {
    request: z.strictObject({
      electionId: z.string().min(1).max(LIMITS.id),
      windowDays: z.number().int().min(1).max(366).default(30),
      minSize: z.number().int().min(2).max(50).default(3),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    response: returns<ClusterSuggestionView[]>(),
  },
} as const;
