// Names of the roles an assessment can name as spokesperson or partner, as noun phrases usable in a
// sentence in each language. An organisation can give its own (e.g. "Elections Canada" / "Élections Canada").
import type { LocalizedText } from '../../../shared/domain/drafting';

const KNOWN: Record<string, LocalizedText> = {
  'election-authority': { en: 'the election authority', fr: "l'autorité électorale" },
  'security-agency': { en: 'the national security agency', fr: "l'organisme de sécurité nationale" },
  'cyber-centre': { en: 'the national cyber security centre', fr: 'le centre national de cybersécurité' },
  panel: { en: 'the panel of senior officials', fr: 'le groupe de hauts fonctionnaires' },
  government: { en: 'the government', fr: 'le gouvernement' },
  platforms: { en: 'online platforms', fr: 'les plateformes en ligne' },
  police: { en: 'the police', fr: 'la police' },
  'party-security-contacts': {
    en: "the parties' security contacts",
    fr: 'les responsables de la sécurité des partis',
  },
  'election-regulator': { en: 'the election regulator', fr: 'l’organisme de surveillance des élections' },
  'fact-checkers-media': {
    en: 'fact-checkers and news organisations',
    fr: 'les vérificateurs de faits et les médias',
  },
  'parties-security-contacts': {
    en: "the parties' security contacts",
    fr: 'les responsables de la sécurité des partis',
  },
  parties: { en: "the parties' security contacts", fr: 'les responsables de la sécurité des partis' },
  'civil-society': { en: 'civil society organisations', fr: 'les organismes de la société civile' },
  'fact-checkers': { en: 'independent fact-checkers', fr: 'les vérificateurs de faits indépendants' },
  media: { en: 'news organisations', fr: "les médias d'information" },
  'political-financing-regulator': {
    en: 'the political financing regulator',
    fr: 'l’organisme de réglementation du financement politique',
  },
};

export function roleLabel(
  id: string,
  name: string,
  overrides?: Record<string, LocalizedText>,
): LocalizedText {
  return overrides?.[id] ?? KNOWN[id] ?? { en: name, fr: name };
}

/** "the election authority" → "The election authority" (for the start of a sentence). */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
