// Who speaks, and whom to engage: the right people respond, non-partisan and within their mandate
// (the election authority on voting, the security agency or the panel on foreign attribution, a platform
// on its own takedowns, the election regulator on domestic partisan matters), not always "the government".
import type { Level } from '../../shared/domain/enums';
import type { PartyToEngage } from '../../shared/domain/assessment';
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

const party = (id: RoleId, reason: string): PartyToEngage => ({ id, name: ROLES[id], reason });

export function chooseSpokesperson(s: Situation, electionPeriod: boolean): PartyToEngage {
  if (s.domesticPartisan)
    return party(
      'election-regulator',
      'Domestic political debate is for the election regulator, not the government, to address.',
    );
  if (s.votingProcess)
    return party(
      'election-authority',
      'It concerns how, when or where to vote, which the election authority explains.',
    );
  if (s.foreign)
    return electionPeriod
      ? party(
          'panel',
          'Foreign interference during the election period is announced by the panel, by consensus.',
        )
      : party(
          'security-agency',
          'Foreign interference outside the election period is for the security agency to speak to.',
        );
  if (s.platformAbuse)
    return party(
      'platforms',
      'Inauthentic behaviour and impersonation are taken down by the platform under its own rules.',
    );
  if (s.administration || s.officialsTarget)
    return party(
      'election-authority',
      'It concerns the administration of the election or its results, which the election authority runs.',
    );
  if (s.cyber)
    return party(
      'security-agency',
      'Cyber intrusions are for the security agency to investigate and speak to.',
    );
  if (s.partisanPurpose && !s.foreign)
    return party(
      'election-regulator',
      'Partisan matters without a foreign link are for the election regulator.',
    );
  return party('election-authority', 'The election authority is the non-partisan voice on the election.');
}

export function partnersFor(s: Situation, level: Level, spokesperson: PartyToEngage): PartyToEngage[] {
  const out: PartyToEngage[] = [];
  const add = (id: RoleId, reason: string): void => {
    if (id !== spokesperson.id) out.push(party(id, reason));
  };
  if (s.votingProcess || s.administration || s.officialsTarget)
    add(
      'election-authority',
      'It runs the election and must know first, to prepare its facts and its staff.',
    );
  else if (level !== 'monitor')
    add('election-authority', 'It should be kept informed as the non-partisan voice on the election.');
  if (s.online || s.platformAbuse || s.domesticPartisan)
    add('platforms', 'They can label, limit or remove content under their own policies.');
  if (s.falseContent || s.domesticPartisan)
    add(
      'fact-checkers-media',
      s.contained
        ? 'Brief them on the facts quietly: a public correction could spread a contained item.'
        : 'They can check and correct the claim with their own audiences.',
    );
  if (s.candidateTarget) add('party-security-contacts', 'Known targets are told before the public.');
  if (s.intimidation) add('police', 'Threats and intimidation may be crimes.');
  if (s.foreign || s.cyber)
    add(
      'security-agency',
      'It investigates foreign interference and clears anything said about attribution.',
    );
  if (s.domesticPartisan || (s.domestic && s.partisanPurpose))
    add('election-regulator', 'It enforces the election law on campaigns, advertising and financing.');
  if (s.communityTarget)
    add('civil-society', 'Trusted voices reach the targeted community better than the government can.');
  return out;
}
