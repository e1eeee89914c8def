// The enum values of the interchange contract (assets/schema/workspace.schema.json).
// They are a stable contract: add values only together with the schema, never rename.

export const PURPOSES = [
  'suppress-turnout',
  'mislead-voting-process',
  'undermine-results',
  'discredit-candidate',
  'promote-candidate',
  'polarize',
  'intimidate',
  'disrupt-administration',
  'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const THREAT_TYPES = [
  'disinformation',
  'misinformation',
  'malinformation',
  'hack-and-leak',
  'impersonation',
  'synthetic-media',
  'inauthentic-behaviour',
  'cyber-intrusion',
  'denial-of-service',
  'intimidation',
  'covert-funding',
  'other',
] as const;
export type ThreatType = (typeof THREAT_TYPES)[number];

export const TARGET_KINDS = [
  'general-public',
  'community',
  'candidate-or-party',
  'election-officials',
  'media',
  'infrastructure',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const PLACE_LEVELS = ['national', 'regional', 'local', 'online-only'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const ACTORS = ['foreign-state', 'foreign-proxy', 'domestic', 'unknown'] as const;
export type Actor = (typeof ACTORS)[number];

export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const TRENDS = ['growing', 'stable', 'declining'] as const;
export type Trend = (typeof TRENDS)[number];

export const STATUSES = ['new', 'monitoring', 'assessed', 'responded', 'closed'] as const;
export type ThreatStatus = (typeof STATUSES)[number];

export const CLASSIFICATIONS = ['PROTECTED', 'SECRET', 'TOP SECRET'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Breakout Scale (Nimmo, 2020): categories 1..6. */
export const BREAKOUT_CATEGORIES = [1, 2, 3, 4, 5, 6] as const;
export type Breakout = (typeof BREAKOUT_CATEGORIES)[number];

/** Intervention levels, in increasing order of intervention. */
export const LEVELS = ['monitor', 'engage-privately', 'speak-publicly'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}
