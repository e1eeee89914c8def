// What the checks need to know about the record, prepared once per record (indexes of classified notes,
// names, claims) so that checking a draft on every edit stays fast.
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { Classification } from '../../../shared/domain/enums';
import { CLASSIFICATIONS, classificationRank } from '../../../shared/domain/enums';
import type { OrganisationProfile } from '../../../shared/domain/organisation';
import type { Election, Threat } from '../../../shared/domain/workspace';
import { DRAFT_LANGS } from '../../../shared/domain/drafting';
import { buildClaimIndex, type ClaimIndex } from '../text/claim-occurrences';
import { distinctiveTokens, type DistinctiveToken } from '../text/distinctive-tokens';
import { foldText } from '../text/normalize';
import { buildPhraseIndex, type PhraseIndex } from '../text/phrase-index';
import { withoutPlaceholders } from '../text/placeholders';
import { buildTermMatcher, memoMatcher, mergeTermMatchers, type TermMatcher } from '../text/term-matcher';
import { stringLeaves, threatFacts, threatText, unclassifiedText } from '../templates/free-text';
import { foreignNames } from './foreign-names';
import { partisanNames } from './partisan-names';
import { PARTISAN_WORDS } from './partisan-words';

export interface CheckContext {
  threats: Threat[];
  election?: Election;
  /** Only `attributionMayBeStated` is read: attribution is allowed when it is true and every threat's confidence is high. */
  assessment: Pick<AssessmentResult, 'attributionMayBeStated'>;
  /** Plain-language target, as a school grade (default 8, for general content). */
  targetGrade?: number;
  /** More names that must not appear (e.g. a party's leader), beyond the election's parties and candidates. */
  extraPartisanNames?: string[];
  /** Region codes of the election's own country, whose name is not a foreign attribution (default ["CA"]). */
  homeCountries?: string[];
  /** The organisation's own names and contacts: words that never point to a classified note. */
  organisation?: OrganisationProfile;
}

export interface PreparedContext {
  targetGrade: number;
  attributionAllowed: boolean;
  /** One index per classification, to say which kind of note a passage overlaps. */
  classified: { classification: Classification; index: PhraseIndex }[];
  partisanNames: TermMatcher<{ of: string; derived: boolean }>;
  partisanWords: TermMatcher<string>;
  attribution: TermMatcher<{ generic: boolean; actor: boolean }>;
  /** The false claims in every language (a claim in the other language is still the claim). */
  falseClaims: ClaimIndex;
  /** Identifying tokens of the classified notes that the unclassified record does not hold. */
  classifiedTokens: Map<string, DistinctiveToken<Classification>>;
}

const prepared = new WeakMap<CheckContext, PreparedContext>();

// The word lists are the same from one record to the next: their matchers are built once.
interface AttributionMeta {
  generic: boolean;
  actor: boolean;
}
const countryMatchers = new Map<string, TermMatcher<AttributionMeta>>();
const partisanNameMatchers = new Map<string, TermMatcher<{ of: string; derived: boolean }>>();
let partisanWordMatcher: TermMatcher<string> | undefined;
let foldedCountryNames: { folded: string; country: string; generic: boolean }[] | undefined;

function actorNames(threats: readonly Threat[]): string[] {
  return threats.flatMap((t) => {
    const name = (t.source.name ?? '').trim();
    if (!name) return [];
    const withoutBrackets = name.replace(/\([^)]*\)/g, ' ').trim();
    const handles = name.match(/[@#][\p{L}\p{N}_]+/gu) ?? [];
    return [withoutBrackets, ...handles];
  });
}

export function prepareCheckContext(ctx: CheckContext): PreparedContext {
  const hit = prepared.get(ctx);
  if (hit) return hit;
  const notes = ctx.threats.flatMap((t) => t.classifiedNotes ?? []);
  const home = new Set(ctx.homeCountries ?? ['CA']);
  // A country named in the election's jurisdiction is the election's own ("Canada", "Province of Quebec, Canada").
  const jurisdiction = ` ${foldText(ctx.election?.jurisdiction ?? '')} `;
  const names = foreignNames();
  foldedCountryNames ??= names.map((n) => ({
    folded: foldText(n.phrase),
    country: n.country,
    generic: n.generic,
  }));
  for (const n of foldedCountryNames)
    if (!n.generic && jurisdiction.includes(` ${n.folded} `)) home.add(n.country);
  const homeKey = [...home].sort().join(',');
  const claims = ctx.threats.flatMap((t) =>
    DRAFT_LANGS.map((lang) => threatText(t, 'falseClaim', lang)).filter(
      (c): c is string => c !== undefined && withoutPlaceholders(c) !== '',
    ),
  );
  const result: PreparedContext = {
    targetGrade: ctx.targetGrade ?? 8,
    attributionAllowed:
      ctx.assessment.attributionMayBeStated && ctx.threats.every((t) => t.source.confidence === 'high'),
    classified: CLASSIFICATIONS.map((classification) => ({
      classification,
      index: buildPhraseIndex(notes.filter((n) => n.classification === classification).map((n) => n.text)),
    })).filter((c) => c.index.runs.size > 0),
    partisanNames: memoMatcher(
      partisanNameMatchers,
      JSON.stringify([
        ctx.election?.parties ?? [],
        ctx.election?.candidates ?? [],
        ctx.extraPartisanNames ?? [],
      ]),
      () =>
        buildTermMatcher(
          partisanNames(ctx.election, ctx.extraPartisanNames).map((n) => ({
            phrase: n.phrase,
            meta: { of: n.of, derived: n.derived },
          })),
        ),
    ),
    partisanWords: (partisanWordMatcher ??= buildTermMatcher(
      [...PARTISAN_WORDS.en, ...PARTISAN_WORDS.fr].map((w) => ({ phrase: w, meta: w })),
    )),
    // Actor names first: where an actor's name is also a country's, it counts as the actor.
    attribution: mergeTermMatchers(
      buildTermMatcher(
        actorNames(ctx.threats).map((phrase) => ({ phrase, meta: { generic: false, actor: true } })),
      ),
      memoMatcher(countryMatchers, homeKey, () =>
        buildTermMatcher(
          names
            .filter((n) => !home.has(n.country))
            .map((n) => ({ phrase: n.phrase, meta: { generic: n.generic, actor: false } })),
        ),
      ),
    ),
    falseClaims: buildClaimIndex(
      claims,
      ctx.threats.flatMap((t) => DRAFT_LANGS.flatMap((lang) => threatFacts(t, lang))),
    ),
    classifiedTokens: distinctiveTokens(
      notes,
      [
        ...ctx.threats.flatMap(unclassifiedText),
        ...(ctx.election ? stringLeaves(ctx.election) : []),
        ...(ctx.organisation ? stringLeaves({ ...ctx.organisation, logo: undefined }) : []),
      ],
      classificationRank,
    ),
  };
  prepared.set(ctx, result);
  return result;
}
