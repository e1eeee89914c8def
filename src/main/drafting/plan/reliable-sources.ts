// Where people can find reliable information: by default the organisation's website and phone line.
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
  const possessive = /^the /i.test(name.en) ? `the website of ${name.en}` : `${name.en}’s website`;
  return {
    en: [
      `Visit ${possessive}: ${website ?? toComplete('organisation.website', 'en')}`,
      `Call ${name.en}: ${phone ?? toComplete('organisation.phone', 'en')}`,
    ],
    fr: [
      `Consultez le site Web ${deFr(name.fr)} : ${website ?? toComplete('organisation.website', 'fr')}`,
      `Appelez ${name.fr} : ${phone ?? toComplete('organisation.phone', 'fr')}`,
    ],
  };
}
