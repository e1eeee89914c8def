// The intervention policy ("Should we speak?"): a versioned, configurable document that turns a threat
// into a score (0–100) and a level. Every setting carries a one-sentence `description` in the JSON so that
// the people who tune it, and the people who review it, read what each number is for.
// The engine that applies it lives in src/main/assessment (pure functions).
import { z } from 'zod';
import type { ProblemLocation } from '../errors';
import { problemOfIssue } from './problems';
import { ACTORS, CONFIDENCES, PURPOSES, THREAT_TYPES, TRENDS } from './enums';
import { at } from '../collections';

export const FACTOR_TYPES = ['harm', 'reach', 'foreign-involvement', 'timing', 'national-security'] as const;
export type FactorType = (typeof FACTOR_TYPES)[number];

/** Timing phases, from far from polling day to polling day itself, and after it. */
export const TIMING_PHASES = [
  'no-election',
  'outside-election-period',
  'election-period',
  'critical-window',
  'polling-day',
  'count',
  'after-certification',
] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

const description = z
  .string()
  .trim()
  .min(1, 'must say in one sentence what the setting is for')
  .max(1_000, 'is longer than 1,000 characters');
const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const score = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');
const days = z
  .number()
  .int('must be a whole number of days')
  .min(0, 'must not be negative')
  .max(366, 'must be at most 366 days');

/** Days after a response with no outcome observation before the dashboard asks for one: at least a day
 *  (a response is followed up after it, not on it), at most a year. */
export const FOLLOW_UP_DAYS = { min: 1, max: 365 } as const;
/** The follow-up of a policy without an `outcomes` section. (Not imported from ./outcomes: that module
 *  brings the workspace's zod messages, which policy messages do not use.) */
export const DEFAULT_FOLLOW_UP_DAYS = 7;
export const FollowUpDaysSchema = z
  .number()
  .int('must be a whole number of days')
  .min(FOLLOW_UP_DAYS.min, `must be ${FOLLOW_UP_DAYS.min} or more`)
  .max(FOLLOW_UP_DAYS.max, `must be at most ${FOLLOW_UP_DAYS.max} days`);

/** A single value with its reason for being. */
const setting = <T extends z.ZodType>(value: T) => z.strictObject({ value, description });
/** A lookup table with its reason for being. */
const table = <T extends z.ZodType>(values: T) => z.strictObject({ description, values });

/** Checks that a list of numbers never decreases (the engine's "more X never lowers the score" rests on it). */
function nonDecreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v >= at(values, i - 1));
}

/** A rule of the policy broken: where, the message's id and values (for translation), and its English text. */
function policyIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  params: { id: string } & Record<string, unknown>,
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path, params, message });
}

const factorBase = {
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes, e.g. "harm"'),
  label: z.string().trim().min(1, 'must not be empty').max(120, 'is longer than 120 characters'),
  weight: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  description,
};

const HarmFactorSchema = z.strictObject({
  ...factorBase,
  type: z.literal('harm'),
  byPurpose: table(z.record(z.enum(PURPOSES), unit)),
  byType: table(z.record(z.enum(THREAT_TYPES), unit)),
  purposeShare: setting(unit),
});

