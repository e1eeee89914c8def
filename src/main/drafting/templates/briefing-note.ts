// Internal briefing note: the key facts first, then the purpose and the ABCDE shape (Actor, Behaviour,
// Content, Degree, Effect; Pamment 2020), the assessment with its reasons, the recommendation and the decision
// sought. It may quote classified notes, each in its own language; it then carries the highest classification
// quoted, and it is never marked for release. The false claim is quoted once, in "Content": a summary that
// repeats it is replaced by what was observed, from the record's fields.
import { changeText, factorReason, say } from '../../../shared/i18n/explain';
import { translatorFor } from '../../../shared/i18n/message-text';
import type { AssessmentResult, Counterfactual } from '../../../shared/domain/assessment';
import type { DraftLang, DraftSection, LocalizedText, Marking } from '../../../shared/domain/drafting';
import {
  classificationRank,
  type Actor,
  type Classification,
  type Confidence,
  type Trend,
} from '../../../shared/domain/enums';
import type { Threat } from '../../../shared/domain/workspace';
import { capitalize } from '../plan/role-labels';
import { buildClaimIndex, claimOccurrences } from '../text/claim-occurrences';
import { formatDate } from '../text/dates';
import { agree, withArticleFr, withoutArticleFr } from '../text/french-grammar';
import { toComplete } from '../text/placeholders';
import type { TemplateContext } from './context';
import { assessmentReasonsFr } from './explanation-fr';
import { sourceLanguage, threatFacts, threatText } from './free-text';
import {
  ACTOR_LABELS,
  COMMUNICATION_PURPOSE_LABELS,
  CONFIDENCE_LABELS,
  LEVEL_LABELS,
  MARKING_LABELS,
  PURPOSE_LABELS,
  TARGET_LABELS,
  TREND_LABELS,
  TYPE_LABELS,
  breakoutLabel,
} from './labels';
import { observedText } from './observed';
import { quote } from './sentences';
import { DOCUMENT_LABELS } from '../../documents/labels';

/** French names of the default policy's factors and gates; an organisation's own keep the label it gave them. */
export const FR_NAMES: Record<string, string> = {
  harm: 'Préjudice au processus électoral',
  reach: 'Portée et tendance',
  foreign: 'Implication étrangère',
  timing: 'Proximité du jour du scrutin',
  'national-security': 'Sécurité nationale ou alliés',
  'debunked-by-partner': 'Déjà réfuté par un partenaire',
  'investigation-sensitive': 'Nuirait à une enquête',
  pattern: 'Ensemble de menaces liées',
  'domestic-political-debate': 'Débat politique national',
  'contained-item': 'Contenu circonscrit (ne pas amplifier)',
  'low-confidence-attribution': 'Attribution à faible degré de confiance',
};

/** A gate's name after a colon: French takes a small letter there (a name of our own is left as written). */
function gateNameFr(id: string, label: string): string {
  const known = FR_NAMES[id];
  return known ? known.charAt(0).toLowerCase() + known.slice(1) : label;
}

const H = DOCUMENT_LABELS.briefingNoteHeadings satisfies Record<string, LocalizedText>;

const num = (n: number, lang: DraftLang) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA').format(n);
const signed = (n: number, lang: DraftLang) => (n > 0 ? '+' : '') + num(n, lang);

function perThreat(ctx: TemplateContext, lang: DraftLang, line: (t: Threat) => string): string {
  return ctx.threats
    .map((t) => (ctx.threats.length > 1 ? `${t.id}${lang === 'fr' ? ' :' : ':'} ${line(t)}` : line(t)))
    .join('\n');
}

