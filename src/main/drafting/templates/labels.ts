// Names of the contract's enum values in each language, for the plan and the briefing note.
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type {
  Actor,
  Classification,
  Confidence,
  Level,
  Purpose,
  TargetKind,
  ThreatType,
  Trend,
} from '../../../shared/domain/enums';
import type { Agreement } from '../text/french-grammar';
import type {
  CommunicationPurpose,
  DraftLang,
  LocalizedText,
  Marking,
} from '../../../shared/domain/drafting';

type Labels<K extends string> = Record<K, LocalizedText>;

export const LEVEL_LABELS: Labels<Level> = {
  monitor: { en: 'Monitor', fr: 'Surveiller' },
  'engage-privately': { en: 'Engage privately', fr: 'Intervenir en privé' },
  'speak-publicly': { en: 'Speak publicly', fr: 'S’exprimer publiquement' },
};

export const ACTOR_LABELS: Labels<Actor> = {
  'foreign-state': { en: 'foreign state', fr: 'État étranger' },
  'foreign-proxy': { en: 'proxy of a foreign state', fr: 'intermédiaire d’un État étranger' },
  domestic: { en: 'domestic actor', fr: 'acteur national' },
  unknown: { en: 'unknown actor', fr: 'acteur inconnu' },
};

export const CONFIDENCE_LABELS: Labels<Confidence> = {
  low: { en: 'low', fr: 'faible' },
  moderate: { en: 'moderate', fr: 'modéré' },
  high: { en: 'high', fr: 'élevé' },
};

export const TREND_LABELS: Labels<Trend> = {
  growing: { en: 'growing', fr: 'en hausse' },
  stable: { en: 'stable', fr: 'stable' },
  declining: { en: 'declining', fr: 'en baisse' },
};

export const PURPOSE_LABELS: Labels<Purpose> = {
  'suppress-turnout': { en: 'suppress turnout', fr: 'réduire la participation' },
  'mislead-voting-process': {
    en: 'mislead voters about how to vote',
    fr: 'tromper l’électorat sur la façon de voter',
  },
  'undermine-results': { en: 'undermine trust in the results', fr: 'miner la confiance dans les résultats' },
  'discredit-candidate': { en: 'discredit a candidate', fr: 'discréditer un candidat' },
  'promote-candidate': { en: 'promote a candidate', fr: 'favoriser un candidat' },
  polarize: { en: 'polarize public debate', fr: 'polariser le débat public' },
  intimidate: { en: 'intimidate', fr: 'intimider' },
  'disrupt-administration': {
    en: 'disrupt the running of the election',
    fr: 'perturber l’administration de l’élection',
  },
  other: { en: 'other', fr: 'autre' },
};

/** Threat types as nouns, with the French noun's gender and number (for agreement: "piratage et fuite, observés"). */
export const TYPE_LABELS: Record<ThreatType, LocalizedText & { agreement: Agreement }> = {
  disinformation: { en: 'disinformation', fr: 'désinformation', agreement: 'fs' },
  misinformation: { en: 'misinformation', fr: 'mésinformation', agreement: 'fs' },
  malinformation: { en: 'malinformation', fr: 'malinformation', agreement: 'fs' },
  'hack-and-leak': { en: 'hack and leak', fr: 'piratage et fuite', agreement: 'mp' },
  impersonation: { en: 'impersonation', fr: 'usurpation d’identité', agreement: 'fs' },
  'synthetic-media': { en: 'synthetic media', fr: 'contenu synthétique', agreement: 'ms' },
  'inauthentic-behaviour': { en: 'inauthentic behaviour', fr: 'comportement inauthentique', agreement: 'ms' },
  'cyber-intrusion': { en: 'cyber intrusion', fr: 'intrusion informatique', agreement: 'fs' },
  'denial-of-service': { en: 'denial of service', fr: 'déni de service', agreement: 'ms' },
  intimidation: { en: 'intimidation', fr: 'intimidation', agreement: 'fs' },
  'covert-funding': { en: 'covert funding', fr: 'financement occulte', agreement: 'ms' },
  other: { en: 'other activity', fr: 'autre activité', agreement: 'fs' },
};

export const TARGET_LABELS: Labels<TargetKind> = {
  'general-public': { en: 'general public', fr: 'grand public' },
  community: { en: 'a community', fr: 'une communauté' },
  'candidate-or-party': { en: 'a candidate or party', fr: 'un candidat ou un parti' },
  'election-officials': { en: 'election officials', fr: 'responsables électoraux' },
  media: { en: 'media', fr: 'médias' },
  infrastructure: { en: 'election infrastructure', fr: 'infrastructure électorale' },
};

