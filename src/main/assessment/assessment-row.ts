// What an assessment's row says about what was assessed: read the same way for the assessment history and
// for the audit check that re-hashes what a decision's author signed.
import type { Level } from '../../shared/domain/enums';
import type { DecidedAssessment } from '../signed/decision';

/** The columns that say what an assessment looked at and concluded. */
export interface AssessedRow {
  id: number;
  threat_ids: string;
  cluster: number;
  level: Level;
  score: number;
  policy_version: number;
  threat_versions: string;
  as_of: string;
}

export function assessedFields(row: AssessedRow): Omit<DecidedAssessment, 'result'> {
  return {
    id: row.id,
    threatIds: JSON.parse(row.threat_ids) as string[],
    cluster: row.cluster === 1,
    level: row.level,
    score: row.score,
    policyVersion: row.policy_version,
    threatVersions: JSON.parse(row.threat_versions) as Record<string, number>,
    asOf: row.as_of,
  };
}
