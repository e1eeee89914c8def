// The report's words in each language (en, fr), with French typography (non-breaking spaces before
// « : », decimal commas, narrow spaces in numbers).
import type { ReportLang } from './model';

type L = Record<ReportLang, string>;

export const NNBSP = '\u202F';
export const NBSP = '\u00A0';

export const R = {
  title: { en: 'After-action report', fr: 'Rapport après action' },
  contents: { en: 'Contents', fr: 'Table des matières' },
  prepared: { en: 'Prepared on', fr: 'Préparé le' },
  by: { en: 'by', fr: 'par' },
  pollingDay: { en: 'Polling day', fr: 'Jour du scrutin' },
  markingWhyPlain: {
    en: 'This report contains no classified information: classified notes are left out.',
    fr: 'Ce rapport ne contient aucun renseignement classifié : les notes classifiées en sont exclues.',
  },
  markingWhyAnnex: {
    en: (m: string) =>
      `This report has a classified annex; the whole document is marked ${m}, the highest level the annex cites.`,
    fr: (m: string) =>
      `Ce rapport comporte une annexe classifiée ; tout le document est marqué ${m}, le niveau le plus élevé qu’elle cite.`,
  },
  internal: { en: 'FOR THE POST-ELECTION REVIEW', fr: 'POUR L’EXAMEN POSTÉLECTORAL' },
  s1: { en: '1. Summary', fr: '1. Sommaire' },
  s1intro: {
    en: (n: number) => `${n} threats were recorded for this election, by level, purpose, type and target:`,
    fr: (n: number) =>
      `${n} menaces ont été consignées pour cette élection, par niveau, objectif, type et cible :`,
  },
  s1none: {
    en: 'No threat was recorded for this election.',
    fr: 'Aucune menace n’a été consignée pour cette élection.',
  },
  byLevel: { en: 'By level', fr: 'Par niveau' },
  byPurpose: { en: 'By purpose', fr: 'Par objectif' },
  byType: { en: 'By type', fr: 'Par type' },
  byTarget: { en: 'By target', fr: 'Par cible' },
  critical: { en: 'The critical window', fr: 'La période critique' },
  criticalText: {
    en: (from: string, to: string, n: number, high: number) =>
      `From ${from} to ${to} (the critical window and the count), ${n} threats were first seen; ${high} of them at engage-privately or above.`,
    fr: (from: string, to: string, n: number, high: number) =>
      `Du ${from} au ${to} (la période critique et le dépouillement), ${n} menaces ont été observées pour la première fois, dont ${high} au niveau « intervenir en privé » ou au-dessus.`,
  },
  count: { en: 'Threats', fr: 'Menaces' },
  share: { en: 'Share', fr: 'Part' },
  s2: { en: '2. Timeline of threats and decisions', fr: '2. Chronologie des menaces et des décisions' },
  s2intro: {
    en: 'Every threat at engage-privately or above, or with a decision recorded, in the order first seen: the decision taken, who decided, and the policy version in force.',
    fr: 'Chaque menace au niveau « intervenir en privé » ou au-dessus, ou ayant fait l’objet d’une décision, dans l’ordre d’observation : la décision prise, qui l’a prise et la version de la politique en vigueur.',
  },
  s2none: {
    en: 'No threat reached engage-privately and no decision was recorded.',
    fr: 'Aucune menace n’a atteint le niveau « intervenir en privé » et aucune décision n’a été consignée.',
  },
  colThreat: { en: 'Threat', fr: 'Menace' },
  colFirstSeen: { en: 'First seen', fr: 'Observée le' },
  colLevel: { en: 'Level now', fr: 'Niveau actuel' },
  colDecision: { en: 'Decision', fr: 'Décision' },
  colWho: { en: 'Decided by', fr: 'Décidée par' },
  colPolicy: { en: 'Policy', fr: 'Politique' },
  rationale: { en: 'Rationale', fr: 'Justification' },
  noDecision: { en: 'no decision recorded', fr: 'aucune décision consignée' },
  noRationale: {
    en: '(none given: the decision followed the recommendation)',
    fr: '(aucune : la décision a suivi la recommandation)',
  },
  cluster: {
    en: (ids: string) => `as one cluster with ${ids}`,
    fr: (ids: string) => `en grappe avec ${ids}`,
  },
  version: { en: 'version', fr: 'version' },
  s3: { en: '3. Statements issued', fr: '3. Déclarations publiées' },
  s3none: {
    en: 'No statement was approved for release.',
    fr: 'Aucune déclaration n’a été approuvée pour diffusion.',
  },
  released: {
    en: (d: string, ids: string) => `Approved for release on ${d}. About: ${ids}.`,
    fr: (d: string, ids: string) => `Approuvée pour diffusion le ${d}. Objet : ${ids}.`,
  },
  otherLanguage: { en: '(text in French only)', fr: '(texte en anglais seulement)' },
  s4: { en: '4. Outcomes', fr: '4. Résultats' },
  s4intro: {
    en: (n: number) =>
      `${n} threats got a response (a decision, a statement approved for release, partners notified, or marked responded).`,
    fr: (n: number) =>
      `${n} menaces ont fait l’objet d’une intervention (une décision, une déclaration approuvée, des partenaires avisés ou la mention « intervention faite »).`,
  },
  figure: { en: 'Figure', fr: 'Indicateur' },
  toDecision: { en: 'From first seen to decision', fr: 'De la première observation à la décision' },
  toRelease: { en: 'From decision to release', fr: 'De la décision à la diffusion' },
  medianSpread: {
    en: (m: string, lo: string, hi: string, n: number) =>
      `median ${m} (middle half ${lo} to ${hi}; ${n} cases)`,
    fr: (m: string, lo: string, hi: string, n: number) =>
      `médiane ${m} (moitié centrale de ${lo} à ${hi} ; ${n} cas)`,
  },
  noCases: { en: 'no case to measure', fr: 'aucun cas à mesurer' },
  reachFell: { en: 'Reach fell after the response', fr: 'Portée en baisse après l’intervention' },
  reachNot: { en: 'Reach did not fall', fr: 'Portée sans baisse' },
  reachUnknown: { en: 'No outcome recorded yet', fr: 'Aucun résultat consigné' },
  overdue: {
    en: (n: number, d: number) => `Responses with no outcome after ${d} days: ${n}`,
    fr: (n: number, d: number) => `Interventions sans résultat après ${d} jours : ${n}`,
  },
  chartOverTime: { en: 'Threats first seen over time', fr: 'Menaces observées au fil du temps' },
  chartLevels: { en: 'Threats by level', fr: 'Menaces par niveau' },
  chartReach: {
    en: 'Reach before and after a response (Breakout category)',
    fr: 'Portée avant et après l’intervention (catégorie Breakout)',
  },
  before: { en: 'Before (as recorded)', fr: 'Avant (telle que consignée)' },
  after: { en: 'After (latest observation)', fr: 'Après (dernière observation)' },
  breakoutAxis: { en: 'Breakout category', fr: 'Catégorie Breakout' },
  threatsAxis: { en: 'Threats', fr: 'Menaces' },
  polling: { en: 'Polling day', fr: 'Jour du scrutin' },
  altOverTime: {
    en: (n: number) => `Bar chart of the ${n} threats by the day or week first seen, polling day marked.`,
    fr: (n: number) =>
      `Diagramme à barres des ${n} menaces selon le jour ou la semaine d’observation, jour du scrutin marqué.`,
  },
  altLevels: { en: 'Bar chart of threats by level.', fr: 'Diagramme à barres des menaces par niveau.' },
  altReach: {
    en: 'Paired bars: each responded threat’s Breakout category before the response and at the latest observation.',
    fr: 'Barres jumelées : catégorie Breakout de chaque menace avant l’intervention et à la dernière observation.',
  },
  observations: { en: 'Observations', fr: 'Observations' },
  obsColumns: {
    en: ['Threat', 'Date', 'Reach then', 'Still spreading', 'Platforms', 'Media pick-up'],
    fr: ['Menace', 'Date', 'Portée alors', 'Se propage encore', 'Plateformes', 'Reprise médiatique'],
  },
  value: { en: 'Value', fr: 'Valeur' },
  noObservations: {
    en: 'No outcome observation was recorded.',
    fr: 'Aucune observation de résultat n’a été consignée.',
  },
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  s5: {
    en: '5. Where the decision differed from the recommendation',
    fr: '5. Décisions différentes de la recommandation',
  },
  s5intro: {
    en: 'The cases a review panel asks about: the people decided otherwise than the policy recommended, and said why.',
    fr: 'Les cas sur lesquels un comité d’examen s’interroge : les personnes ont décidé autrement que la politique ne le recommandait, et ont dit pourquoi.',
  },
  s5none: {
    en: 'Every decision followed the recommendation.',
    fr: 'Toutes les décisions ont suivi la recommandation.',
  },
  colRecommended: { en: 'Recommended', fr: 'Recommandé' },
  colDecided: { en: 'Decided', fr: 'Décidé' },
  s6: {
    en: '6. Policy changes during the election',
    fr: '6. Modifications de la politique pendant l’élection',
  },
  s6none: {
    en: (from: string, to: string) => `The intervention policy was not changed from ${from} to ${to}.`,
    fr: (from: string, to: string) => `La politique d’intervention n’a pas été modifiée du ${from} au ${to}.`,
  },
  colVersion: { en: 'Version', fr: 'Version' },
  colDate: { en: 'Date', fr: 'Date' },
  colChangedBy: { en: 'Changed by', fr: 'Modifiée par' },
  colWhat: { en: 'What changed', fr: 'Ce qui a changé' },
  colNote: { en: 'Note', fr: 'Note' },
  annex: { en: 'Classified annex', fr: 'Annexe classifiée' },
  annexIntro: {
    en: (m: string) =>
      `The classified notes of the election’s threats. Marked ${m}: the highest level cited here.`,
    fr: (m: string) =>
      `Les notes classifiées des menaces de l’élection. Marquée ${m} : le niveau le plus élevé cité ici.`,
  },
  annexNone: {
    en: 'No threat of this election has a classified note.',
    fr: 'Aucune menace de cette élection n’a de note classifiée.',
  },
  page: { en: ['Page ', ' of '], fr: ['Page ', ' de '] },
  unassessed: { en: 'Not assessed', fr: 'Non évaluée' },
  statusLabels: {
    new: { en: 'new', fr: 'nouvelle' },
    monitoring: { en: 'monitoring', fr: 'sous surveillance' },
    assessed: { en: 'assessed', fr: 'évaluée' },
    responded: { en: 'responded', fr: 'intervention faite' },
    closed: { en: 'closed', fr: 'close' },
  } as Record<string, L>,
  platformActions: {
    labelled: { en: 'labelled', fr: 'étiquetée' },
    reduced: { en: 'reduced', fr: 'diffusion réduite' },
    removed: { en: 'removed', fr: 'retirée' },
    none: { en: 'none', fr: 'aucune' },
  } as Record<string, L>,
  media: {
    none: { en: 'none', fr: 'aucune' },
    some: { en: 'some', fr: 'partielle' },
    wide: { en: 'wide', fr: 'large' },
  } as Record<string, L>,
  trends: {
    growing: { en: 'rising', fr: 'en hausse' },
    stable: { en: 'steady', fr: 'stable' },
    declining: { en: 'declining', fr: 'en baisse' },
  } as Record<string, L>,
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
