// The report's words in each language (en, fr), with French typography (non-breaking spaces before
// « : », decimal commas, narrow spaces in numbers).
import { DOCUMENT_LABELS } from '../documents/labels';
import type { ReportLang } from './model';

const W = DOCUMENT_LABELS.report;

type L = Record<ReportLang, string>;

export const NNBSP = '\u202F';
export const NBSP = '\u00A0';

export const R = {
  ...W,
  markingWhyAnnex: {
    en: (m: string) =>
      `This report has a classified annex; the whole document is marked ${m}, the highest level the annex cites.`,
    fr: (m: string) =>
      `Ce rapport comporte une annexe classifiée ; tout le document est marqué ${m}, le niveau le plus élevé qu’elle cite.`,
  },
  s1intro: {
    en: (n: number) => `${n} threats were recorded for this election, by level, purpose, type and target:`,
    fr: (n: number) =>
      `${n} menaces ont été consignées pour cette élection, par niveau, objectif, type et cible :`,
  },
  criticalText: {
    en: (from: string, to: string, n: number, high: number) =>
      `From ${from} to ${to} (the critical window and the count), ${n} threats were first seen; ${high} of them at engage-privately or above.`,
    fr: (from: string, to: string, n: number, high: number) =>
      `Du ${from} au ${to} (la période critique et le dépouillement), ${n} menaces ont été observées pour la première fois, dont ${high} au niveau « intervenir en privé » ou au-dessus.`,
  },
  cluster: {
    en: (ids: string) => `as one cluster with ${ids}`,
    fr: (ids: string) => `en grappe avec ${ids}`,
  },
  released: {
    en: (d: string, ids: string) => `Approved for release on ${d}. About: ${ids}.`,
    fr: (d: string, ids: string) => `Approuvée pour diffusion le ${d}. Objet : ${ids}.`,
  },
  s4intro: {
    en: (n: number) =>
      `${n} threats got a response (a decision, a statement approved for release, partners notified, or marked responded).`,
    fr: (n: number) =>
      `${n} menaces ont fait l’objet d’une intervention (une décision, une déclaration approuvée, des partenaires avisés ou la mention « intervention faite »).`,
  },
  medianSpread: {
    en: (m: string, lo: string, hi: string, n: number) =>
      `median ${m} (middle half ${lo} to ${hi}; ${n} cases)`,
    fr: (m: string, lo: string, hi: string, n: number) =>
      `médiane ${m} (moitié centrale de ${lo} à ${hi} ; ${n} cas)`,
  },
  overdue: {
    en: (n: number, d: number) => `Responses with no outcome after ${d} days: ${n}`,
    fr: (n: number, d: number) => `Interventions sans résultat après ${d} jours : ${n}`,
  },
  altOverTime: {
    en: (n: number) => `Bar chart of the ${n} threats by the day or week first seen, polling day marked.`,
    fr: (n: number) =>
      `Diagramme à barres des ${n} menaces selon le jour ou la semaine d’observation, jour du scrutin marqué.`,
  },
  s6none: {
    en: (from: string, to: string) => `The intervention policy was not changed from ${from} to ${to}.`,
    fr: (from: string, to: string) => `La politique d’intervention n’a pas été modifiée du ${from} au ${to}.`,
  },
  annexIntro: {
    en: (m: string) =>
      `The classified notes of the election’s threats. Marked ${m}: the highest level cited here.`,
    fr: (m: string) =>
      `Les notes classifiées des menaces de l’élection. Marquée ${m} : le niveau le plus élevé cité ici.`,
  },
  page: W.page as Record<ReportLang, [string, string]>,
  statusLabels: W.statusLabels as Record<string, L>,
  platformActions: W.platformActions as Record<string, L>,
  media: W.media as Record<string, L>,
  trends: W.trends as Record<string, L>,
} as const;

/** A count in the language's style (1,250,000 / 1 250 000). */
export function num(n: number, lang: ReportLang, digits = 0): string {
  const s = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);
  return lang === 'fr' ? s.replace(/[\u00A0\u202F ]/g, NNBSP) : s;
}

/** A duration in hours, said in hours under two days, else in days. */
export function duration(hours: number, lang: ReportLang): string {
  if (hours < 48) return `${num(hours, lang, 1)}${NBSP}h`;
  const days = hours / 24;
  return `${num(days, lang, 1)}${NBSP}${lang === 'fr' ? 'jours' : 'days'}`;
}

export function percent(part: number, whole: number, lang: ReportLang): string {
  if (!whole) return '—';
  const p = Math.round((part / whole) * 100);
  return lang === 'fr' ? `${p}${NNBSP}%` : `${p}%`;
}
