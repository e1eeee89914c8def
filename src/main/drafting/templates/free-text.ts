// The only free text a template may use: a threat's unclassified fields (title, summary, false claim, facts),
// in the draft's language. Another language comes from `translations[lang]`; when it is missing the text is a
// visible placeholder (and an error-level check), never the other language.
import type { DraftLang } from '../../../shared/domain/drafting';
import type { Threat, Translation } from '../../../shared/domain/workspace';
import { translationNeeded, type PlaceholderField } from '../text/placeholders';

export type FreeTextField = 'title' | 'summary' | 'falseClaim';

const FIELD: Record<FreeTextField, PlaceholderField> = {
  title: 'threat.title',
  summary: 'threat.summary',
  falseClaim: 'threat.falseClaim',
};

/**
 * The language a threat's own fields are written in: an optional `language` field on the threat (a tag such as
 * "fr-CA"), else English.
 */
export function sourceLanguage(threat: Threat): DraftLang {
  const tag = typeof threat['language'] === 'string' ? (threat['language'] as string).toLowerCase() : 'en';
  return tag.startsWith('fr') ? 'fr' : 'en';
}

export function translationFor(threat: Threat, lang: DraftLang): Translation | undefined {
  const all = threat.translations ?? {};
  if (all[lang]) return all[lang];
  const key = Object.keys(all).find((k) => k.toLowerCase().split(/[-_]/)[0] === lang);
  return key ? all[key] : undefined;
}

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** The field in `lang`; undefined when the threat has no such text at all (e.g. no false claim). */
export function threatText(threat: Threat, field: FreeTextField, lang: DraftLang): string | undefined {
  const own = threat[field];
  if (!present(own)) return undefined;
  if (sourceLanguage(threat) === lang) return own.trim();
  const translated = translationFor(threat, lang)?.[field];
  return present(translated) ? translated.trim() : translationNeeded(FIELD[field], lang);
}

/** The verified facts in `lang`, one placeholder for each fact without a translation. */
export function threatFacts(threat: Threat, lang: DraftLang): string[] {
  const own = (threat.facts ?? []).filter(present);
  if (sourceLanguage(threat) === lang) return own.map((f) => f.trim());
  const translated = translationFor(threat, lang)?.facts ?? [];
  return own.map((_, i) => {
    const t = translated[i];
    return present(t) ? t.trim() : translationNeeded('threat.fact', lang, i + 1);
  });
}

/** The name of the actor behind the threat in `lang` (`translations[lang].sourceName`); undefined when unnamed. */
export function actorName(threat: Threat, lang: DraftLang): string | undefined {
  const own = threat.source.name;
  if (!present(own)) return undefined;
  if (sourceLanguage(threat) === lang) return own.trim();
  const translated = translationFor(threat, lang)?.sourceName;
  return present(translated) ? translated.trim() : translationNeeded('threat.sourceName', lang);
}

/** The places the threat was seen, in `lang` (`translations[lang].regions`, in the same order). */
export function regionNames(threat: Threat, lang: DraftLang): string[] {
  const own = (threat.place.regions ?? []).filter(present);
  if (sourceLanguage(threat) === lang) return own.map((r) => r.trim());
  const translated = translationFor(threat, lang)?.regions ?? [];
  return own.map((_, i) => {
    const t = translated[i];
    return present(t) ? t.trim() : translationNeeded('threat.region', lang, i + 1);
  });
}

/** Every string in a value (objects and lists walked), e.g. all of a record's text. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringLeaves);
  return [];
}

/** All of a threat's text that is not classified: what may be said without pointing to a note. */
export function unclassifiedText(threat: Threat): string[] {
  return stringLeaves({ ...threat, classifiedNotes: undefined });
}
