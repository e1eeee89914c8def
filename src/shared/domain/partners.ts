// The partner directory: organisations to reach before and during a crisis ("don't exchange
// business cards during a hurricane"), who to call for each role (a primary and a backup, as in
// CISA's contact worksheet), and what to notify them about.
import { z } from 'zod';
import {
  PURPOSES,
  TARGET_KINDS,
  THREAT_TYPES,
  type Purpose,
  type TargetKind,
  type ThreatType,
} from './enums';
import { DateString, LIMITS } from './workspace';
import type { RecordMeta, RecordVersionInfo } from './records';

export const PARTNERS_FORMAT = 'threshold-partners/1';

export const PARTNER_KINDS = [
  'election-authority',
  'platform',
  'media',
  'party-security',
  'civil-society',
  'security-agency',
  'police',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Ways to reach a contact, in the order a partner prefers them. */
export const CONTACT_CHANNELS = ['phone', 'secure-line', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Days before polling day within which every relationship should have been refreshed. */
export const DEFAULT_STALE_DAYS = 60;

const text = (max: number) => z.string().max(max, `is longer than ${max.toLocaleString('en')} characters`);
const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max.toLocaleString('en')} characters`);
const nameList = () =>
  z.array(requiredText(LIMITS.name)).max(LIMITS.listItems, `has more than ${LIMITS.listItems} items`);

export const PhoneSchema = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 ().\-/]{2,30}([ ]?(x|ext\.?)[ ]?[0-9]{1,6})?$/i,
    'must be a phone number: digits, spaces, +, -, parentheses (e.g. +1 613 555 0100)',
  );

export const EmailSchema = z.email({ error: 'must be an email address like name@example.org' }).max(320);

export const ContactPersonSchema = z
  .looseObject({
    name: requiredText(LIMITS.name),
    affiliation: text(LIMITS.name).optional(),
    phone: PhoneSchema.optional(),
    /** A secure line: a number or an address on a secure system (free text). */
    secureLine: text(200).optional(),
    email: EmailSchema.optional(),
  })
  .refine((c) => Boolean(c.phone || c.secureLine || c.email), {
    params: { id: 'reachable' },
    message: 'needs at least one way to reach them: a phone, a secure line or an email',
    path: ['phone'],
  });
export type ContactPerson = z.infer<typeof ContactPersonSchema>;

export const PartnerRoleSchema = z.looseObject({
  /** What this person is the contact for, e.g. "Election-day escalation", "Takedown requests". */
  role: requiredText(200),
  primary: ContactPersonSchema,
  backup: ContactPersonSchema.optional(),
});
export type PartnerRole = z.infer<typeof PartnerRoleSchema>;

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).optional();

/** What to notify a partner about. Every criterion given must match (within a criterion, any
 *  value matches); a rule without criteria matches every threat. */
export const NotifyRuleSchema = z.looseObject({
  purposes: enumList(PURPOSES),
  types: enumList(THREAT_TYPES),
  targetKinds: enumList(TARGET_KINDS),
  regions: nameList().optional(),
  channels: nameList().optional(),
  /** Only threats at or above this Breakout category (1..6). */
  minBreakout: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be between 1 and 6')
    .max(6, 'must be between 1 and 6')
    .optional(),
  note: text(LIMITS.shortText).optional(),
});
export type NotifyRule = z.infer<typeof NotifyRuleSchema>;

export const ContactRecordSchema = z.looseObject({
  date: DateString,
  by: requiredText(200),
  channel: z.enum(CONTACT_CHANNELS).optional(),
  note: text(LIMITS.shortText).optional(),
});
export type ContactRecord = z.infer<typeof ContactRecordSchema>;

export const PartnerSchema = z.looseObject({
  id: requiredText(LIMITS.id),
  name: requiredText(LIMITS.name),
  kind: z.enum(PARTNER_KINDS),
  description: text(LIMITS.shortText).optional(),
  /** Regions the organisation covers; none means the whole jurisdiction. */
  regions: nameList().optional(),
  /** Channels or platforms it is responsible for (a platform handles "facebook"; a broadcaster "broadcast"). */
  handles: nameList().optional(),
  /** Ways to reach it, in order of preference. */
  channels: z.array(z.enum(CONTACT_CHANNELS)).max(CONTACT_CHANNELS.length).optional(),
  languages: z.array(requiredText(35)).max(50).optional(),
  roles: z.array(PartnerRoleSchema).max(50, 'has more than 50 roles'),
  notify: z.array(NotifyRuleSchema).max(100, 'has more than 100 rules').optional(),
  contactLog: z.array(ContactRecordSchema).max(10_000).optional(),
  notes: text(LIMITS.text).optional(),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const PartnersFileSchema = z.looseObject({
  format: z.literal(PARTNERS_FORMAT, { error: `must be "${PARTNERS_FORMAT}"` }),
  partners: z.array(PartnerSchema),
});

export type PartnerMeta = RecordMeta;

export interface PartnerDetail {
  partner: Partner;
  meta: PartnerMeta;
  /** The latest recorded contact's date, or null. */
  lastContacted: string | null;
}

export interface PartnerVersion extends RecordVersionInfo {
  partner: Partner;
}

// ── Who to notify ───────────────────────────────────────────────────────────────────────────

export type NotifyCriterion =
  | { field: 'purpose'; value: Purpose }
  | { field: 'type'; value: ThreatType }
  | { field: 'targetKind'; value: TargetKind }
  | { field: 'region'; value: string }
  | { field: 'channel'; value: string }
  | { field: 'breakout'; value: number };

export interface NotifyReason {
  threatId: string;
  /** 'rule': one of the partner's notify rules matched; 'handles': the threat is on a channel the partner handles. */
  source: 'rule' | 'handles';
  ruleIndex?: number;
  /** What matched; empty for a rule that matches every threat. */
  criteria: NotifyCriterion[];
  note?: string;
}

export interface PartnerToNotify {
  partnerId: string;
  name: string;
  kind: PartnerKind;
  /** Threats this partner should hear about. */
  threatIds: string[];
  reasons: NotifyReason[];
  /** How to reach them: each role's primary and backup. */
  roles: PartnerRole[];
  channels: ContactChannel[];
}

// ── Readiness ───────────────────────────────────────────────────────────────────────────────

export type ReadinessGap =
  | { kind: 'channel-without-partner'; channel: string; threats: number }
  | { kind: 'region-without-partner'; region: string; threats: number }
  | { kind: 'role-without-backup'; partnerId: string; partnerName: string; role: string }
  | { kind: 'partner-without-contacts'; partnerId: string; partnerName: string }
  | {
      kind: 'stale-relationship';
      partnerId: string;
      partnerName: string;
      lastContacted: string | null;
      daysSince: number | null;
    };

export type ReadinessGapKind = ReadinessGap['kind'];

export interface ReadinessReport {
  electionId: string | null;
  pollingDay: string | null;
  /** The day readiness was judged on. */
  asOf: string;
  /** Contacts before this day are stale: min(asOf, polling day) − staleDays. */
  staleBefore: string | null;
  staleDays: number;
  partners: number;
  gaps: ReadinessGap[];
}

export interface PartnerSettings {
  staleDays: number;
}