/** Targets as the object of a sentence ("aimed at the general public" / "visant le grand public"). */
export const TARGET_OBJECT: Labels<TargetKind> = {
  'general-public': { en: 'the general public', fr: 'le grand public' },
  community: { en: 'a community', fr: 'une communauté' },
  'candidate-or-party': { en: 'a candidate or party', fr: 'un candidat ou un parti' },
  'election-officials': { en: 'election officials', fr: 'les responsables électoraux' },
  media: { en: 'the news media', fr: 'les médias' },
  infrastructure: { en: 'election infrastructure', fr: 'l’infrastructure électorale' },
};

/** The channels the sample and the form use, by id; any other id is shown as recorded. */
const CHANNEL_LABELS: Record<string, LocalizedText> = {
  x: { en: 'X', fr: 'X' },
  facebook: { en: 'Facebook', fr: 'Facebook' },
  instagram: { en: 'Instagram', fr: 'Instagram' },
  tiktok: { en: 'TikTok', fr: 'TikTok' },
  youtube: { en: 'YouTube', fr: 'YouTube' },
  telegram: { en: 'Telegram', fr: 'Telegram' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp' },
  wechat: { en: 'WeChat', fr: 'WeChat' },
  website: { en: 'websites', fr: 'sites Web' },
  email: { en: 'email', fr: 'courriel' },
  sms: { en: 'text messages', fr: 'textos' },
  robocall: { en: 'automated calls', fr: 'appels automatisés' },
  print: { en: 'print', fr: 'imprimés' },
  broadcast: { en: 'radio and television', fr: 'radio et télévision' },
  'in-person': { en: 'in person', fr: 'en personne' },
};

export function channelLabel(id: string, lang: DraftLang): string {
  return CHANNEL_LABELS[id.toLowerCase()]?.[lang] ?? id;
}

export const COMMUNICATION_PURPOSE_LABELS: Labels<CommunicationPurpose> = {
  inform: { en: 'inform', fr: 'informer' },
  correct: { en: 'correct', fr: 'corriger' },
  reassure: { en: 'reassure', fr: 'rassurer' },
  warn: { en: 'warn', fr: 'mettre en garde' },
  notify: { en: 'notify partners', fr: 'aviser les partenaires' },
};

/** Breakout Scale (Nimmo, 2020) categories. */
export const BREAKOUT_LABELS: Record<number, LocalizedText> = {
  1: { en: 'one platform, one community', fr: 'une plateforme, une communauté' },
  2: {
    en: 'one community on many platforms, or many communities on one',
    fr: 'une communauté sur plusieurs plateformes, ou plusieurs communautés sur une seule',
  },
  3: { en: 'many platforms and many communities', fr: 'plusieurs plateformes et plusieurs communautés' },
  4: { en: 'picked up by mainstream media', fr: 'reprise par les grands médias' },
  5: { en: 'amplified by high-profile people', fr: 'amplifiée par des personnalités en vue' },
  6: { en: 'policy response or call for violence', fr: 'réponse politique ou appel à la violence' },
};

/** ", about 420,000 people" after a reach; nothing when the audience is not recorded; none when it is 0. */
export function audiencePhrase(audience: number | undefined, lang: DraftLang): string {
  if (audience === undefined) return '';
  const fr = lang === 'fr';
  if (audience === 0) return fr ? ', aucun public atteint' : ', no audience reached';
  const n = new Intl.NumberFormat(fr ? 'fr-CA' : 'en-CA').format(audience);
  if (audience === 1) return fr ? ', 1 personne' : ', 1 person';
  return fr ? `, environ ${n} personnes` : `, about ${n} people`;
}

export function breakoutLabel(category: number, lang: DraftLang): string {
  return BREAKOUT_LABELS[category]?.[lang] ?? String(category);
}

export const MARKING_LABELS: Record<Marking, LocalizedText> = {
  UNCLASSIFIED: { en: 'UNCLASSIFIED', fr: 'NON CLASSIFIÉ' },
  PROTECTED: { en: 'PROTECTED', fr: 'PROTÉGÉ' },
  SECRET: { en: 'SECRET', fr: 'SECRET' },
  'TOP SECRET': { en: 'TOP SECRET', fr: 'TRÈS SECRET' },
};

export function classificationLabel(c: Classification, lang: DraftLang): string {
  return MARKING_LABELS[c][lang];
}

/** Score and level in a sentence, in numbers that read the same in both languages. */
export function levelLabel(a: Pick<AssessmentResult, 'level'>, lang: DraftLang): string {
  return LEVEL_LABELS[a.level][lang];
}
