// Gates: principles a weight cannot encode. They cap the level or withhold attribution, and each one
// reports whether it did, and why, so that the explanation shows every rule that shaped the answer.
import { levelRank, type Level } from '../../shared/domain/enums';
import type { GateResult } from '../../shared/domain/assessment';
import type { CompiledPolicy } from './compile';
import type { Situation } from './situation';

export interface GateOutcome {
  level: Level;
  gates: GateResult[];
  attributionMayBeStated: boolean;
}

const DISABLED = 'Disabled in this policy.';
const CAP: Level = 'engage-privately';

export function applyGates(
  levelBefore: Level,
  s: Situation,
  cp: CompiledPolicy,
  withReason: boolean,
): GateOutcome {
  const g = cp.gates;
  const wouldSpeak = levelBefore === 'speak-publicly';

  const lowConfidence = g.lowConfidence && levelRankOfConfidence(s) < g.minimumConfidenceRank;
  const withheldByInvestigation = s.investigationSensitive && cp.mitigations.investigationWithholds;
  const domestic = g.domestic && s.domesticPartisan;
  const contained = g.contained && s.contained;
  // Attribution that would be stated but for the domestic gate.
  const attributable = !s.actorUnknown && !lowConfidence && !withheldByInvestigation;
  const attributionMayBeStated = attributable && !domestic;

  let level = levelBefore;
  if ((domestic || contained) && levelRank(level) > levelRank(CAP)) level = CAP;

  const gates: GateResult[] = [
    {
      id: 'domestic-political-debate',
      label: 'Domestic political debate',
      applied: domestic && (wouldSpeak || attributable),
      conditionMet: domestic,
      reason: !withReason
        ? ''
        : !g.domestic
          ? DISABLED
          : !domestic
            ? 'Not domestic political debate: the actor is not domestic or the target is not a candidate or party.'
            : `A domestic actor targets a candidate or party: the government does not arbitrate political debate, so ${
                wouldSpeak
                  ? 'the level is capped at engage-privately'
                  : 'the level stays below speak-publicly'
              }${attributable ? ' and we do not name the actor' : ''}; the election regulator, fact-checkers or the platform respond.`,
    },
    {
      id: 'contained-item',
      label: 'Contained item (do not amplify)',
      applied: contained && wouldSpeak,
      conditionMet: contained,
      reason: !withReason
        ? ''
        : !g.contained
          ? DISABLED
          : contained
            ? `Contained (Breakout category ${s.maxBreakout}) and not misleading about voting: speaking publicly could spread it, so ${
                wouldSpeak
                  ? 'the level is capped at engage-privately'
                  : 'the level stays below speak-publicly'
              }.`
            : s.maxBreakout > g.containedMaxBreakout
              ? `Not contained: Breakout category ${s.maxBreakout}.`
              : 'Contained, but it misleads about voting, which may be corrected publicly.',
    },
    {
      id: 'low-confidence-attribution',
      label: 'Low-confidence attribution',
      // Withholding changes something only when there is an actor to name.
      applied: lowConfidence && !s.actorUnknown,
      conditionMet: lowConfidence,
      reason: !withReason
        ? ''
        : !g.lowConfidence
          ? DISABLED
          : s.actorUnknown
            ? 'The actor is unknown, so there is no attribution to state.'
            : lowConfidence
              ? `Attribution confidence is ${s.lowestConfidence}, below ${g.minimumConfidence}: the attribution is not stated publicly, though the facts may be.`
              : `Attribution confidence is ${s.lowestConfidence}, enough to state the attribution publicly.`,
    },
  ];
  return { level, gates, attributionMayBeStated };
}

function levelRankOfConfidence(s: Situation): number {
  return s.lowestConfidence === 'low' ? 0 : s.lowestConfidence === 'moderate' ? 1 : 2;
}
