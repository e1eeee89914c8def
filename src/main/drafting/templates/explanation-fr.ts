// The assessment's reasons in French, for the French briefing note: written from the record and the result
// (the engine writes its own sentences in English), for the default policy's factors, gates and mitigations.
// An organisation's own factors keep their points without a sentence.
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { TimingPhase } from '../../../shared/domain/policy';
import type { Threat } from '../../../shared/domain/workspace';
import { capitalize } from '../plan/role-labels';
import {
  CONFIDENCE_LABELS,
  PURPOSE_LABELS,
  TREND_LABELS,
  TYPE_LABELS,
  audiencePhrase,
  breakoutLabel,
} from './labels';

const ACTOR_FR = {
  'foreign-state': 'un État étranger',
  'foreign-proxy': 'un intermédiaire d’un État étranger',
  domestic: 'un acteur national',
  unknown: 'un acteur inconnu',
} as const;

const PHASE_FR: Record<TimingPhase, string> = {
  'no-election': 'aucune élection n’est précisée, le moment est donc neutre',
  'outside-election-period': 'en dehors de la période électorale',
  'election-period': 'pendant la période électorale, avant la période critique',
  'critical-window': 'pendant la période critique',
  'polling-day': 'le jour du scrutin',
  count: 'pendant le dépouillement, avant la certification des résultats',
  'after-certification': 'après la certification des résultats',
};

const num = (n: number) => new Intl.NumberFormat('fr-CA').format(n);

/** The member the engine explains a cluster's factor by: the one with the most reach. */
function strongest(threats: readonly Threat[]): Threat | undefined {
  return [...threats].sort((a, b) => b.reach.breakout - a.reach.breakout)[0];
}

function factorFr(id: string, a: AssessmentResult, threats: readonly Threat[]): string | undefined {
  const t = strongest(threats);
  if (!t) return undefined;
  switch (id) {
    case 'harm':
      return `But : ${PURPOSE_LABELS[t.purpose].fr}; moyen : ${TYPE_LABELS[t.type].fr}.`;
    case 'reach': {
      const audience = audiencePhrase(t.reach.estimatedAudience, 'fr');
      const trend = t.reach.trend ? `, ${TREND_LABELS[t.reach.trend].fr}` : '';
      return `Catégorie ${t.reach.breakout} de l’échelle Breakout (${breakoutLabel(t.reach.breakout, 'fr')})${trend}${audience}.`;
    }
    case 'foreign':
      return t.source.actor === 'unknown'
        ? 'L’acteur est inconnu : une implication étrangère ne peut donc pas être exclue.'
        : `Attribuée à ${ACTOR_FR[t.source.actor]} avec un degré de confiance ${CONFIDENCE_LABELS[t.source.confidence].fr}.`;
    case 'timing': {
      const d = a.daysToPollingDay;
      const phase = PHASE_FR[(a.timingPhase as TimingPhase | undefined) ?? 'no-election'] ?? '';
      const when =
        d === null || d === undefined || d === 0
          ? ''
          : d > 0
            ? `${num(d)} jour${d === 1 ? '' : 's'} avant le jour du scrutin, `
            : `${num(-d)} jour${d === -1 ? '' : 's'} après le jour du scrutin, `;
      return `${capitalize(`${when}${phase}`)}.`;
    }
    case 'national-security':
      return threats.some((x) => x.context?.nationalSecurityImplications === true)
        ? 'Elle a des incidences sur la sécurité nationale ou sur les alliés.'
        : 'Aucune incidence sur la sécurité nationale ou sur les alliés n’est consignée.';
    case 'pattern':
      return threats.length < 2
        ? 'Une seule menace ne constitue pas un ensemble.'
        : `${threats.length} menaces liées, évaluées ensemble.`;
    default:
      return undefined;
  }
}

function gateFr(id: string, threats: readonly Threat[]): string | undefined {
  switch (id) {
    case 'domestic-political-debate':
      return (
        'Un acteur national vise un candidat ou un parti : le gouvernement n’arbitre pas le ' +
        'débat politique. L’organisme de surveillance des élections, les vérificateurs de ' +
        'faits ou la plateforme répondent.'
      );
    case 'contained-item': {
      const b = Math.max(...threats.map((t) => t.reach.breakout));
      return (
        `Contenu circonscrit (catégorie Breakout ${b}) qui ne trompe pas sur le vote : en ` +
        `parler publiquement pourrait l’amplifier.`
      );
    }
    case 'low-confidence-attribution': {
      const order = ['low', 'moderate', 'high'] as const;
      const lowest = order.find((c) => threats.some((t) => t.source.confidence === c)) ?? 'low';
      return (
        `Le degré de confiance de l’attribution est ${CONFIDENCE_LABELS[lowest].fr} : l’attribution ` +
        `n’est pas communiquée publiquement, mais les faits peuvent l’être.`
      );
    }
    default:
      return undefined;
  }
}

const MITIGATION_FR: Record<string, string> = {
  'debunked-by-partner': 'Un partenaire l’a déjà réfutée, ce qui réduit la nécessité de nous exprimer.',
  'investigation-sensitive': 'S’exprimer pourrait nuire à une enquête en cours.',
};

export function assessmentReasonsFr(
  a: AssessmentResult,
  threats: readonly Threat[],
): { factors: Map<string, string>; gates: Map<string, string>; mitigations: Map<string, string> } {
  const factors = new Map<string, string>();
  for (const f of a.factors) {
    const r = factorFr(f.id, a, threats);
    if (r) factors.set(f.id, r);
  }
  const gates = new Map<string, string>();
  for (const g of a.gates) {
    const r = gateFr(g.id, threats);
    if (r) gates.set(g.id, r);
  }
  const mitigations = new Map<string, string>();
  for (const m of a.mitigations ?? []) {
    const r = MITIGATION_FR[m.id];
    if (r) mitigations.set(m.id, r);
  }
  return { factors, gates, mitigations };
}
