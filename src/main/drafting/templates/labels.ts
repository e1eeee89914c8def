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
import { DOCUMENT_LABELS } from '../../documents/labels';

type Labels<K extends string> = Record<K, LocalizedText>;

const W = DOCUMENT_LABELS;

export const LEVEL_LABELS: Labels<Level> = W.level;

export const ACTOR_LABELS: Labels<Actor> = W.actor;

export const CONFIDENCE_LABELS: Labels<Confidence> = W.confidence;

export const TREND_LABELS: Labels<Trend> = W.trend;

export const PURPOSE_LABELS: Labels<Purpose> = W.purpose;

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

export const TARGET_LABELS: Labels<TargetKind> = W.target;

/** Targets as the object of a sentence ("aimed at the general public" / "visant le grand public"). */
export const TARGET_OBJECT: Labels<TargetKind> = W.targetObject;

/** The channels the sample and the form use, by id; any other id is shown as recorded. */
const CHANNEL_LABELS: Record<string, LocalizedText> = W.channel;

export function channelLabel(id: string, lang: DraftLang): string {
  return CHANNEL_LABELS[id.toLowerCase()]?.[lang] ?? id;
}

export const COMMUNICATION_PURPOSE_LABELS: Labels<CommunicationPurpose> = W.communicationPurpose;

/** Breakout Scale (Nimmo, 2020) categories. */
export const BREAKOUT_LABELS: Record<number, LocalizedText> = W.breakout;

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

export const MARKING_LABELS: Record<Marking, LocalizedText> = W.marking;

export function classificationLabel(c: Classification, lang: DraftLang): string {
  return MARKING_LABELS[c][lang];
}

/** Score and level in a sentence, in numbers that read the same in both languages. */
export function levelLabel(a: Pick<AssessmentResult, 'level'>, lang: DraftLang): string {
  return LEVEL_LABELS[a.level][lang];
}
