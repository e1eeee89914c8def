// Where people can find reliable information: by default the election authority's website and phone line.
// When the organisation has not recorded them, a visible placeholder asks for them (and blocks release).
import type { LocalizedList, LocalizedText } from '../../../shared/domain/drafting';
import { deFr } from '../text/french-grammar';
import { toComplete } from '../text/placeholders';

export interface ElectionAuthority {
  /** As used in a sentence, e.g. { en: 'Elections Canada', fr: 'Élections Canada' }. */
  name?: LocalizedText;
  website?: string;
  phone?: string;
}

export function defaultReliableSources(authority: ElectionAuthority = {}): LocalizedList {
  const name = authority.name ?? { en: 'the election authority', fr: 'l’autorité électorale' };
  const website = authority.website?.trim() || undefined;
  const phone = authority.phone?.trim() || undefined;
  return {
    en: [
      `Visit ${name.en}'s website: ${website ?? toComplete('web address', 'en')}`,
      `Call ${name.en}: ${phone ?? toComplete('phone number', 'en')}`,
    ],
    fr: [
      `Consultez le site Web ${deFr(name.fr)} : ${website ?? toComplete('adresse Web', 'fr')}`,
      `Appelez ${name.fr} : ${phone ?? toComplete('numéro de téléphone', 'fr')}`,
    ],
  };
}
