// The headline of a public text, chosen from what the threat is (its type), what it is for (its purpose),
// whom it targets, and whether there are verified facts to give. It says what is true or useful and never
// repeats the false claim (Debunking Handbook 2020: don't headline the myth).
import type { DraftLang, LocalizedText } from '../../../shared/domain/drafting';
import type { Purpose, ThreatType } from '../../../shared/domain/enums';
import type { Threat } from '../../../shared/domain/workspace';

/** Types that are the story whatever their purpose: the headline names what happened. */
const BY_TYPE: Partial<Record<ThreatType, (t: Threat) => LocalizedText>> = {
  'hack-and-leak': (t) =>
    t.target.kind === 'candidate-or-party'
      ? {
          en: 'Stolen campaign documents: what happened and what is being done',
          fr: 'Documents de campagne volés : ce qui s’est passé et ce qui est fait',
        }
      : {
          en: 'Stolen election data: what happened and what is being done',
          fr: 'Données électorales volées : ce qui s’est passé et ce qui est fait',
        },
  impersonation: () => ({
    en: 'Official election information comes only from official sources',
    fr: 'L’information électorale officielle provient uniquement de sources officielles',
  }),
  'synthetic-media': () => ({
    en: 'Be careful with altered videos, images and audio during the election',
    fr: 'Méfiez-vous des vidéos, des images et des enregistrements modifiés pendant l’élection',
  }),
  'denial-of-service': () => ({
    en: 'Update on access to election services',
    fr: 'Le point sur l’accès aux services électoraux',
  }),
  'cyber-intrusion': () => ({
    en: 'Protecting election systems: what happened and what is being done',
    fr: 'Protection des systèmes électoraux : ce qui s’est passé et ce qui est fait',
  }),
  intimidation: () => ({
    en: 'Keeping voters, candidates and election workers safe',
    fr: 'Assurer la sécurité des électeurs, des candidats et du personnel électoral',
  }),
  'covert-funding': () => ({
    en: 'Political financing rules: what is being done',
    fr: 'Règles de financement politique : ce qui est fait',
  }),
  'inauthentic-behaviour': () => ({
    en: 'Fake accounts and the election: what is being done',
    fr: 'Faux comptes et élection : ce qui est fait',
  }),
};

/** For content (dis-, mis-, malinformation and other types): the subject the facts are about. */
const BY_PURPOSE: Record<Purpose, { topic: LocalizedText; safety?: boolean }> = {
  'mislead-voting-process': { topic: { en: 'How to vote', fr: 'Comment voter' } },
  'suppress-turnout': {
    topic: {
      en: 'Every eligible voter can vote',
      fr: 'Toute personne qui a le droit de voter peut le faire',
    },
  },
  'undermine-results': {
    topic: {
      en: 'How votes are counted and results confirmed',
      fr: 'Comment les votes sont comptés et les résultats confirmés',
    },
  },
  'disrupt-administration': { topic: { en: 'Election services', fr: 'Services électoraux' } },
  intimidate: {
    topic: {
      en: 'Keeping voters, candidates and election workers safe',
      fr: 'Assurer la sécurité des électeurs, des candidats et du personnel électoral',
    },
    safety: true,
  },
  'discredit-candidate': {
    topic: { en: 'Misleading information about the election', fr: 'Information trompeuse sur l’élection' },
  },
  'promote-candidate': {
    topic: { en: 'Misleading information about the election', fr: 'Information trompeuse sur l’élection' },
  },
  polarize: {
    topic: { en: 'Misleading information about the election', fr: 'Information trompeuse sur l’élection' },
  },
  other: { topic: { en: 'Information about the election', fr: 'Information sur l’élection' } },
};

const THE_FACTS: LocalizedText = { en: 'the facts', fr: 'les faits' };
const WHAT_WE_KNOW: LocalizedText = { en: 'what we know', fr: 'ce que l’on sait' };

/** The headline for a threat (for a cluster, its first threat's). */
export function headline(threat: Threat, lang: DraftLang): string {
  const typed = BY_TYPE[threat.type];
  if (typed) return typed(threat)[lang];
  const { topic, safety } = BY_PURPOSE[threat.purpose];
  if (safety) return topic[lang];
  const hasFacts = (threat.facts ?? []).some((f) => f.trim() !== '');
  const tail = (hasFacts ? THE_FACTS : WHAT_WE_KNOW)[lang];
  return lang === 'fr' ? `${topic.fr} : ${tail}` : `${topic.en}: ${tail}`;
}
