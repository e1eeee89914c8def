// The organisation profile: who speaks in the texts Threshold drafts. The same shape in Settings, in
// `threshold profile show --json` / `profile set FILE`, and as the optional `organisation` block of a
// workspace file. Empty strings mean "not recorded yet" (the templates then show a placeholder).
import { z } from 'zod';
import { LIMITS } from './workspace';

const trimmed = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

/** A web address people can type: "elections.example.org", "https://elections.example.org/vote". */
const WEBSITE = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d{1,5})?([/?#]\S*)?$/u;
/** A phone number as printed: digits with spaces, dashes, dots, brackets, an optional leading +, an extension. */
const PHONE = /^\+?[\d\s().-]+((ext\.?|x|poste)\s*\d{1,6})?$/i;

// Each refinement names its message (params.id), which the interface says in the person's language.
const website = trimmed(500).refine((s) => s === '' || WEBSITE.test(s), {
  message: 'is not a web address (e.g. elections.example.org)',
  params: { id: 'website' },
});
const phone = trimmed(100).refine((s) => s === '' || (PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 7), {
  message: 'is not a phone number (digits, spaces and dashes, e.g. 1-800-555-0127)',
  params: { id: 'phone' },
});
const email = trimmed(320).refine((s) => s === '' || z.email().safeParse(s).success, {
  message: 'is not an email address',
  params: { id: 'email' },
});

/** A logo small enough to travel in a workspace file: PNG, JPEG or GIF as a base64 data URL (≤ 512 KB). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_DATA_URL = /^data:image\/(png|jpeg|gif);base64,([A-Za-z0-9+/]+={0,2})$/;
const logo = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, 'is larger than 512 KB')
  .regex(LOGO_DATA_URL, 'must be a PNG, JPEG or GIF image as a data URL (data:image/png;base64,…)');

/** The spelling each language follows throughout a text (and the language tag of the Word document). */
export const ENGLISH_VARIETIES = ['en-CA', 'en-US', 'en-GB'] as const;
export const FRENCH_VARIETIES = ['fr-CA', 'fr-FR'] as const;
export type EnglishVariety = (typeof ENGLISH_VARIETIES)[number];
export type FrenchVariety = (typeof FRENCH_VARIETIES)[number];
export interface LanguageVarieties {
  en: EnglishVariety;
  fr: FrenchVariety;
}
export const DEFAULT_VARIETIES: LanguageVarieties = { en: 'en-CA', fr: 'fr-CA' };

export const OrganisationProfileSchema = z.strictObject({
  /** The organisation's name as used in a sentence, in each language ("Elections Lakeshore"). */
  name: z.strictObject({ en: trimmed(LIMITS.title), fr: trimmed(LIMITS.title) }),
  website,
  /** The phone line for the public. */
  phone,
  /** The one person a release names: journalists call them. */
  mediaContact: z.strictObject({ name: trimmed(LIMITS.title), email, phone }),
  /** Printed at the top of releases, with the organisation's name as its alternative text. */
  logo: logo.optional(),
  /** Spelling per language (default Canadian English and Canadian French). */
  variety: z.strictObject({ en: z.enum(ENGLISH_VARIETIES), fr: z.enum(FRENCH_VARIETIES) }).optional(),
  /** Whether a release ends with "-30-" (the North American end mark). */
  endMark: z.boolean().optional(),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

export const EMPTY_ORGANISATION_PROFILE: OrganisationProfile = {
  name: { en: '', fr: '' },
  website: '',
  phone: '',
  mediaContact: { name: '', email: '', phone: '' },
};

export function varietiesOf(profile: Pick<OrganisationProfile, 'variety'>): LanguageVarieties {
  return profile.variety ?? DEFAULT_VARIETIES;
}

/** The fields a complete profile has (the logo, varieties and end mark are optional). */
export function missingProfileFields(p: OrganisationProfile): string[] {
  const missing: string[] = [];
  if (!p.name.en) missing.push('name.en');
  if (!p.name.fr) missing.push('name.fr');
  if (!p.website) missing.push('website');
  if (!p.phone) missing.push('phone');
  if (!p.mediaContact.name) missing.push('mediaContact.name');
  if (!p.mediaContact.email) missing.push('mediaContact.email');
  if (!p.mediaContact.phone) missing.push('mediaContact.phone');
  return missing;
}