/** The counterfactual's change in French, from its field and values (the engine writes its sentence in English). */
function counterfactualFr(c: Counterfactual): string {
  const value = (v: Counterfactual['from']): string => {
    if (v === null) return 'aucune valeur';
    const s = String(v);
    if (s === 'true') return 'oui';
    if (s === 'false') return 'non';
    return (
      CONFIDENCE_LABELS[s as Confidence]?.fr ??
      ACTOR_LABELS[s as Actor]?.fr ??
      TREND_LABELS[s as Trend]?.fr ??
      (typeof v === 'number' ? num(v, 'fr') : s)
    );
  };
  const fields: Record<string, string> = {
    daysToPollingDay: 'le nombre de jours avant le scrutin',
    'source.confidence': 'le degré de confiance de l’attribution',
    'source.actor': 'l’acteur',
    'reach.breakout': 'la catégorie Breakout',
    'reach.trend': 'la tendance',
    'reach.estimatedAudience': 'l’auditoire estimé',
    'context.debunkedByPartner': 'le critère « déjà réfuté par un partenaire »',
    'context.investigationSensitive': 'le critère « nuirait à une enquête »',
    'context.nationalSecurityImplications': 'le critère « sécurité nationale ou alliés »',
  };
  return `Si ${fields[c.field] ?? c.field} passait de ${value(c.from)} à ${value(c.to)}`;
}

function assessmentText(ctx: TemplateContext, a: AssessmentResult, lang: DraftLang): string {
  const fr = lang === 'fr';
  const english = translatorFor('en');
  const name = (id: string, label: string) => (fr ? (FR_NAMES[id] ?? label) : label);
  const reasonsFr = fr ? assessmentReasonsFr(a, ctx.threats) : undefined;
  const lines = [
    fr
      ? `Note : ${num(a.score, lang)} sur 100. Niveau : ${LEVEL_LABELS[a.level].fr.toLowerCase()}. Écart par rapport au seuil d’intervention publique : ${signed(a.margins.speakPublicly, lang)}; par rapport au seuil d’intervention privée : ${signed(a.margins.engagePrivately, lang)}.`
      : `Score: ${num(a.score, lang)} of 100. Level: ${LEVEL_LABELS[a.level].en}. Margin to the threshold to speak publicly: ${signed(a.margins.speakPublicly, lang)}; to engage privately: ${signed(a.margins.engagePrivately, lang)}.`,
    ...a.factors.map((f) =>
      fr
        ? `${name(f.id, f.label)} : ${num(f.points, lang)} sur ${num(f.weight, lang)} points. ${reasonsFr?.factors.get(f.id) ?? ''}`.trim()
        : `${f.label}: ${num(f.points, lang)} of ${num(f.weight, lang)} points. ${factorReason(english, f)}`.trim(),
    ),
    ...(a.mitigations ?? []).map((m) =>
      fr
        ? `${name(m.id, m.label)} : moins ${num(m.points, lang)} points. ${reasonsFr?.mitigations.get(m.id) ?? ''}`.trim()
        : `${m.label}: minus ${num(m.points, lang)} points. ${say(english, m.reason)}`.trim(),
    ),
    ...a.gates
      .filter((g) => g.applied)
      .map((g) =>
        fr
          ? `Règle appliquée : ${gateNameFr(g.id, g.label)}. ${reasonsFr?.gates.get(g.id) ?? ''}`.trim()
          : `Gate applied: ${g.label}. ${say(english, g.reason)}`.trim(),
      ),
    ...a.counterfactuals.map((c) =>
      fr
        ? `${counterfactualFr(c)}, le niveau serait : ${LEVEL_LABELS[c.level].fr.toLowerCase()} (note ${num(c.score, lang)}).`
        : `${capitalize(changeText(english, c))}, the level would be ${LEVEL_LABELS[c.level].en.toLowerCase()} (score ${num(c.score, lang)}).`,
    ),
  ];
  return lines.join('\n');
}

/** The analyst's summary, unless it repeats the false claim (then what was observed, from the fields). */
function summaryOf(ctx: TemplateContext, t: Threat, lang: DraftLang): string {
  const summary = ctx.text(t, 'summary', lang);
  const claims = (['en', 'fr'] as const)
    .map((l) => threatText(t, 'falseClaim', l))
    .filter((c): c is string => c !== undefined);
  const facts = (['en', 'fr'] as const).flatMap((l) => threatFacts(t, l));
  const repeats =
    summary !== undefined && claimOccurrences(summary, buildClaimIndex(claims, facts)).length > 0;
  return summary !== undefined && !repeats ? summary : observedText(ctx, t, lang);
}

