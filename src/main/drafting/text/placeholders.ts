// Visible markers left in a draft where text is missing or was removed. Every marker is a check error,
// so that no draft is released with one. Each marker names a field of the record or of the organisation
// profile, in the draft's language; the checks read the field back, to say which one is missing.
import type { DraftLang } from '../../../shared/domain/drafting';
import { DOCUMENT_LABELS } from '../../documents/labels';

/** Where a missing piece of text comes from: the organisation profile, the threat record or the plan. */
export const PLACEHOLDER_FIELDS = DOCUMENT_LABELS.placeholderFields satisfies Record<
  string,
  Record<DraftLang, string>
>;
export type PlaceholderField = keyof typeof PLACEHOLDER_FIELDS;

function label(field: PlaceholderField, lang: DraftLang, n?: number): string {
  return `${PLACEHOLDER_FIELDS[field][lang]}${n === undefined ? '' : ` ${n}`}`;
}

/** "[TRANSLATION NEEDED: summary]" / "[TRADUCTION NÉCESSAIRE : résumé]": the label is in the draft's language. */
export function translationNeeded(field: PlaceholderField, lang: DraftLang, n?: number): string {
  return lang === 'fr'
    ? `[TRADUCTION NÉCESSAIRE : ${label(field, lang, n)}]`
    : `[TRANSLATION NEEDED: ${label(field, lang, n)}]`;
}

export function toComplete(field: PlaceholderField, lang: DraftLang): string {
  return lang === 'fr' ? `[À COMPLÉTER : ${label(field, lang)}]` : `[TO COMPLETE: ${label(field, lang)}]`;
}

/** Replaces passages of free text that overlap a classified note. */
export function removedClassified(lang: DraftLang): string {
  return lang === 'fr' ? '[RETIRÉ : chevauche une note classifiée]' : '[REMOVED: overlaps a classified note]';
}

// \s also matches the no-break spaces that French typography puts before colons.
export const TRANSLATION_PLACEHOLDER = /\[(?:TRANSLATION NEEDED|TRADUCTION NÉCESSAIRE)\s?:\s?([^\]]*)\]/g;
export const OTHER_PLACEHOLDER = /\[(?:TO COMPLETE|À COMPLÉTER|REMOVED|RETIRÉ)\s?:\s?([^\]]*)\]/g;
const ANY_PLACEHOLDER =
  /\[(?:TRANSLATION NEEDED|TRADUCTION NÉCESSAIRE|TO COMPLETE|À COMPLÉTER|REMOVED|RETIRÉ)\s?:[^\]]*\]/g;

/** True when the text holds any marker. */
export function hasPlaceholder(text: string): boolean {
  ANY_PLACEHOLDER.lastIndex = 0;
  return ANY_PLACEHOLDER.test(text);
}

const BY_LABEL = new Map<string, PlaceholderField>(
  (Object.keys(PLACEHOLDER_FIELDS) as PlaceholderField[]).flatMap((f) => [
    [PLACEHOLDER_FIELDS[f].en, f],
    [PLACEHOLDER_FIELDS[f].fr, f],
  ]),
);

/** The field a marker's label names ("fact 2" → threat.fact, 2), or undefined for a label typed by hand. */
export function placeholderField(labelText: string): { field: PlaceholderField; n?: number } | undefined {
  const text = labelText.replace(/\s+/g, ' ').trim();
  const direct = BY_LABEL.get(text);
  if (direct) return { field: direct };
  const [, label, n] = /^(.*\S) (\d{1,4})$/.exec(text) ?? [];
  const field = label ? BY_LABEL.get(label) : undefined;
  return field && n ? { field, n: Number(n) } : undefined;
}

/** Splits text into plain and placeholder parts, e.g. to highlight placeholders in a document. */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
  const parts: { text: string; placeholder: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(ANY_PLACEHOLDER)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), placeholder: false });
    parts.push({ text: m[0], placeholder: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}

/** The text without its placeholders: what is really written. */
export function withoutPlaceholders(text: string): string {
  return text.replace(ANY_PLACEHOLDER, ' ').trim();
}
