// What every template gets: the record, the plan, the organisation, and free text that is already safe to
// use. For templates that leave the organisation, every passage of free text that overlaps a classified note
// is replaced by a visible placeholder before a template sees it, even when an official pasted it into the
// summary.
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { CommunicationPlan, DraftLang, TemplateId } from '../../../shared/domain/drafting';
import { isExternalTemplate } from '../../../shared/domain/drafting';
import {
  EMPTY_ORGANISATION_PROFILE,
  varietiesOf,
  type LanguageVarieties,
  type OrganisationProfile,
} from '../../../shared/domain/organisation';
import type { Election, Threat } from '../../../shared/domain/workspace';
import { buildPhraseIndex, redactPhrases, type PhraseIndex } from '../text/phrase-index';
import { removedClassified } from '../text/placeholders';
import { actorName, regionNames, threatFacts, threatText, type FreeTextField } from './free-text';

export interface TemplateInput {
  threats: Threat[];
  election?: Election;
  assessment: AssessmentResult;
  plan: CommunicationPlan;
  /** Who speaks: names, contacts, spelling (default: an empty profile, so placeholders show). */
  organisation?: OrganisationProfile;
  /** Default: the plan's languages. */
  languages?: DraftLang[];
  draftId?: string;
  /** Default: the plan's "as of". */
  createdAt?: string;
  /** Briefing note only: quote the classified notes (default true). */
  includeClassified?: boolean;
}

export interface TemplateContext extends Omit<TemplateInput, 'threats'> {
  /** The threats the text is about: at least one. */
  threats: [Threat, ...Threat[]];
  template: TemplateId;
  external: boolean;
  organisation: OrganisationProfile;
  varieties: LanguageVarieties;
  classifiedIndex: PhraseIndex;
  /** Removes classified passages from text that leaves the organisation (identity for internal templates). */
  safe(text: string, lang: DraftLang): string;
  text(threat: Threat, field: FreeTextField, lang: DraftLang): string | undefined;
  facts(threat: Threat, lang: DraftLang): string[];
  actor(threat: Threat, lang: DraftLang): string | undefined;
  regions(threat: Threat, lang: DraftLang): string[];
}

export function classifiedPhrases(threats: readonly Threat[]): string[] {
  return threats.flatMap((t) => (t.classifiedNotes ?? []).map((n) => n.text));
}

export function makeTemplateContext(template: TemplateId, input: TemplateInput): TemplateContext {
  const [first, ...others] = input.threats;
  if (!first) throw new Error('A text is written about at least one threat.');
  const external = isExternalTemplate(template);
  const classifiedIndex = buildPhraseIndex(classifiedPhrases(input.threats));
  const safe = (text: string, lang: DraftLang) =>
    external ? redactPhrases(text, classifiedIndex, removedClassified(lang)).text : text;
  const organisation = input.organisation ?? EMPTY_ORGANISATION_PROFILE;
  return {
    ...input,
    threats: [first, ...others],
    template,
    external,
    organisation,
    varieties: varietiesOf(organisation),
    classifiedIndex,
    safe,
    text: (threat, field, lang) => {
      const t = threatText(threat, field, lang);
      return t === undefined ? undefined : safe(t, lang);
    },
    facts: (threat, lang) => threatFacts(threat, lang).map((f) => safe(f, lang)),
    actor: (threat, lang) => {
      const name = actorName(threat, lang);
      return name === undefined ? undefined : safe(name, lang);
    },
    regions: (threat, lang) => regionNames(threat, lang).map((r) => safe(r, lang)),
  };
}
