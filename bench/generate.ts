// A seeded, realistic workspace of N threats for the benchmark: every field filled with the
// distributions a long campaign would show (most items small and local, a few large).
import {
  ACTORS,
  CLASSIFICATIONS,
  PLACE_LEVELS,
  PURPOSES,
  STATUSES,
  TARGET_KINDS,
  THREAT_TYPES,
  TRENDS,
} from '../src/shared/domain/enums';
import type { Election, Threat, Workspace } from '../src/shared/domain/workspace';

/** mulberry32: small, fast, good enough for test data, and the same for the same seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = [
  'North Shore',
  'Capital Region',
  'Eastern Townships',
  'Saint-Aubin Lowlands',
  'Pinewood Highlands',
  'Cedar Valley',
  'Harbour District',
  'Prairie West',
  'Lakeside',
  'Northern Reaches',
  'Riverbend',
  'Granite Hills',
  'Southport',
  'Maple Flats',
  'Old Town',
  'Westgate',
  'Bayview',
  'Iron Range',
  'Silver Coast',
  'Midlands',
];
const CHANNELS = [
  'facebook',
  'x',
  'tiktok',
  'telegram',
  'wechat',
  'whatsapp',
  'sms',
  'robocall',
  'email',
  'website',
  'broadcast',
  'print',
  'in-person',
  'youtube',
  'reddit',
];
const LANGS = ['en', 'fr', 'zh', 'pa', 'ar', 'es'];
const SOURCES = [
  'Northern Lights Media Group',
  'Varnia Today',
  'Talmora Daily Wire',
  'Civic Truth Network',
  'Lakeshore Patriots Forum',
  'FreeVoice Collective',
  '@VoterWatchLK',
  'Harbour Insider',
  'The Open Ledger',
  'Prairie Echo',
];
const SUBJECTS = [
  'mail-in ballots',
  'advance polls',
  'voter identification',
  'polling stations',
  'the voters list',
  'ballot counting',
  'election officials',
  'voting machines',
  'the results website',
  'polling day',
  'candidate debates',
  'voter registration',
  'French-language services',
  'accessible voting',
  'the returning office',
];
const VERBS = [
  'will not be counted',
  'have been moved',
  'require a new card',
  'are closed early',
  'were hacked',
  'are run by a foreign firm',
  'close at noon',
  'need a second signature',
  'are being shredded',
  'were changed overnight',
];
const WORDS = (
  'posts messages accounts videos claims rumours shared widely across several groups ' +
  'community members voters reported officials confirmed the election authority platform ' +
  'partners monitoring amplified by coordinated networks unusual activity overnight ' +
  'regional outlets picked up the story'
).split(' ');

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: () => number, xs: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(r() * max);
  const out = new Set<T>();
  while (out.size < n) out.add(pick(r, xs));
  return [...out];
};
/** Skewed towards small values: most items are contained, few break out. */
const breakout = (r: () => number) => {
  const x = r();
  return x < 0.42 ? 1 : x < 0.72 ? 2 : x < 0.87 ? 3 : x < 0.95 ? 4 : x < 0.985 ? 5 : 6;
};
const sentence = (r: () => number, n: number) => {
  const words = Array.from({ length: n }, () => pick(r, WORDS));
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
};

export function generateElections(): Election[] {
  return [
    {
      id: 'bench-general',
      name: 'Lakeshore Provincial General Election 2027',
      jurisdiction: 'Province of Lakeshore',
      writIssued: '2027-04-14',
      advanceVotingStart: '2027-05-07',
      pollingDay: '2027-05-17',
      resultsCertified: '2027-05-28',
      parties: [
        'Lakeshore Progressive Alliance',
        'LPA',
        'Heritage Party',
        'HEP',
        'Lakeshore Green Coalition',
        'LGC',
      ],
      candidates: ['Marie Tremblay', 'John Okafor', 'Ana Duarte', 'Samir Haddad'],
      languages: ['en', 'fr'],
    },
    {
      id: 'bench-municipal',
      name: 'Harrowgate Municipal Election 2027',
      jurisdiction: 'City of Harrowgate',
      pollingDay: '2027-10-25',
      languages: ['en'],
    },
    {
      id: 'bench-byelection',
      name: 'North Shore By-election 2026',
      jurisdiction: 'Province of Lakeshore',
      pollingDay: '2026-11-30',
      languages: ['en', 'fr'],
    },
  ];
}