function actorLine(ctx: TemplateContext, t: Threat, lang: DraftLang): string {
  const name = ctx.actor(t, lang);
  const kind = capitalize(ACTOR_LABELS[t.source.actor][lang]);
  if (lang === 'fr') {
    const who = name ? `${kind} : ${withoutArticleFr(withArticleFr(name))}` : kind;
    return `${who}. Degré de confiance de l’attribution : ${CONFIDENCE_LABELS[t.source.confidence].fr}.`;
  }
  return `${name ? `${kind}: ${name}` : kind}. Attribution confidence: ${CONFIDENCE_LABELS[t.source.confidence].en}.`;
}

export function briefingNote(
  ctx: TemplateContext,
  lang: DraftLang,
): { title: string; sections: DraftSection[]; classification: Marking } {
  const fr = lang === 'fr';
  const { plan, assessment } = ctx;
  const titles = ctx.threats.map((t) => ctx.text(t, 'title', lang) ?? t.id);
  // The document's subtitle says it is a briefing note; the title says what about.
  const title = titles.join(' / ');
  const notes =
    ctx.includeClassified === false
      ? []
      : ctx.threats.flatMap((t) =>
          (t.classifiedNotes ?? []).map((n) => ({
            ...n,
            lang: noteLanguage(n.language, t),
          })),
        );
  const highest = notes.reduce<Classification | undefined>(
    (h, n) =>
      h === undefined || classificationRank(n.classification) > classificationRank(h) ? n.classification : h,
    undefined,
  );
  const facts = ctx.threats.flatMap((t) => ctx.facts(t, lang));
  const sections: DraftSection[] = [
    {
      id: 'facts',
      kind: 'fact',
      heading: H.facts[lang],
      text: (facts.length > 0 ? facts : [toComplete('threat.facts', lang)]).join('\n'),
    },
    {
      id: 'purpose',
      kind: 'body',
      heading: H.purpose[lang],
      text: fr
        ? `Informer la direction de l’activité décrite ci-dessous et obtenir une décision sur la réponse recommandée (${LEVEL_LABELS[assessment.level].fr.toLowerCase()}).`
        : `To inform senior officials of the activity described below and to seek a decision on the recommended response (${LEVEL_LABELS[assessment.level].en.toLowerCase()}).`,
    },
    {
      id: 'summary',
      kind: 'context',
      heading: H.summary[lang],
      text: perThreat(ctx, lang, (t) => summaryOf(ctx, t, lang)),
    },
    {
      id: 'actor',
      kind: 'body',
      heading: H.actor[lang],
      text: perThreat(ctx, lang, (t) => actorLine(ctx, t, lang)),
    },
    {
      id: 'behaviour',
      kind: 'body',
      heading: H.behaviour[lang],
      text: perThreat(ctx, lang, (t) => {
        const seen = formatDate(t.time.firstSeen.slice(0, 10), lang);
        const last = t.time.lastSeen ? formatDate(t.time.lastSeen.slice(0, 10), lang) : undefined;
        const disarm = t.disarmTechniques?.length ? ` DISARM : ${t.disarmTechniques.join(', ')}.` : '';
        const type = TYPE_LABELS[t.type];
        return fr
          ? `${capitalize(type.fr)}, ${agree('observé', type.agreement)} pour la première fois le ${seen}${last ? ` et pour la dernière fois le ${last}` : ''}.${disarm}`
          : `${capitalize(type.en)}, first seen on ${seen}${last ? ` and last seen on ${last}` : ''}.${disarm.replace(' :', ':')}`;
      }),
    },
    {
      id: 'content',
      kind: 'falsehood',
      heading: H.content[lang],
      text: perThreat(ctx, lang, (t) => {
        const claim = ctx.text(t, 'falseClaim', lang);
        if (claim)
          return fr
            ? `Fausse affirmation, que les faits ci-dessus contredisent : ${quote(claim, lang)}`
            : `False claim, which the facts above contradict: ${quote(claim, lang)}`;
        return fr ? 'Aucune fausse affirmation n’est consignée.' : 'No false claim is recorded.';
      }),
    },
    {
      id: 'degree',
      kind: 'body',
      heading: H.degree[lang],
      text: perThreat(ctx, lang, (t) => {
        const b = t.reach.breakout;
        const regions = ctx.regions(t, lang);
        const parts = [
          fr
            ? `Catégorie ${b} de l’échelle Breakout (${breakoutLabel(b, 'fr')}).`
            : `Breakout Scale category ${b} (${breakoutLabel(b, 'en')}).`,
          t.reach.estimatedAudience !== undefined
            ? fr
              ? `Auditoire estimé : ${num(t.reach.estimatedAudience, lang)}.`
              : `Estimated audience: ${num(t.reach.estimatedAudience, lang)}.`
            : '',
          t.reach.trend
            ? fr
              ? `Tendance : ${TREND_LABELS[t.reach.trend].fr}.`
              : `Trend: ${TREND_LABELS[t.reach.trend].en}.`
            : '',
          regions.length ? `${fr ? 'Régions :' : 'Regions:'} ${regions.join(', ')}.` : '',
        ];
        return parts.filter((p) => p !== '').join(' ');
      }),
    },
    {
      id: 'effect',
      kind: 'body',
      heading: H.effect[lang],
      text: perThreat(ctx, lang, (t) =>
        fr
          ? `But apparent : ${PURPOSE_LABELS[t.purpose].fr}. Cible : ${TARGET_LABELS[t.target.kind].fr}.`
          : `Apparent purpose: ${PURPOSE_LABELS[t.purpose].en}. Target: ${TARGET_LABELS[t.target.kind].en}.`,
      ),
    },
    {
      id: 'assessment',
      kind: 'assessment',
      heading: H.assessment[lang],
      text: assessmentText(ctx, assessment, lang),
    },
    {
      id: 'recommendation',
      kind: 'recommendation',
      heading: H.recommendation[lang],
      text: [
        fr
          ? `${LEVEL_LABELS[assessment.level].fr}. Objectif de la communication : ${COMMUNICATION_PURPOSE_LABELS[plan.purpose].fr}.`
          : `${LEVEL_LABELS[assessment.level].en}. Purpose of the communication: ${COMMUNICATION_PURPOSE_LABELS[plan.purpose].en}.`,
        fr ? `Porte-parole : ${plan.spokesperson.label.fr}.` : `Spokesperson: ${plan.spokesperson.label.en}.`,
        plan.partners.length
          ? `${fr ? 'Partenaires à mobiliser :' : 'Partners to engage:'} ${plan.partners.map((p) => p.label[lang]).join(', ')}.`
          : '',
        `${fr ? 'Moment de la diffusion :' : 'When to release:'} ${plan.timing.text[lang].replace(/\s?:\s/, ' — ')}`,
        plan.attributionMayBeStated
          ? fr
            ? 'L’attribution peut être communiquée publiquement.'
            : 'Attribution may be stated publicly.'
          : fr
            ? 'L’attribution ne doit pas être communiquée publiquement.'
            : 'Attribution must not be stated publicly.',
      ]
        .filter((s) => s !== '')
        .join('\n'),
    },
  ];
  notes.forEach((n, i) =>
    sections.push({
      id: `classified-${i + 1}`,
      kind: 'classified',
      ...(i === 0 ? { heading: H.classified[lang] } : {}),
      text: `(${MARKING_LABELS[n.classification][lang]}) ${n.text}`,
      ...(n.lang !== lang ? { sourceLang: n.lang } : {}),
    }),
  );
  sections.push({
    id: 'decision',
    kind: 'body',
    heading: H.decision[lang],
    text: fr
      ? 'Approuver, modifier ou rejeter la réponse recommandée, et consigner la décision.'
      : 'Approve, amend or reject the recommended response, and record the decision.',
  });
  return {
    title,
    sections: sections.filter((s) => s.text.trim() !== ''),
    classification: highest ?? 'UNCLASSIFIED',
  };
}

/** The language a classified note is written in: its own tag, else its threat's. */
function noteLanguage(tag: string | undefined, threat: Threat): DraftLang {
  if (typeof tag === 'string' && tag.trim() !== '') return tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  return sourceLanguage(threat);
}
