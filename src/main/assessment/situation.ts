// What the gates and the choice of spokesperson need to know about a threat or a cluster, read once.
// For a cluster, "as a whole": a pattern is domestic partisan debate only if every member is; it is
// contained only if every member is; it misleads about voting if any member does.
import { CONFIDENCES, type Confidence } from '../../shared/domain/enums';
import type { Threat } from '../../shared/domain/workspace';
import type { CompiledPolicy } from './compile';

export interface Situation {
  /** Every member: domestic actor and a candidate-or-party target. */
  domesticPartisan: boolean;
  /** Every member at or below the contained Breakout category, and none misleads about voting. */
  contained: boolean;
  maxBreakout: number;
  votingProcess: boolean;
  administration: boolean;
  intimidation: boolean;
  partisanPurpose: boolean;
  /** Inauthentic behaviour or impersonation: the platform takes it down. */
  platformAbuse: boolean;
  cyber: boolean;
  falseContent: boolean;
  online: boolean;
  foreign: boolean;
  domestic: boolean;
  /** Any member's actor is unknown: there is no one to attribute it to. */
  actorUnknown: boolean;
  lowestConfidence: Confidence;
  candidateTarget: boolean;
  communityTarget: boolean;
  officialsTarget: boolean;
  debunked: boolean;
  investigationSensitive: boolean;
}

export function situationOf(threats: readonly Threat[], cp: CompiledPolicy): Situation {
  const s: Situation = {
    domesticPartisan: threats.length > 0,
    contained: threats.length > 0,
    maxBreakout: 0,
    votingProcess: false,
    administration: false,
    intimidation: false,
    partisanPurpose: false,
    platformAbuse: false,
    cyber: false,
    falseContent: false,
    online: false,
    foreign: false,
    domestic: false,
    actorUnknown: false,
    lowestConfidence: 'high',
    candidateTarget: false,
    communityTarget: false,
    officialsTarget: false,
    debunked: false,
    investigationSensitive: false,
  };
  let lowest = CONFIDENCES.length - 1;
  for (const t of threats) {
    const actor = t.source.actor;
    const purpose = t.purpose;
    const type = t.type;
    const kind = t.target.kind;
    if (!(actor === 'domestic' && kind === 'candidate-or-party')) s.domesticPartisan = false;
    if (t.reach.breakout > cp.gates.containedMaxBreakout || cp.gates.containedExcept.has(purpose))
      s.contained = false;
    if (t.reach.breakout > s.maxBreakout) s.maxBreakout = t.reach.breakout;
    if (purpose === 'mislead-voting-process' || purpose === 'suppress-turnout') s.votingProcess = true;
    if (purpose === 'disrupt-administration' || purpose === 'undermine-results') s.administration = true;
    if (purpose === 'intimidate' || type === 'intimidation') s.intimidation = true;
    if (purpose === 'discredit-candidate' || purpose === 'promote-candidate' || type === 'covert-funding')
      s.partisanPurpose = true;
    if (type === 'inauthentic-behaviour' || type === 'impersonation') s.platformAbuse = true;
    if (type === 'hack-and-leak' || type === 'cyber-intrusion' || type === 'denial-of-service')
      s.cyber = true;
    if (t.falseClaim || type === 'disinformation' || type === 'misinformation' || type === 'synthetic-media')
      s.falseContent = true;
    if (t.place.level === 'online-only' || (t.place.channels?.length ?? 0) > 0) s.online = true;
    if (actor === 'foreign-state' || actor === 'foreign-proxy') s.foreign = true;
    else if (actor === 'domestic') s.domestic = true;
    else s.actorUnknown = true;
    const c = CONFIDENCES.indexOf(t.source.confidence);
    if (c < lowest) lowest = c;
    if (kind === 'candidate-or-party') s.candidateTarget = true;
    else if (kind === 'community') s.communityTarget = true;
    else if (kind === 'election-officials' || kind === 'infrastructure') s.officialsTarget = true;
    if (t.context?.debunkedByPartner) s.debunked = true;
    if (t.context?.investigationSensitive) s.investigationSensitive = true;
  }
  s.lowestConfidence = CONFIDENCES[lowest] ?? 'high';
  return s;
}
