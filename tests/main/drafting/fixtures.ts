// A realistic record for the drafting tests: a provincial election in two official languages, a
// disinformation threat about mail-in ballots with a French translation and a classified note, and the
// assessment the engine would give it (written out, so these tests do not depend on the policy's weights).
import { message } from '../../../src/shared/domain/message';
import type { AssessmentResult } from '../../../src/shared/domain/assessment';
import type { Election, Threat } from '../../../src/shared/domain/workspace';
import { buildPlan } from '../../../src/main/drafting';
import type { OrganisationProfile } from '../../../src/shared/domain/organisation';
import { PROFILE } from '../../fixtures/organisation';

export const AS_OF = '2027-05-05T15:00:00Z';

export const election: Election = {
  id: 'lakeshore-2027',
  name: 'Lakeshore Provincial General Election 2027',
  jurisdiction: 'Province of Lakeshore, Canada',
  writIssued: '2027-04-14',
  advanceVotingStart: '2027-05-07',
  pollingDay: '2027-05-17',
  resultsCertified: '2027-05-28',
  parties: [
    'Lakeshore Progressive Alliance',
    'LPA',
    'Alliance progressiste du Lakeshore',
    'Green Party',
    'Heritage and Enterprise Party (HEP)',
  ],
  candidates: ['Marguerite Lindqvist-Okafor', 'Daniel Thibodeau-Reyes', 'Hélène Drouin-Vasquez'],
  languages: ['en-CA', 'fr-CA'],
  translations: {
    fr: { name: 'Élection générale provinciale du Lakeshore 2027', jurisdiction: 'Province du Lakeshore' },
  },
};

export const CLASSIFIED_SENTENCE =
  'Registrar records obtained under a production order show the handle changed owners in January 2027.';

export function threat(overrides: Partial<Threat> = {}): Threat {
  return {
    id: 'lk27-001',
    electionId: 'lakeshore-2027',
    title: 'False claim that mail-in ballots posted after Friday will not be counted',
    summary:
      'A widely followed account is telling voters that late mail-in ballots will be thrown out. The post was shared on three platforms.',
    purpose: 'mislead-voting-process',
    type: 'disinformation',
    target: { kind: 'general-public', description: 'Voters who asked for a mail-in ballot' },
    time: { firstSeen: '2027-05-03T14:20:00Z', lastSeen: '2027-05-05T10:00:00Z' },
    place: {
      level: 'national',
      channels: ['x', 'facebook'],
      regions: ['North Shore'],
      languages: ['en', 'fr'],
    },
    source: { actor: 'unknown', name: '@LakeshoreVoterWatch (about 180,000 followers)', confidence: 'low' },
    reach: { breakout: 3, estimatedAudience: 420000, trend: 'growing' },
    falseClaim: 'Mail-in ballots posted after Friday, May 14 will not be counted.',
    facts: [
      'Mail-in ballots are counted if they are postmarked by polling day and arrive by May 24.',
      'You can also drop off your ballot at any polling place until 8 p.m. on polling day.',
    ],
    classifiedNotes: [
      {
        classification: 'SECRET',
        text: `${CLASSIFIED_SENTENCE} Its posting cadence matches two dormant handles flagged during the 2023 by-elections.`,
      },
      {
        classification: 'PROTECTED',
        text: 'The platform has shared subscriber details with the investigators on request.',
      },
    ],
    translations: {
      fr: {
        title:
          'Fausse affirmation selon laquelle les bulletins postaux envoyés après vendredi ne seront pas comptés',
        summary:
          'Un compte très suivi affirme aux électeurs que les bulletins postaux en retard seront rejetés. La publication a été relayée sur trois plateformes.',
        falseClaim: 'Les bulletins de vote postaux envoyés après le vendredi 14 mai ne seront pas comptés.',
        sourceName: '@LakeshoreVoterWatch (environ 180 000 abonnés)',
        regions: ['Rive-Nord'],
        facts: [
          'Les bulletins postaux sont comptés s’ils sont oblitérés au plus tard le jour du scrutin et reçus au plus tard le 24 mai.',
          'Vous pouvez aussi déposer votre bulletin dans tout lieu de scrutin jusqu’à 20 h le jour du scrutin.',
        ],
      },
    },
    ...overrides,
  };
}

export function assessment(overrides: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    threatIds: ['lk27-001'],
    cluster: false,
    score: 68.1,
    level: 'speak-publicly',
    levelBeforeGates: 'speak-publicly',
    thresholds: { engagePrivately: 35, speakPublicly: 60 },
    margins: { engagePrivately: 33.1, speakPublicly: 8.1 },
    factors: [
      {
        id: 'harm',
        label: 'Harm to the electoral process',
        weight: 40,
        value: 0.9,
        points: 35.8,
        reason: message('engine:factor.harm', { purpose: 'mislead-voting-process', type: 'disinformation' }),
      },
      {
        id: 'reach',
        label: 'Reach and trend',
        weight: 25,
        value: 0.7,
        points: 17.5,
        reason: message('engine:factor.reachTrend', { breakout: 3, trend: 'growing' }),
      },
    ],
    gates: [
      {
        id: 'low-confidence-attribution',
        label: 'Low-confidence attribution',
        applied: true,
        reason: message('engine:gate.lowConfidence', { confidence: 'low', minimum: 'high' }),
      },
    ],
    counterfactuals: [
      {
        change: message('engine:change.debunkedByPartner'),
        field: 'context.debunkedByPartner',
        from: 'false',
        to: 'true',
        score: 58.1,
        level: 'engage-privately',
      },
    ],
    spokesperson: {
      id: 'election-authority',
      name: 'Election authority',
      reason: message('engine:spokesperson.votingProcess'),
    },
    partners: [
      { id: 'platforms', name: 'Platforms', reason: message('engine:partner.platforms') },
      {
        id: 'party-security-contacts',
        name: "Parties' security contacts",
        reason: message('engine:partner.targets'),
      },
    ],
    attributionMayBeStated: false,
    policyVersion: 1,
    threatVersions: { 'lk27-001': 1 },
    asOf: AS_OF,
    ...overrides,
  };
}

export { PROFILE as ORGANISATION } from '../../fixtures/organisation';

export function planFor(
  threats: Threat[] = [threat()],
  a: AssessmentResult = assessment(),
  asOf = AS_OF,
  organisation: OrganisationProfile = PROFILE,
) {
  return buildPlan(threats, election, a, { asOf, organisation });
}

export function checkContext(threats: Threat[] = [threat()], a: AssessmentResult = assessment()) {
  return { threats, election, assessment: a, organisation: PROFILE };
}
