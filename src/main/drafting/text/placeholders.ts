// Visible markers left in a draft where text is missing or was removed. Every marker is a check error,
// so that no draft is released with one.
import type { DraftLang } from '../../../shared/domain/drafting';

/** "[TRANSLATION NEEDED: résumé]": the field label is in the draft's language. */
export function translationNeeded(fieldLabel: string): string {
  return `[TRANSLATION NEEDED: ${fieldLabel}]`;
}

export function toComplete(label: string, lang: DraftLang): string {
  return lang === 'fr' ? `[À COMPLÉTER : ${label}]` : `[TO COMPLETE: ${label}]`;
}

/** Replaces passages of free text that overlap a classified note. */
export function removedClassified(lang: DraftLang): string {
  return lang === 'fr' ? '[RETIRÉ : chevauche une note classifiée]' : '[REMOVED: overlaps a classified note]';
}

// \s also matches the no-break spaces that French typography puts before colons.
export const TRANSLATION_PLACEHOLDER = /\[TRANSLATION NEEDED\s?:[^\]]*\]/g;
export const OTHER_PLACEHOLDER = /\[(?:TO COMPLETE|À COMPLÉTER|REMOVED|RETIRÉ)\s?:[^\]]*\]/g;
const ANY_PLACEHOLDER = /\[(?:TRANSLATION NEEDED|TO COMPLETE|À COMPLÉTER|REMOVED|RETIRÉ)\s?:[^\]]*\]/g;

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
