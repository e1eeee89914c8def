// Who speaks, and whom to engage: the right people respond, non-partisan and within their mandate
// (the election authority on voting, the security agency or the panel on foreign attribution, a platform
// on its own takedowns, the election regulator on domestic partisan matters), not always "the government".
import type { Level } from '../../shared/domain/enums';
import type { PartyToEngage } from '../../shared/domain/assessment';
import { message } from '../../shared/domain/message';
import type { Situation } from './situation';

export const ROLES = {
  'election-authority': 'Election authority',
  'security-agency': 'Security agency',
  panel: 'The panel of senior officials',
  platforms: 'Platforms',
  'election-regulator': 'Election regulator or commissioner',
  'fact-checkers-media': 'Fact-checkers and media',
  'party-security-contacts': "Parties' security contacts",
  police: 'Police',
  'civil-society': 'Community and civil-society organisations',
} as const;
export type RoleId = keyof typeof ROLES;

/** The party, with why (an id of engine:spokesperson.* or engine:partner.*). */
const party = (id: RoleId, reason: string): PartyToEngage => ({
  id,
  name: ROLES[id],
  reason: message(reason),
});

export function chooseSpokesperson(s: Situation, electionPeriod: boolean): PartyToEngage {
  if (s.domesticPartisan) return party('election-regulator', 'engine:spokesperson.domesticPartisan');
  if (s.votingProcess) return party('election-authority', 'engine:spokesperson.votingProcess');
  if (s.foreign)
    return electionPeriod
      ? party('panel', 'engine:spokesperson.foreignElection')
      : party('security-agency', 'engine:spokesperson.foreignOutside');
  if (s.platformAbuse) return party('platforms', 'engine:spokesperson.platformAbuse');
  if (s.administration || s.officialsTarget)
    return party('election-authority', 'engine:spokesperson.administration');
  if (s.cyber) return party('security-agency', 'engine:spokesperson.cyber');
  if (s.partisanPurpose && !s.foreign) return party('election-regulator', 'engine:spokesperson.partisan');
  return party('election-authority', 'engine:spokesperson.default');
}

export function partnersFor(s: Situation, level: Level, spokesperson: PartyToEngage): PartyToEngage[] {
  const out: PartyToEngage[] = [];
  const add = (id: RoleId, reason: string): void => {
    if (id !== spokesperson.id) out.push(party(id, reason));
  };
  if (s.votingProcess || s.administration || s.officialsTarget)
    add('election-authority', 'engine:partner.authorityFirst');
  else if (level !== 'monitor') add('election-authority', 'engine:partner.authorityInformed');
  if (s.online || s.platformAbuse || s.domesticPartisan) add('platforms', 'engine:partner.platforms');
  if (s.falseContent || s.domesticPartisan)
    add(
      'fact-checkers-media',
      s.contained ? 'engine:partner.factCheckersQuiet' : 'engine:partner.factCheckers',
    );
  if (s.candidateTarget) add('party-security-contacts', 'engine:partner.targets');
  if (s.intimidation) add('police', 'engine:partner.police');
  if (s.foreign || s.cyber) add('security-agency', 'engine:partner.security');
  if (s.domesticPartisan || (s.domestic && s.partisanPurpose))
    add('election-regulator', 'engine:partner.regulator');
  if (s.communityTarget) add('civil-society', 'engine:partner.civilSociety');
  return out;
}
