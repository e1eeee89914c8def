// The only free text a template may use: a threat's unclassified fields (title, summary, false claim, facts),
// in the draft's language. Another language comes from `translations[lang]`; when it is missing the text is a
// visible placeholder (and an error-level check), never the other language.
import type { DraftLang } from '../../../shared/domain/drafting';
import type { Threat, Translation } from '../../../shared/domain/workspace';
import { translationNeeded } from '../text/placeholders';

export type FreeTextField = 'title' | 'summary' | 'falseClaim';

const FIELD_LABELS: Record<DraftLang, Record<FreeTextField | 'fact', string>> = {
  en: { title: 'title', summary: 'summary', falseClaim: 'false claim', fact: 'fact' },
  fr: { title: 'titre', summary: 'résumé', falseClaim: 'fausse affirmation', fact: 'fait' },
};

/**
 * The language a threat's own fields are written in: an optional `language` field on the threat (a tag such as
 * "fr-CA"), else English.
 */
export function sourceLanguage(threat: Threat): DraftLang {
  const tag = typeof threat['language'] === 'string' ? (threat['language'] as string).toLowerCase() : 'en';
  return tag.startsWith('fr') ? 'fr' : 'en';
}

function translationFor(threat: Threat, lang: DraftLang): Translation | undefined {
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
  return present(translated) ? translated.trim() : translationNeeded(FIELD_LABELS[lang][field]);
}

/** The verified facts in `lang`, one placeholder for each fact without a translation. */
export function threatFacts(threat: Threat, lang: DraftLang): string[] {
  const own = (threat.facts ?? []).filter(present);
  if (sourceLanguage(threat) === lang) return own.map((f) => f.trim());
  const translated = translationFor(threat, lang)?.facts ?? [];
  return own.map((_, i) => {
    const t = translated[i];
    return present(t) ? t.trim() : translationNeeded(`${FIELD_LABELS[lang].fact} ${i + 1}`);
  });
}