const BREAKOUT_KEYS = ['1', '2', '3', '4', '5', '6'] as const;
const ReachFactorSchema = z
  .strictObject({
    ...factorBase,
    type: z.literal('reach'),
    byBreakout: table(z.record(z.enum(BREAKOUT_KEYS), unit)),
    byTrend: table(z.record(z.enum(TRENDS), z.number().min(-1).max(1))),
    byAudience: table(
      z
        .array(z.strictObject({ atLeast: z.number().int().min(0), add: unit }))
        .max(20, 'has more than 20 bands'),
    ),
  })
  .superRefine((f, ctx) => {
    if (!nonDecreasing(BREAKOUT_KEYS.map((k) => f.byBreakout.values[k])))
      policyIssue(
        ctx,
        ['byBreakout', 'values'],
        { id: 'policy.breakoutRising' },
        'must not decrease from category 1 to 6 (more reach never lowers the score)',
      );
    const t = f.byTrend.values;
    if (!(t.declining <= t.stable && t.stable <= t.growing))
      policyIssue(
        ctx,
        ['byTrend', 'values'],
        { id: 'policy.trendOrder' },
        'must be ordered declining ≤ stable ≤ growing',
      );
    const bands = f.byAudience.values;
    if (!nonDecreasing(bands.map((b) => b.atLeast)) || !nonDecreasing(bands.map((b) => b.add)))
      policyIssue(
        ctx,
        ['byAudience', 'values'],
        { id: 'policy.audienceBands' },
        'bands must be listed from the smallest audience up, each adding at least as much as the one before',
      );
  });

const ForeignFactorSchema = z
  .strictObject({
    ...factorBase,
    type: z.literal('foreign-involvement'),
    byActorAndConfidence: table(z.record(z.enum(ACTORS), z.record(z.enum(CONFIDENCES), unit))),
  })
  .superRefine((f, ctx) => {
    for (const actor of ACTORS) {
      if (!nonDecreasing(CONFIDENCES.map((c) => f.byActorAndConfidence.values[actor][c])))
        policyIssue(
          ctx,
          ['byActorAndConfidence', 'values', actor],
          { id: 'policy.confidenceRising' },
          'must not decrease from low to moderate to high confidence (more confidence never lowers the score)',
        );
    }
  });

const TimingFactorSchema = z
  .strictObject({
    ...factorBase,
    type: z.literal('timing'),
    byPhase: table(z.record(z.enum(TIMING_PHASES), unit)),
  })
  .superRefine((f, ctx) => {
    const v = f.byPhase.values;
    const before = [
      v['outside-election-period'],
      v['election-period'],
      v['critical-window'],
      v['polling-day'],
    ];
    const after = [v['after-certification'], v.count, v['polling-day']];
    if (!nonDecreasing(before) || !nonDecreasing(after))
      policyIssue(
        ctx,
        ['byPhase', 'values'],
        { id: 'policy.timingRising' },
        'must rise towards polling day: outside-election-period ≤ election-period ≤ critical-window ≤ polling-day, and after-certification ≤ count ≤ polling-day',
      );
  });

const NationalSecurityFactorSchema = z.strictObject({
  ...factorBase,
  type: z.literal('national-security'),
});

const FactorSchema = z.discriminatedUnion(
  'type',
  [
    HarmFactorSchema,
    ReachFactorSchema,
    ForeignFactorSchema,
    TimingFactorSchema,
    NationalSecurityFactorSchema,
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union' ? `type must be one of ${FACTOR_TYPES.join(', ')}` : undefined,
  },
);

const ThresholdsSchema = z
  .strictObject({ description, engagePrivately: score, speakPublicly: score })
  .refine((t) => t.engagePrivately < t.speakPublicly, {
    params: { id: 'policy.thresholdOrder' },
    error: (iss) => {
      const t = iss.input as { engagePrivately: number; speakPublicly: number };
      return `engagePrivately (${t.engagePrivately}) must be below speakPublicly (${t.speakPublicly})`;
    },
  });

const gate = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ enabled: z.boolean(), description, ...shape });

