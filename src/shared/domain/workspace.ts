// zod mirror of assets/schema/workspace.schema.json, the interchange contract.
// Objects are "loose": fields the contract does not name are kept, so that
// export(import(x)) keeps every field of x.
import { z } from 'zod';
import './messages';
import * as enums from './enums';

export const WORKSPACE_FORMAT = 'threshold-workspace/1';

/** Limits beyond the contract, so that a crafted file cannot exhaust memory. */
export const LIMITS = {
  id: 200,
  title: 500,
  name: 500,
  /** Long free text: summary, claim, facts, notes. 200,000 characters is a short book. */
  text: 200_000,
  shortText: 2_000,
  listItems: 1_000,
} as const;

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

export const DateString = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, { message: 'is not a real calendar date', params: { id: 'realDate' } });

export const DateTimeString = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with a time zone, e.g. 2026-10-14T09:30:00Z',
});

const text = (max: number = LIMITS.text) =>
  z.string().max(max, `is longer than ${max.toLocaleString('en')} characters`);
const requiredText = (max: number = LIMITS.text) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max.toLocaleString('en')} characters`);
const textList = (max: number = LIMITS.text) =>
  z.array(text(max)).max(LIMITS.listItems, `has more than ${LIMITS.listItems} items`);

/** An election's names in another language (the name, and the jurisdiction as used in a dateline). */
export const ElectionTranslationSchema = z.looseObject({
  name: text(LIMITS.name).optional(),
  jurisdiction: text(LIMITS.name).optional(),
});

export const ElectionSchema = z.looseObject({
  id: requiredText(LIMITS.id),
  name: requiredText(LIMITS.name),
  jurisdiction: requiredText(LIMITS.name),
  writIssued: DateString.optional(),
  advanceVotingStart: DateString.optional(),
  pollingDay: DateString,
  resultsCertified: DateString.optional(),
  parties: textList(LIMITS.shortText).optional(),
  candidates: textList(LIMITS.shortText).optional(),
  languages: z.array(requiredText(35)).max(50).optional(),
  translations: z.record(z.string().min(1).max(35), ElectionTranslationSchema).optional(),
});
export type Election = z.infer<typeof ElectionSchema>;

export const ClassifiedNoteSchema = z.looseObject({
  classification: z.enum(enums.CLASSIFICATIONS),
  text: requiredText(),
  /** The language the note is written in, when it is not the threat's ("fr", "en-CA"). */
  language: z.string().min(1).max(35).optional(),
});
export type ClassifiedNote = z.infer<typeof ClassifiedNoteSchema>;

export const TranslationSchema = z.looseObject({
  title: text(LIMITS.title).optional(),
  summary: text().optional(),
  falseClaim: text().optional(),
  facts: textList().optional(),
  /** The actor's name in this language ("la République de Varnia" for "Republic of Varnia"). */
  sourceName: text(LIMITS.name).optional(),
  /** The places in this language, in the order of `place.regions`. */
  regions: textList(LIMITS.name).optional(),
});
export type Translation = z.infer<typeof TranslationSchema>;

/** How many people a threat reached, when known (a threat's reach, and an outcome observed after it). */
export const EstimatedAudienceSchema = z
  .number()
  .int('must be a whole number')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .optional();

export const ThreatSchema = z.looseObject({
  id: requiredText(LIMITS.id),
  electionId: requiredText(LIMITS.id),
  title: requiredText(LIMITS.title),
  summary: requiredText(),
  classifiedNotes: z.array(ClassifiedNoteSchema).max(LIMITS.listItems).optional(),
  purpose: z.enum(enums.PURPOSES),
  type: z.enum(enums.THREAT_TYPES),
  target: z.looseObject({
    kind: z.enum(enums.TARGET_KINDS),
    description: text(LIMITS.shortText).optional(),
  }),
  time: z.looseObject({
    firstSeen: DateTimeString,
    lastSeen: DateTimeString.optional(),
  }),
  place: z.looseObject({
    level: z.enum(enums.PLACE_LEVELS),
    regions: textList(LIMITS.name).optional(),
    channels: textList(LIMITS.name).optional(),
    languages: z.array(requiredText(35)).max(50).optional(),
  }),
  source: z.looseObject({
    actor: z.enum(enums.ACTORS),
    name: text(LIMITS.name).optional(),
    confidence: z.enum(enums.CONFIDENCES),
  }),
  reach: z.looseObject({
    breakout: z.number().int('must be a whole number').min(1).max(6),
    estimatedAudience: EstimatedAudienceSchema,
    trend: z.enum(enums.TRENDS).optional(),
  }),
  falseClaim: text().optional(),
  facts: textList().optional(),
  partnerActions: textList().optional(),
  status: z.enum(enums.STATUSES).optional(),
  relatedIds: z.array(requiredText(LIMITS.id)).max(LIMITS.listItems).optional(),
  translations: z.record(z.string().min(1).max(35), TranslationSchema).optional(),
  // Optional additions to the contract (allowed: "add optional fields freely").
  /** CEIPP context factors that lower (or raise) the need to speak. */
  context: z
    .looseObject({
      /** A partner (platform, fact-checker, media) has already debunked it. */
      debunkedByPartner: z.boolean().optional(),
      /** Speaking publicly could harm an ongoing investigation. */
      investigationSensitive: z.boolean().optional(),
      /** Implications for national security or allies. */
      nationalSecurityImplications: z.boolean().optional(),
    })
    .optional(),
  /** DISARM technique ids, e.g. "T0086" (tagging is optional). */
  disarmTechniques: z
    .array(z.string().regex(/^T\d{4}(\.\d{3})?$/, 'must be a DISARM technique id like T0086'))
    .max(50)
    .optional(),
});
export type Threat = z.infer<typeof ThreatSchema>;

export const WorkspaceSchema = z.looseObject({
  format: z.literal(WORKSPACE_FORMAT, { error: `must be "${WORKSPACE_FORMAT}"` }),
  exportedAt: DateTimeString.optional(),
  /** The organisation profile (validated as OrganisationProfileSchema when the workspace is imported). */
  organisation: z.unknown().optional(),
  elections: z.array(ElectionSchema),
  threats: z.array(ThreatSchema),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;
