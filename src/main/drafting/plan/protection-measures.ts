// Default sentences saying what is being done to protect the election, per threat type. They are a starting
// point the official edits; each is plain, one idea, and promises nothing the organisation cannot show.
import type { ThreatType } from '../../../shared/domain/enums';
import type { LocalizedList, LocalizedText } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';

/** Also what a social post says for the threats platforms do not handle (see templates/social-post.ts). */
export const PROTECTION_BY_TYPE: Record<ThreatType, LocalizedText> = {
  disinformation: {
    en:
      'We have told the online platforms. Under their own rules, they can act on posts that ' +
      'mislead voters.',
    fr:
      'Nous avons alerté les plateformes en ligne. Selon leurs règles, elles peuvent agir ' +
      'sur les messages qui trompent les électeurs.',
  },
  misinformation: {
    en: 'We are sharing the facts with voters, the news media and community groups.',
    fr: 'Nous faisons connaître les faits aux électeurs, aux médias et aux groupes de la région.',
  },
  malinformation: {
    en:
      'We are working with the people and groups affected. We want to limit the harm from ' +
      'facts taken out of context.',
    fr:
      'Nous travaillons avec les personnes et les groupes touchés. Nous voulons limiter ' +
      'le tort causé par des faits sortis de leur contexte.',
  },
  'hack-and-leak': {
    en:
      'Security experts are looking at the files and how they were taken. They are helping ' +
      'the groups affected.',
    fr:
      'Des experts en sécurité examinent les fichiers et la façon dont ils ont été pris. ' +
      'Ils aident les groupes touchés.',
  },
  impersonation: {
    en: 'We have asked the platforms to remove fake accounts that pretend to be official.',
    fr: 'Nous avons demandé aux plateformes de retirer les faux comptes qui se font passer pour nous.',
  },
  'synthetic-media': {
    en: 'We have asked the platforms to label or remove the fake video, image or audio.',
    fr:
      'Nous avons demandé aux plateformes de signaler ou de retirer la fausse vidéo, la ' +
      'fausse image ou le faux enregistrement.',
  },
  'inauthentic-behaviour': {
    en: 'We have told the platforms about networks of fake accounts.',
    fr: 'Nous avons signalé des réseaux de faux comptes aux plateformes.',
  },
  'cyber-intrusion': {
    en: 'Cyber security experts are helping the election authority keep its systems safe.',
    fr: 'Des experts en sécurité des réseaux aident l’autorité électorale à protéger ses systèmes.',
  },
  'denial-of-service': {
    en: 'The election authority and its suppliers are working to keep its websites and phone lines open.',
    fr:
      'L’autorité électorale et ses fournisseurs font en sorte que ses sites Web et ses ' +
      'lignes de téléphone restent ouverts.',
  },
  intimidation: {
    en: 'We are working with the police to keep everyone safe.',
    fr: 'Nous travaillons avec la police pour protéger tout le monde.',
  },
  'covert-funding': {
    en: 'We have told the body that enforces the rules on donations.',
    fr: 'Nous avons alerté l’organisme qui fait respecter les règles sur les dons.',
  },
  other: {
    en: 'We are working with our partners to limit the effect of this activity on the vote.',
    fr: 'Nous travaillons avec nos partenaires pour limiter l’effet de cette activité sur le vote.',
  },
};

const ALWAYS: LocalizedText = {
  en: 'Election staff and security agencies keep watch at every step of the vote.',
  fr: 'Le personnel électoral et les services de sécurité veillent à chaque étape du vote.',
};

const DEBUNKED: LocalizedText = {
  en: 'Independent fact-checkers have already shown that this is false.',
  fr: 'Des vérificateurs de faits indépendants ont déjà montré que c’est faux.',
};

export function defaultProtectionMeasures(threats: readonly Threat[]): LocalizedList {
  const types = [...new Set(threats.map((t) => t.type))];
  const sentences = types.map((t) => PROTECTION_BY_TYPE[t]);
  if (threats.some((t) => t.context?.debunkedByPartner === true)) sentences.push(DEBUNKED);
  sentences.push(ALWAYS);
  return { en: sentences.map((s) => s.en), fr: sentences.map((s) => s.fr) };
}
