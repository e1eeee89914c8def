// The communication plan: purpose, threat types, audience, when and where to release, who speaks, what is
// being done and where to find reliable information. A pure function of the record; every text is editable.
import { messageText } from '../../../shared/i18n/message-text';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { CommunicationPlan, DraftLang, LocalizedText } from '../../../shared/domain/drafting';
import { DRAFT_LANGS } from '../../../shared/domain/drafting';
import { message } from '../../../shared/domain/message';
import {
  EMPTY_ORGANISATION_PROFILE,
  varietiesOf,
  type OrganisationProfile,
} from '../../../shared/domain/organisation';
import type { Election, Threat } from '../../../shared/domain/workspace';
import { frenchTypography } from '../text/french-typography';
import { englishSpelling } from '../text/spelling';
import { audienceOf } from './audience';
import { communicationPurpose } from './purpose';
import { defaultProtectionMeasures } from './protection-measures';
import { defaultReliableSources } from './reliable-sources';
import { roleLabel } from './role-labels';
import { seenInTheFuture, timingOf } from './timing';

export interface PlanOptions {
  /** ISO date-time the plan is "as of" (drives timing). */
  asOf: string;
  /** Who speaks: its name stands for the election authority, its website, phone and media contact are used. */
  organisation?: OrganisationProfile;
}

/** The election's official languages that Threshold drafts in, by language tag ("fr-CA" → fr); both when none are given. */
export function officialLanguages(election: Election | undefined): {
  languages: DraftLang[];
  other: string[];
} {
  const tags = election?.languages ?? [];
  const languages: DraftLang[] = [];
  const other: string[] = [];
  for (const tag of tags) {
    const [base = ''] = tag.toLowerCase().split(/[-_]/);
    const lang = DRAFT_LANGS.find(
      (l) =>
        l === base ||
        (l === 'en' && base === 'english') ||
        (l === 'fr' && (base === 'french' || base === 'français')),
    );
    if (lang) {
      if (!languages.includes(lang)) languages.push(lang);
    } else other.push(tag);
  }
  return { languages: languages.length > 0 ? languages : [...DRAFT_LANGS], other };
}

const unique = (xs: (string | undefined)[]) => [
  ...new Set(xs.map((x) => (x ?? '').trim()).filter((x) => x !== '')),
];

export function buildPlan(
  threats: Threat[],
  election: Election | undefined,
  assessment: AssessmentResult,
  opts: PlanOptions,
): CommunicationPlan {
  if (threats.length === 0) throw new Error('A communication plan needs at least one threat.');
  const org = opts.organisation ?? EMPTY_ORGANISATION_PROFILE;
  const varieties = varietiesOf(org);
  const variety = varieties.fr;
  const fr = (t: LocalizedText): LocalizedText => ({
    en: englishSpelling(t.en, varieties.en),
    fr: frenchTypography(t.fr, variety),
  });
  const name =
    org.name.en || org.name.fr
      ? { en: org.name.en || org.name.fr, fr: org.name.fr || org.name.en }
      : undefined;
  const roleLabels = name ? { 'election-authority': name } : undefined;
  const contact = org.mediaContact;
  const { purpose, reason } = communicationPurpose(threats, assessment.level);
  const audience = audienceOf(threats);
  const timing = timingOf(threats, election, opts.asOf);
  const { languages, other } = officialLanguages(election);
  const spokesperson = assessment.spokesperson;
  const protection = defaultProtectionMeasures(threats);
  const sources = defaultReliableSources({
    ...(name ? { name } : {}),
    ...(org.website ? { website: org.website } : {}),
    ...(org.phone ? { phone: org.phone } : {}),
  });
  const future = seenInTheFuture(threats, opts.asOf);
  return {
    threatIds: threats.map((t) => t.id),
    asOf: opts.asOf,
    level: assessment.level,
    purpose,
    purposeReason: fr(reason),
    threatTypes: [...new Set(threats.map((t) => t.type))],
    audience: { ...audience, text: fr(audience.text) },
    timing: { ...timing, text: fr(timing.text) },
    where: {
      channels: unique(threats.flatMap((t) => t.place.channels ?? [])),
      regions: unique(threats.flatMap((t) => t.place.regions ?? [])),
      languages,
      otherLanguages: other,
    },
    // The plan keeps why in English (its reasons are not shown; the assessment's are, in any language).
    spokesperson: {
      ...spokesperson,
      reason: messageText(spokesperson.reason),
      label: roleLabel(spokesperson.id, spokesperson.name, roleLabels),
    },
    partners: assessment.partners.map((p) => ({
      ...p,
      reason: messageText(p.reason),
      label: roleLabel(p.id, p.name, roleLabels),
    })),
    // Attribution is stated only when the assessment allows it and every threat's confidence is high.
    attributionMayBeStated:
      assessment.attributionMayBeStated && threats.every((t) => t.source.confidence === 'high'),
    protectionMeasures: {
      en: protection.en.map((s) => englishSpelling(s, varieties.en)),
      fr: protection.fr.map((s) => frenchTypography(s, variety)),
    },
    reliableSources: {
      en: sources.en.map((s) => englishSpelling(s, varieties.en)),
      fr: sources.fr.map((s) => frenchTypography(s, variety)),
    },
    mediaContact: {
      ...(contact.name ? { name: contact.name } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
    },
    ...(future.length > 0
      ? {
          warnings: future.map((t) =>
            message('plan:firstSeenInFuture', { threat: t.id, firstSeen: t.time.firstSeen, asOf: opts.asOf }),
          ),
        }
      : {}),
  };
}
