// fast-check arbitraries for schema-valid threats and elections, shared by property tests.
// Every value they produce passes ThreatSchema / ElectionSchema (tests/main/assessment checks it).
import fc from 'fast-check';
import {
  ACTORS,
  CONFIDENCES,
  PLACE_LEVELS,
  PURPOSES,
  STATUSES,
  TARGET_KINDS,
  THREAT_TYPES,
  TRENDS,
} from '../../src/shared/domain/enums';
import type { Election, Threat } from '../../src/shared/domain/workspace';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const date = (ms: number): string => iso(ms).slice(0, 10);

const REGIONS = ['Ontario', 'Quebec', 'British Columbia', 'Surrey', 'Nunavut', 'Montréal-Nord'];
const CHANNELS = ['Facebook', 'X', 'TikTok', 'Telegram', 'WhatsApp', 'a community radio', 'a news site'];
const NAMES = ['Maple Truth Network', '@widely_followed', 'Northern Voice', 'Civic Watch Now', 'anon-4471'];
const WORDS = [
  'ballots',
  'mail',
  'vote',
  'polling',
  'station',
  'closed',
  'Friday',
  'count',
  'fraud',
  'candidate',
  'registry',
  'leak',
];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .map((ws) => ws.join(' '));
const freeText = fc.oneof(sentence, fc.string({ minLength: 1, maxLength: 60 }));

export interface ArbThreatOptions {
  electionId?: string;
  /** First sightings fall between these instants (ISO); default 2026-01-01 to 2027-12-31. */
  from?: string;
  to?: string;
}

export function arbThreat(opts: ArbThreatOptions = {}): fc.Arbitrary<Threat> {
  const from = Date.parse(opts.from ?? '2026-01-01T00:00:00Z');
  const to = Date.parse(opts.to ?? '2027-12-31T23:59:59Z');
  const time = fc
    .record({
      first: fc.integer({ min: from, max: to }),
      extra: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: undefined }),
    })
    .map(({ first, extra }) => ({
      firstSeen: iso(first),
      ...(extra !== undefined && { lastSeen: iso(first + extra) }),
    }));
  return fc.record(
    {
      id: fc.uuid(),
      electionId: fc.constant(opts.electionId ?? 'e1'),
      title: freeText,
      summary: freeText,
      purpose: fc.constantFrom(...PURPOSES),
      type: fc.constantFrom(...THREAT_TYPES),
      target: fc.record(
        {
          kind: fc.constantFrom(...TARGET_KINDS),
          description: fc.constantFrom(
            'Punjabi-speaking voters in Surrey',
            'a candidate',
            'poll workers',
            '',
          ),
        },
        { requiredKeys: ['kind'] },
      ),
      time,
      place: fc.record(
        {
          level: fc.constantFrom(...PLACE_LEVELS),
          regions: fc.subarray(REGIONS, { maxLength: 3 }),
          channels: fc.subarray(CHANNELS, { maxLength: 3 }),
          languages: fc.subarray(['en', 'fr', 'pa', 'zh'], { maxLength: 2 }),
        },
        { requiredKeys: ['level'] },
      ),
      source: fc.record(
        {
          actor: fc.constantFrom(...ACTORS),
          name: fc.constantFrom(...NAMES),
          confidence: fc.constantFrom(...CONFIDENCES),
        },
        { requiredKeys: ['actor', 'confidence'] },
      ),
      reach: fc.record(
        {
          breakout: fc.integer({ min: 1, max: 6 }),
          estimatedAudience: fc.oneof(
            fc.integer({ min: 0, max: 1_000 }),
            fc.integer({ min: 0, max: 50_000_000 }),
          ),
          trend: fc.constantFrom(...TRENDS),
        },
        { requiredKeys: ['breakout'] },
      ),
      falseClaim: sentence,
      facts: fc.array(sentence, { maxLength: 3 }),
      status: fc.constantFrom(...STATUSES),
      context: fc.record(
        {
          debunkedByPartner: fc.boolean(),
          investigationSensitive: fc.boolean(),
          nationalSecurityImplications: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      disarmTechniques: fc.array(
        fc.integer({ min: 1, max: 9999 }).map((n) => `T${String(n).padStart(4, '0')}`),
        { maxLength: 3 },
      ),
    },
    {
      requiredKeys: [
        'id',
        'electionId',
        'title',
        'summary',
        'purpose',
        'type',
        'target',
        'time',
        'place',
        'source',
        'reach',
      ],
    },
  ) as fc.Arbitrary<Threat>;
}

export interface ArbElectionOptions {
  id?: string;
  /** Polling days fall between these dates (YYYY-MM-DD); default 2026-03-01 to 2027-10-31. */
  from?: string;
  to?: string;
}

export function arbElection(opts: ArbElectionOptions = {}): fc.Arbitrary<Election> {
  const from = Date.parse(`${opts.from ?? '2026-03-01'}T00:00:00Z`) / DAY;
  const to = Date.parse(`${opts.to ?? '2027-10-31'}T00:00:00Z`) / DAY;
  return fc
    .record({
      polling: fc.integer({ min: from, max: to }),
      writ: fc.option(fc.integer({ min: 36, max: 50 }), { nil: undefined }),
      advance: fc.option(fc.integer({ min: 3, max: 10 }), { nil: undefined }),
      certified: fc.option(fc.integer({ min: 3, max: 20 }), { nil: undefined }),
      languages: fc.subarray(['en', 'fr'], { minLength: 1 }),
    })
    .map(({ polling, writ, advance, certified, languages }) => {
      const e: Election = {
        id: opts.id ?? 'e1',
        name: 'General election',
        jurisdiction: 'Testland',
        pollingDay: date(polling * DAY),
        languages,
      };
      if (writ !== undefined) e.writIssued = date((polling - writ) * DAY);
      if (advance !== undefined) e.advanceVotingStart = date((polling - advance) * DAY);
      if (certified !== undefined) e.resultsCertified = date((polling + certified) * DAY);
      return e;
    });
}

/** An "as of" instant within `days` of an election's polling day. */
export function arbAsOf(election: Election, days = 90): fc.Arbitrary<string> {
  const polling = Date.parse(`${election.pollingDay}T00:00:00Z`);
  return fc.integer({ min: polling - days * DAY, max: polling + days * DAY }).map(iso);
}