export const PolicySchema = z
  .strictObject({
    version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
    name: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
    description,
    factors: z
      .array(FactorSchema)
      .min(1, 'must list at least one factor')
      .max(20, 'has more than 20 factors'),
    thresholds: ThresholdsSchema,
    /** Stricter (higher) thresholds from the writ to certification; null or absent = off. */
    electionPeriodThresholds: ThresholdsSchema.nullable().optional(),
    criticalWindow: z.strictObject({
      description,
      daysBeforeAdvanceVoting: setting(days),
      daysBeforePollingDayIfNoAdvanceVoting: setting(days),
      daysAfterPollingDayIfNoCertification: setting(days),
    }),
    gates: z.strictObject({
      description,
      domesticPoliticalDebate: gate({}),
      containedItem: gate({
        maxBreakout: setting(z.number().int().min(1).max(6)),
        exceptPurposes: setting(z.array(z.enum(PURPOSES)).max(PURPOSES.length)),
      }),
      lowConfidenceAttribution: gate({ minimumConfidence: setting(z.enum(CONFIDENCES)) }),
    }),
    accumulation: z.strictObject({
      description,
      pointsPerAdditionalMember: setting(z.number().min(0).max(100)),
      maxPatternPoints: setting(z.number().min(0).max(100)),
      sustainedAfterDays: setting(days),
      burstShare: setting(unit),
      unsharedShare: setting(unit),
    }),
    /** After a response: days with no outcome observation before the dashboard lists it (default 7). */
    outcomes: z.strictObject({ description, followUpDays: setting(FollowUpDaysSchema) }).optional(),
    mitigations: z.strictObject({
      description,
      debunkedByPartner: z.strictObject({ description, points: z.number().min(0).max(100) }),
      investigationSensitive: z.strictObject({
        description,
        points: z.number().min(0).max(100),
        withholdAttribution: z.boolean(),
      }),
    }),
  })
  .superRefine((p, ctx) => {
    const total = p.factors.reduce((s, f) => s + f.weight, 0);
    if (Math.abs(total - 100) > 1e-6)
      policyIssue(
        ctx,
        ['factors'],
        { id: 'policy.weightsSum', sum: Math.round(total * 1000) / 1000 },
        `weights must add up to 100 so that the score runs from 0 to 100; they add up to ${Math.round(total * 1000) / 1000}`,
      );
    const seen = new Set<string>();
    p.factors.forEach((f, i) => {
      if (seen.has(f.id))
        policyIssue(
          ctx,
          ['factors', i, 'id'],
          { id: 'policy.duplicateFactor', factor: f.id },
          `"${f.id}" is used by more than one factor`,
        );
      seen.add(f.id);
    });
    const ep = p.electionPeriodThresholds;
    if (
      ep &&
      (ep.engagePrivately < p.thresholds.engagePrivately || ep.speakPublicly < p.thresholds.speakPublicly)
    )
      policyIssue(
        ctx,
        ['electionPeriodThresholds'],
        { id: 'policy.electionStricter' },
        'must be at least as strict (as high) as thresholds during the election period',
      );
  });

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyFactor = Policy['factors'][number];
export type PolicyThresholds = Pick<Policy['thresholds'], 'engagePrivately' | 'speakPublicly'>;

export type ParsePolicyResult =
  { ok: true; policy: Policy } | { ok: false; errors: string[]; problems: ProblemLocation[] };

/** Validates a policy document; errors read "path: message", e.g. "thresholds: engagePrivately (70) must be below …". */
export function parsePolicy(json: unknown): ParsePolicyResult {
  const r = PolicySchema.safeParse(json);
  if (r.success) return { ok: true, policy: r.data };
  const where = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : 'policy');
  return {
    ok: false,
    errors: r.error.issues.map((i) => `${where(i.path)}: ${i.message}`),
    problems: r.error.issues.map((i) => ({ ...problemOfIssue(i), where: where(i.path) })),
  };
}

/** The policy's `outcomes` section as the editors first write it (a policy without one follows up after
 *  DEFAULT_FOLLOW_UP_DAYS). Its descriptions are the shipped words, translated on screen. */
export function outcomesSection(
  followUpDays: number = DEFAULT_FOLLOW_UP_DAYS,
): NonNullable<Policy['outcomes']> {
  return {
    description:
      'After a response (a decision, a statement approved for release, partners notified): how long to wait for an outcome observation before the dashboard asks for one.',
    followUpDays: {
      value: followUpDays,
      description:
        'A response with no outcome observation after this many days is listed on the dashboard, to be followed up.',
    },
  };
}
