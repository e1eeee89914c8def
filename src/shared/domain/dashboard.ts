// The dashboard: the log in pictures, every number one click away from the threats behind it.
import { z } from 'zod';
import type { Level, Purpose, TargetKind, ThreatType } from './enums';
import type { ResponsesData } from './responses';
import { DateString, LIMITS } from './workspace';

export const BUCKETS = ['auto', 'day', 'week', 'month'] as const;
export type BucketChoice = (typeof BUCKETS)[number];
export type Bucket = Exclude<BucketChoice, 'auto'>;

export const DashboardQuerySchema = z
  .strictObject({
    electionId: z.string().max(LIMITS.id).optional(),
    /** Inclusive range on first seen (YYYY-MM-DD, UTC days, as the log filters). */
    from: DateString.optional(),
    to: DateString.optional(),
    bucket: z.enum(BUCKETS).default('auto'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    params: { id: 'dateOrder' },
    message: 'the start date must not be after the end date',
    path: ['to'],
  });
export type DashboardQuery = z.input<typeof DashboardQuerySchema>;

export interface Count<K extends string = string> {
  key: K;
  count: number;
}

export interface TimeBucket {
  /** First and last day (YYYY-MM-DD) of the bucket, inclusive. */
  start: string;
  end: string;
}

export interface DashboardData {
  electionId: string | null;
  from: string | null;
  to: string | null;
  bucket: Bucket;
  total: number;
  overTime: { buckets: TimeBucket[]; series: { key: ThreatType; counts: number[] }[] };
  byType: Count<ThreatType>[];
  byPurpose: Count<Purpose>[];
  byTargetKind: Count<TargetKind>[];
  /** The most frequent regions and channels (at most 25 each); `others` counts the rest. */
  byRegion: { top: Count[]; others: number };
  byChannel: { top: Count[]; others: number };
  /** Every level, in order, then the threats not assessed yet. */
  byLevel: Count<Level | 'unassessed'>[];
  /** Threats at engage-privately or speak-publicly with no decision recorded yet. `basis` says how
   *  it was counted: from the decision records, or (before they exist) from threats not yet responded to or closed. */
  decisionsAwaiting: { count: number; basis: 'decisions' | 'status' };
  /** Drafts not yet approved; null when drafting is not set up in this database. */
  draftsAwaiting: number | null;
  /** The critical window of the election's calendar, when one election is shown. */
  calendar: { advanceVotingStart: string | null; pollingDay: string; resultsCertified: string | null } | null;
  /** Responses and their effect: time to decide and to speak, whether reach fell, outcomes overdue. */
  responses: ResponsesData;
}
