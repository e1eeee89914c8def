// A row's title in the interface language: the French title when the interface is French and the record has
// one; otherwise the title as recorded, marked as English when the interface is not.
import type { ThreatRow } from '../../shared/domain/threat-log';

export function rowTitle(row: ThreatRow, uiLang: string): { text: string; lang: string | undefined } {
  if (uiLang === 'fr' && row.titleFr) return { text: row.titleFr, lang: undefined };
  // Titles are recorded in English (the French goes into the translation); say so inside a French page.
  return { text: row.title, lang: uiLang === 'en' ? undefined : 'en' };
}
