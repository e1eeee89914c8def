// The threat log as the UI and CLI see it: list queries, rows, details, history.
import { z } from 'zod';
import * as enums from './enums';
import type { RecordMeta, RecordVersionInfo } from './records';
import { DateString, LIMITS, type Threat } from './workspace';

export const SORT_FIELDS = [
  'firstSeen',
  'lastSeen',
  'title',
  'purpose',
  'type',
  'targetKind',
  'actor',
  'confidence',
  'breakout',
  'audience',
  'status',
  'level',
  'score',
  'updatedAt',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).optional();

export const ThreatFilterSchema = z.strictObject({
  electionId: z.string().max(LIMITS.id).optional(),
  purpose: enumList(enums.PURPOSES),
  type: enumList(enums.THREAT_TYPES),
  targetKind: enumList(enums.TARGET_KINDS),
  placeLevel: enumList(enums.PLACE_LEVELS),
  actor: enumList(enums.ACTORS),
  confidence: enumList(enums.CONFIDENCES),
  trend: enumList(enums.TRENDS),
  status: enumList(enums.STATUSES),
  level: z
    .array(z.enum([...enums.LEVELS, 'unassessed']))
    .max(4)
    .optional(),
  breakout: z.array(z.number().int().min(1).max(6)).max(6).optional(),
  classified: z.boolean().optional(),
  region: z.string().max(LIMITS.name).optional(),
  channel: z.string().max(LIMITS.name).optional(),
  /** Inclusive date range on first seen (YYYY-MM-DD). */
  from: DateString.optional(),
  to: DateString.optional(),
  /** Full-text search (words; prefixes match). */
  search: z.string().max(500).optional(),
  /** Show deleted threats instead of live ones (to undo a delete). */
  deleted: z.boolean().optional(),
});
export type ThreatFilter = z.infer<typeof ThreatFilterSchema>;

export const ThreatListQuerySchema = z.strictObject({
  filter: ThreatFilterSchema.default({}),
  sort: z
    .strictObject({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'firstSeen', direction: 'desc' }),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ThreatListQuery = z.input<typeof ThreatListQuerySchema>;

/** One line of the log: only what the table shows, never the whole document. */
export interface ThreatRow {
  id: string;
  electionId: string;
  title: string;
  purpose: enums.Purpose;
  type: enums.ThreatType;
  targetKind: enums.TargetKind;
  placeLevel: enums.PlaceLevel;
  actor: enums.Actor;
  actorName: string | null;
  confidence: enums.Confidence;
  breakout: number;
  audience: number | null;
  trend: enums.Trend | null;
  status: enums.ThreatStatus | null;
  firstSeen: string;
  lastSeen: string | null;
  /** Highest classification among its classified notes, if any. */
  classification: enums.Classification | null;
  /** The title of its French version, if it has one (a French interface shows it). */
  titleFr: string | null;
  level: enums.Level | null;
  score: number | null;
  version: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** A threat's level under a policy and the score that gives it. */
export interface LevelScore {
  level: enums.Level;
  score: number;
}

export interface ThreatPage {
  total: number;
  offset: number;
  rows: ThreatRow[];
}

/** A threat's history bookkeeping, and its current level and score under the policy in force. */
export interface ThreatMeta extends RecordMeta {
  level: enums.Level | null;
  score: number | null;
}

export interface ThreatDetail {
  threat: Threat;
  meta: ThreatMeta;
}

export interface ThreatVersion extends RecordVersionInfo {
  threat: Threat;
}

export interface Facets {
  regions: string[];
  channels: string[];
  total: number;
  deleted: number;
}
