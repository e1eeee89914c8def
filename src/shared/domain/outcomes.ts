// After a response: what became of the threat. Each outcome observation says, on a date, how far the
// claim reached then (Breakout category, audience, trend), whether it was still spreading, what the
// platforms did, whether the media picked up the correction, what partners said, and a free note.
// Observations are versioned, soft-deleted records, audited like threats and partners.
import { z } from 'zod';
import { TRENDS, type Level, type Trend } from './enums';
import type { RecordMeta, RecordVersionInfo } from './records';
import { DateString, EstimatedAudienceSchema, LIMITS } from './workspace';

/** What the platforms did about the content (RESIST 2's "track outcomes"). */
export const PLATFORM_ACTIONS = ['labelled', 'reduced', 'removed', 'none'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** Whether the media picked up the correction. */
export const MEDIA_PICKUP = ['none', 'some', 'wide'] as const;
export type MediaPickup = (typeof MEDIA_PICKUP)[number];

const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max.toLocaleString('en')} characters`);

/** What a person records: the fields of an observation (the id and threat are the record's own). */
export const OutcomeFieldsSchema = z.strictObject({
  /** The day the reach was observed (YYYY-MM-DD). */
  date: DateString,
  reach: z.strictObject({
    breakout: z.number().int('must be a whole number').min(1, 'must be 1 to 6').max(6, 'must be 1 to 6'),
    estimatedAudience: EstimatedAudienceSchema,
    trend: z.enum(TRENDS),
  }),
  /** Whether the false claim is still spreading. */
  stillSpreading: z.boolean().optional(),
  platformActions: z
    .array(z.enum(PLATFORM_ACTIONS))
    .max(PLATFORM_ACTIONS.length)
    .refine((a) => new Set(a).size === a.length, 'lists an action twice')
    .refine((a) => !(a.includes('none') && a.length > 1), '"none" cannot go with another action')
    .optional(),
  mediaPickup: z.enum(MEDIA_PICKUP).optional(),
  /** What the media said about the correction, in a line. */
  mediaNote: note(LIMITS.shortText).optional(),
  partnerFeedback: note(LIMITS.shortText).optional(),
  note: note(LIMITS.shortText).optional(),
});
export type OutcomeFields = z.output<typeof OutcomeFieldsSchema>;

/** An observation as it is stored and exchanged. */
export const OutcomeSchema = OutcomeFieldsSchema.extend({
  id: z.string().min(1).max(LIMITS.id),
  threatId: z.string().min(1).max(LIMITS.id),
});
export type Outcome = z.output<typeof OutcomeSchema>;

export interface OutcomeDetail {
  outcome: Outcome;
  meta: RecordMeta;
}

export type OutcomeVersion = RecordVersionInfo & { outcome: Outcome };

/** Days after a response with no observation before the dashboard asks for one (the policy may say). */
export { DEFAULT_FOLLOW_UP_DAYS } from './policy';

/** One step of a threat's story, for its timeline. */
export type TimelineEvent =
  | { kind: 'first-seen'; at: string }
  | { kind: 'assessed'; at: string; level: Level; assessmentId: number; policyVersion: number }
  | { kind: 'decided'; at: string; level: Level; recommendedLevel: Level; by: string; role: string }
  | { kind: 'released'; at: string; draftId: string; title: string }
  /** A partner notification approved: partners notified (a response, not a release to the public). */
  | { kind: 'partner-notified'; at: string; draftId: string; title: string }
  | { kind: 'partner-contacted'; at: string; partner: string; by: string }
  | {
      kind: 'outcome';
      at: string;
      outcomeId: string;
      breakout: number;
      estimatedAudience?: number | undefined;
      trend: Trend;
      stillSpreading?: boolean | undefined;
      platformActions: PlatformAction[];
      note?: string | undefined;
    };

export interface ThreatTimeline {
  threatId: string;
  events: TimelineEvent[];
  /** Reach over time: as recorded on the threat when first seen, then each observation. */
  reach: { date: string; breakout: number; estimatedAudience?: number | undefined; observed: boolean }[];
  /** The first release of a statement about the threat (YYYY-MM-DD), marked on the chart. */
  releasedOn: string | null;
}
