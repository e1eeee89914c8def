// "What do we say?": communication plans, drafts (per language, as sections) and the checks run on them.
// Produced by src/main/drafting (pure functions); read by the IPC contract, the CLI and the renderer.
import { z } from 'zod';
import { CLASSIFICATIONS, LEVELS, TARGET_KINDS, THREAT_TYPES } from './enums';
import { MessageSchema } from './message';
import { DateString, DateTimeString, LIMITS } from './workspace';

/** The languages Threshold drafts in: Canada's official languages, of equal quality. */
export const DRAFT_LANGS = ['en', 'fr'] as const;
export type DraftLang = (typeof DRAFT_LANGS)[number];

/** Text in every draft language (plans carry defaults in both, so that either can be edited). */
export const LocalizedTextSchema = z.object({
  en: z.string().max(LIMITS.text),
  fr: z.string().max(LIMITS.text),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const LocalizedListSchema = z.object({
  en: z.array(z.string().max(LIMITS.text)).max(LIMITS.listItems),
  fr: z.array(z.string().max(LIMITS.text)).max(LIMITS.listItems),
});
export type LocalizedList = z.infer<typeof LocalizedListSchema>;

export const COMMUNICATION_PURPOSES = ['inform', 'correct', 'reassure', 'warn', 'notify'] as const;
export type CommunicationPurpose = (typeof COMMUNICATION_PURPOSES)[number];

/** Where the election is in its calendar on the plan's "as of" date. */
export const ELECTION_PHASES = [
  'unknown',
  'pre-writ',
  'campaign',
  'advance-voting',
  'polling-day',
  'count',
  'post-election',
] as const;
export type ElectionPhase = (typeof ELECTION_PHASES)[number];

export const URGENCIES = ['immediate', 'before-date', 'standard'] as const;
export type Urgency = (typeof URGENCIES)[number];

const PartySchema = z.object({ id: z.string(), name: z.string(), reason: z.string() });

export const MediaContactSchema = z.object({
  name: z.string().max(LIMITS.name).optional(),
  role: LocalizedTextSchema.optional(),
  email: z.string().max(LIMITS.name).optional(),
  phone: z.string().max(LIMITS.name).optional(),
});
export type MediaContact = z.infer<typeof MediaContactSchema>;

export const CommunicationPlanSchema = z.object({
  threatIds: z.array(z.string()).min(1),
  asOf: DateTimeString,
  level: z.enum(LEVELS),
  purpose: z.enum(COMMUNICATION_PURPOSES),
  /** One plain sentence per language: why this purpose. */
  purposeReason: LocalizedTextSchema,
  threatTypes: z.array(z.enum(THREAT_TYPES)).min(1),
  audience: z.object({
    kinds: z.array(z.enum(TARGET_KINDS)),
    text: LocalizedTextSchema,
    /** The targets as the official described them (free text, in the language it was written in). */
    descriptions: z.array(z.string()),
  }),
  timing: z.object({
    phase: z.enum(ELECTION_PHASES),
    urgency: z.enum(URGENCIES),
    /** Release no later than this date, when the calendar gives one. */
    releaseBy: DateString.optional(),
    daysToPollingDay: z.number().int().optional(),
    text: LocalizedTextSchema,
  }),
  where: z.object({
    channels: z.array(z.string()),
    regions: z.array(z.string()),
    /** The election's official languages that Threshold drafts in. */
    languages: z.array(z.enum(DRAFT_LANGS)).min(1),
    /** Official languages named by the election that Threshold has no templates for (e.g. "iu"). */
    otherLanguages: z.array(z.string()),
  }),
  spokesperson: PartySchema.extend({ label: LocalizedTextSchema }),
  partners: z.array(PartySchema.extend({ label: LocalizedTextSchema })),
  attributionMayBeStated: z.boolean(),
  /** What is being done to protect the election: plain sentences, never empty, editable. */
  protectionMeasures: LocalizedListSchema.refine(
    (l) => l.en.length > 0 && l.fr.length > 0,
    'must not be empty',
  ),
  /** Where to find reliable information: plain sentences, editable. */
  reliableSources: LocalizedListSchema,
  mediaContact: MediaContactSchema,
  /** What the person making the plan should know about the record (e.g. a first-seen time in the future). */
  warnings: z.array(MessageSchema).max(LIMITS.listItems).optional(),
});
export type CommunicationPlan = z.infer<typeof CommunicationPlanSchema>;

export const TEMPLATE_IDS = [
  'public-statement',
  'social-post',
  'media-lines',
  'partner-notification',
  'briefing-note',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Templates whose text leaves the organisation: never classified, never attributing below high confidence. */
export function isExternalTemplate(t: TemplateId): boolean {
  return t !== 'briefing-note';
}
/** Templates addressed to the public: checked for amplification, plain language and completeness. */
export function isPublicTemplate(t: TemplateId): boolean {
  return t === 'public-statement' || t === 'social-post' || t === 'media-lines';
}

export const SECTION_KINDS = [
  'headline',
  'dateline',
  'fact',
  'context',
  'falsehood',
  'fact-repeat',
  'protection',
  'action',
  'reliable-sources',
  'media-contact',
  'key-message',
  'question',
  'answer',
  'recipients',
  'body',
  'assessment',
  'recommendation',
  'classified',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const DraftSectionSchema = z.object({
  id: z.string().min(1).max(LIMITS.id),
  heading: z.string().max(LIMITS.title).optional(),
  text: z.string().max(LIMITS.text),
  kind: z.enum(SECTION_KINDS),
  /** The language of quoted source text in this section, when it is not the draft's (a classified note). */
  sourceLang: z.enum(DRAFT_LANGS).optional(),
});
export type DraftSection = z.infer<typeof DraftSectionSchema>;

export const MARKINGS = ['UNCLASSIFIED', ...CLASSIFICATIONS] as const;
export type Marking = (typeof MARKINGS)[number];

export const DRAFT_STATUSES = ['draft', 'reviewed', 'approved'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const SignoffSchema = z.object({
  name: z.string().max(LIMITS.name),
  role: z.string().max(LIMITS.name),
  date: DateString,
});
export type Signoff = z.infer<typeof SignoffSchema>;

export const DraftSchema = z.object({
  id: z.string().min(1).max(LIMITS.id),
  template: z.enum(TEMPLATE_IDS),
  threatIds: z.array(z.string()).min(1),
  languages: z.array(z.enum(DRAFT_LANGS)).min(1),
  /** Document title per language. */
  title: z.partialRecord(z.enum(DRAFT_LANGS), z.string().max(LIMITS.title)),
  sections: z.partialRecord(z.enum(DRAFT_LANGS), z.array(DraftSectionSchema).max(LIMITS.listItems)),
  /** The highest marking of anything quoted; always UNCLASSIFIED for templates that leave the organisation. */
  classification: z.enum(MARKINGS),
  /** False for internal documents (the briefing note): never marked for release, even when approved. */
  releasable: z.boolean(),
  status: z.enum(DRAFT_STATUSES),
  approvals: z
    .object({
      drafted: SignoffSchema.optional(),
      reviewed: SignoffSchema.optional(),
      approved: SignoffSchema.optional(),
    })
    .optional(),
  createdAt: DateTimeString,
});
export type Draft = z.infer<typeof DraftSchema>;

export const CHECK_IDS = [
  'classified-content',
  'partisan-name',
  'partisan-language',
  'attribution',
  'amplification',
  'readability',
  'completeness',
  'length',
  'translation-missing',
  'placeholder',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CheckSchema = z.object({
  id: z.enum(CHECK_IDS),
  severity: z.enum(['error', 'warning']),
  /** What is wrong and what to do, as a message id with parameters (rendered in each person's language). */
  message: MessageSchema,
  /** The section the span is in; null when the check is about something missing from the draft. */
  sectionId: z.string().nullable(),
  lang: z.enum(DRAFT_LANGS),
  /** UTF-16 offsets into the section's text, end exclusive (0, 0 when sectionId is null). */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Check = z.infer<typeof CheckSchema>;
