// What the threat log needs from the assessment, declared here so that the log does not depend on
// it: a scorer, so that every threat is written once, with its level under the policy in force.
// The assessment implements it (assessment/levels.ts); services.ts hands it to the writers.
import type { LevelScore } from '../../shared/domain/threat-log';
import type { Threat } from '../../shared/domain/workspace';

export interface ThreatScoring {
  /** A scorer for one batch of writes: the policy, calendars and instant are read once. */
  scorer(): (threat: Threat) => LevelScore;
}