export function generateThreat(i: number, r: () => number): Threat {
  const election = r() < 0.8 ? 'bench-general' : r() < 0.5 ? 'bench-municipal' : 'bench-byelection';
  const start = Date.parse('2027-04-14T00:00:00Z');
  const first = start + Math.floor(r() * 33 * 86_400_000);
  const subject = pick(r, SUBJECTS);
  const claim = `${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(r, VERBS)}`;
  const actor = pick(r, ACTORS);
  const b = breakout(r);
  const t: Threat = {
    id: `B-${String(i).padStart(6, '0')}`,
    electionId: election,
    title: `${claim} (${pick(r, REGIONS)})`,
    summary: `${sentence(r, 14)} ${sentence(r, 18)} ${sentence(r, 12)}`,
    purpose: pick(r, PURPOSES),
    type: pick(r, THREAT_TYPES),
    target: {
      kind: pick(r, TARGET_KINDS),
      description: `${pick(r, ['Voters', 'Residents', 'Officials', 'Students', 'Seniors'])} in ${pick(r, REGIONS)}`,
    },
    time: {
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(first + Math.floor(r() * 5 * 86_400_000)).toISOString(),
    },
    place: {
      level: pick(r, PLACE_LEVELS),
      regions: some(r, REGIONS, 2),
      channels: some(r, CHANNELS, 3),
      languages: some(r, LANGS, 2),
    },
    source: {
      actor,
      confidence: pick(r, ['low', 'low', 'moderate', 'moderate', 'high'] as const),
      ...(actor !== 'unknown' || r() < 0.3 ? { name: pick(r, SOURCES) } : {}),
    },
    reach: { breakout: b, estimatedAudience: Math.floor(10 ** (2 + b * 0.7 + r())), trend: pick(r, TRENDS) },
    status: pick(r, STATUSES),
    facts: Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r, 10)),
  };
  if (r() < 0.6) t.falseClaim = `${claim}.`;
  if (r() < 0.3) t.partnerActions = [sentence(r, 9)];
  if (r() < 0.1) t.relatedIds = [`B-${String(Math.max(0, i - 1 - Math.floor(r() * 50))).padStart(6, '0')}`];
  if (r() < 0.3)
    t.translations = {
      fr: {
        title: `Allégation : ${subject}`,
        summary: 'Des messages circulent dans plusieurs groupes de la région.',
        facts: ['Les faits vérifiés sont publiés par l’autorité électorale.'],
      },
    };
  if (r() < 0.15)
    t.classifiedNotes = [
      {
        classification: pick(r, CLASSIFICATIONS),
        text: `Source ${Math.floor(r() * 1e6)} reports ${sentence(r, 12)}`,
      },
    ];
  if (r() < 0.05) t.context = { debunkedByPartner: r() < 0.5, investigationSensitive: r() < 0.5 };
  return t;
}

export function generateWorkspace(n: number, seed = 2027): Workspace {
  const r = rng(seed);
  return {
    format: 'threshold-workspace/1',
    elections: generateElections(),
    threats: Array.from({ length: n }, (_, i) => generateThreat(i, r)),
  };
}

/** Words that occur in the generated text, for search queries. */
export const SEARCH_TERMS = [
  ...SUBJECTS.flatMap((s) => s.split(' ')),
  ...REGIONS.map((r) => r.split(' ')[0]!),
  ...SOURCES.map((s) => s.split(' ')[0]!.replace('@', '')),
  'coordinated',
  'amplified',
  'rumours',
  'hacked',
  'shredded',
].filter((w) => w.length > 3);
