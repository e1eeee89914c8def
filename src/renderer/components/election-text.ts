// An election's name or jurisdiction in the interface language: its French when the interface is French
// and the election has it; otherwise as recorded (in English), marked so inside a page in another language.
import type { Election } from '../../shared/domain/workspace';

export function electionText(
  election: Pick<Election, 'name' | 'jurisdiction' | 'translations'>,
  field: 'name' | 'jurisdiction',
  uiLang: string,
): { text: string; lang: string | undefined } {
  const translated = uiLang === 'en' ? undefined : election.translations?.[uiLang]?.[field];
  if (translated) return { text: translated, lang: undefined };
  return { text: election[field], lang: uiLang === 'en' ? undefined : 'en' };
}
