// Gates: principles a weight cannot encode. They cap the level or withhold attribution, and each one
// reports whether it did, and why, so that the explanation shows every rule that shaped the answer.
import { levelRank, type Level } from '../../shared/domain/enums';
import type { GateResult } from '../../shared/domain/assessment';
import { message } from '../../shared/domain/message';
import { NO_REASON } from './factors';
import type { CompiledPolicy } from './compile';
import type { Situation } from './situation';

export interface GateOutcome {
  level: Level;
  gates: GateResult[];
  attributionMayBeStated: boolean;
}

const DISABLED = message('engine:gate.disabled');
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
        ? NO_REASON
        : !g.domestic
          ? DISABLED
          : !domestic
            ? message('engine:gate.domesticNotMet')
            : message(
                `engine:gate.domestic${wouldSpeak ? 'Capped' : 'Below'}${attributable ? 'Unnamed' : ''}`,
              ),
    },
    {
      id: 'contained-item',
      label: 'Contained item (do not amplify)',
      applied: contained && wouldSpeak,
      conditionMet: contained,
      reason: !withReason
        ? NO_REASON
        : !g.contained
          ? DISABLED
          : contained
            ? message(`engine:gate.contained${wouldSpeak ? 'Capped' : 'Below'}`, { breakout: s.maxBreakout })
            : s.maxBreakout > g.containedMaxBreakout
              ? message('engine:gate.notContained', { breakout: s.maxBreakout })
              : message('engine:gate.containedVoting'),
    },
    {
      id: 'low-confidence-attribution',
      label: 'Low-confidence attribution',
      // Withholding changes something only when there is an actor to name.
      applied: lowConfidence && !s.actorUnknown,
      conditionMet: lowConfidence,
      reason: !withReason
        ? NO_REASON
        : !g.lowConfidence
          ? DISABLED
          : s.actorUnknown
            ? message('engine:gate.noActor')
            : lowConfidence
              ? message('engine:gate.lowConfidence', {
                  confidence: s.lowestConfidence,
                  minimum: g.minimumConfidence,
                })
              : message('engine:gate.enoughConfidence', { confidence: s.lowestConfidence }),
    },
  ];
  return { level, gates, attributionMayBeStated };
}

function levelRankOfConfidence(s: Situation): number {
  return s.lowestConfidence === 'low' ? 0 : s.lowestConfidence === 'moderate' ? 1 : 2;
}
