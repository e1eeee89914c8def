// What a decision's signature covers: the decision (level, why, who, when) and exactly what it rests on —
// the stored assessment with the policy version and the threat versions it used, and the hash of its whole
// result. The service signs this; `audit verify` rebuilds it from the rows and checks the signature, so a
// decision edited in the database no longer matches what its author signed.
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { Level } from '../../shared/domain/enums';
import { contentHash } from '../crypto/content-hash';

export interface DecidedAssessment {
  id: number;
  threatIds: string[];
  cluster: boolean;
  level: Level;
  score: number;
  policyVersion: number;
  threatVersions: Record<string, number>;
  asOf: string;
  result: AssessmentResult;
}

export interface DecisionFacts {
  recommendedLevel: Level;
  level: Level;
  rationale: string;
  accountId: string;
  decidedAt: string;
}

export function decisionContent(d: DecisionFacts, a: DecidedAssessment): unknown {
  return {
    kind: 'threshold/decision',
    assessment: {
      id: a.id,
      threatIds: a.threatIds,
      cluster: a.cluster,
      level: a.level,
      score: a.score,
      policyVersion: a.policyVersion,
      threatVersions: a.threatVersions,
      asOf: a.asOf,
      resultHash: contentHash(a.result),
    },
    recommendedLevel: d.recommendedLevel,
    level: d.level,
    rationale: d.rationale,
    accountId: d.accountId,
    decidedAt: d.decidedAt,
  };
}
