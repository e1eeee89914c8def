// Plain-text rendering of an assessment for the terminal: level, score against the thresholds, factor
// points, gates, what would change it, spokesperson and partners.
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { Level } from '../../shared/domain/enums';
import { DateTimeString } from '../../shared/domain/workspace';
import { DEFAULT_POLICY } from '../../main/assessment/default-policy';
import { UsageError } from '../io';
import { counterfactualSentence, factorReason, loweringSentence, say } from '../../shared/i18n/explain';
import { translatorFor } from '../../shared/i18n/message-text';
import type { Translate } from '../../shared/i18n/render-message';

export const LEVEL_TEXT: Record<Level, string> = {
  monitor: 'MONITOR',
  'engage-privately': 'ENGAGE PRIVATELY',
  'speak-publicly': 'SPEAK PUBLICLY',
};

/** The --as-of option: an ISO date-time with a zone, default now. */
export function asOfOption(value: unknown, now: () => Date = () => new Date()): string {
  if (value === undefined) return now().toISOString();
  const parsed = DateTimeString.safeParse(value);
  if (!parsed.success)
    throw new UsageError(
      `--as-of must be a date and time with a time zone, e.g. 2027-05-12T12:00:00Z (got "${String(value)}")`,
    );
  return parsed.data;
}

/** A factor's (or gate's, or mitigation's) name in the language of `t`: the shipped policy's names are
 *  translated; a name the organisation gave its own factor is kept as written. */
function nameOf(
  t: Translate,
  kind: 'factorName' | 'gateName' | 'mitigationName',
  id: string,
  label: string,
): string {
  if (kind === 'factorName' && id !== 'pattern') {
    const shipped = DEFAULT_POLICY.factors.find((f) => f.id === id);
    if (!shipped || shipped.label !== label) return label;
  }
  return t(`engine:${kind}.${id}`, { defaultValue: label });
}

/** The assessment as text, in the language of `t` (English by default). */
export function assessmentText(
  r: AssessmentResult,
  titles: Record<string, string>,
  t: Translate = translatorFor('en'),
): string {
  const levelText = (l: Level) => t(`engine:level.${l}`).toLocaleUpperCase();
  // Numbers as the language writes them (67.1, 67,1), with one decimal.
  const n = (x: number) => t('engine:report.n', { x });
  const lines: string[] = [];
  if (r.cluster) {
    lines.push(t('engine:report.cluster', { count: r.threatIds.length }));
    for (const id of r.threatIds) {
      const alone = r.memberScores?.[id];
      lines.push(
        `  ${id}  ${titles[id] ?? ''}${alone !== undefined ? `  (${t('engine:report.alone', { score: n(alone) })})` : ''}`,
      );
    }
  } else {
    const id = r.threatIds[0] ?? '';
    lines.push(`${id}  ${titles[id] ?? ''}`);
  }
  lines.push('');
  lines.push(
    t('engine:report.level', { level: levelText(r.level) }) +
      (r.levelBeforeGates !== r.level
        ? t('engine:report.gated', { level: levelText(r.levelBeforeGates) })
        : ''),
  );
  lines.push(
    t('engine:report.score', {
      score: n(r.score),
      engage: r.thresholds.engagePrivately,
      speak: r.thresholds.speakPublicly,
    }),
  );
  const margin = (x: number, threshold: string) =>
    t(x >= 0 ? 'engine:report.above' : 'engine:report.below', { points: n(Math.abs(x)), threshold });
  lines.push(
    t('engine:report.margins', {
      engage: margin(r.margins.engagePrivately, t('engine:report.engage')),
      speak: margin(r.margins.speakPublicly, t('engine:report.speak')),
    }),
  );
  lines.push('', t('engine:report.factors'));
  const factorNames = r.factors.map((f) => nameOf(t, 'factorName', f.id, f.label));
  const mitigationNames = (r.mitigations ?? []).map((m) => nameOf(t, 'mitigationName', m.id, m.label));
  const width = Math.max(...factorNames.map((x) => x.length), ...mitigationNames.map((x) => x.length));
  r.factors.forEach((f, i) =>
    lines.push(
      `  ${(factorNames[i] ?? '').padEnd(width)}  ${n(f.points).padStart(5)} / ${String(f.weight).padEnd(3)}  ${factorReason(t, f)}`,
    ),
  );
  (r.mitigations ?? []).forEach((m, i) =>
    lines.push(
      `  ${(mitigationNames[i] ?? '').padEnd(width)}  ${n(-m.points).padStart(5)}        ${say(t, m.reason)}`,
    ),
  );
  lines.push('', t('engine:report.gates'));
  for (const g of r.gates)
    lines.push(
      `  ${t('engine:report.gate', {
        status: t(g.applied ? 'engine:report.applied' : 'engine:report.notApplied'),
        name: nameOf(t, 'gateName', g.id, g.label),
        reason: say(t, g.reason),
      })}`,
    );
  lines.push('', t('engine:report.changes'));
  if (r.counterfactuals.length === 0 && !r.lowering) lines.push(`  ${t('engine:report.none')}`);
  for (const c of r.counterfactuals) lines.push(`  - ${counterfactualSentence(t, c)}`);
  if (r.lowering) {
    lines.push(`  ${t('engine:report.lowerIntro')}`);
    for (const c of r.lowering.single)
      lines.push(
        `  - ${counterfactualSentence(t, c)} ${t('engine:report.scoreAfter', { score: n(c.score) })}`,
      );
    if (r.lowering.together)
      lines.push(
        `  ${t('engine:report.together', { sentence: loweringSentence(t, r.lowering.together) })} ${t('engine:report.scoreAfter', { score: n(r.lowering.together.score) })}`,
      );
  }
  const party = (p: { id: string; name: string }) => t(`engine:party.${p.id}`, { defaultValue: p.name });
  lines.push(
    '',
    t('engine:report.spokesperson', { name: party(r.spokesperson), reason: say(t, r.spokesperson.reason) }),
  );
  if (r.partners.length) {
    lines.push(t('engine:report.partners'));
    for (const p of r.partners) lines.push(`  - ${party(p)} — ${say(t, p.reason)}`);
  }
  lines.push(
    t(r.attributionMayBeStated ? 'engine:report.attributionMay' : 'engine:report.attributionMayNot'),
  );
  const days = r.daysToPollingDay;
  const phase = r.timingPhase ? t(`engine:phase.${r.timingPhase}`, { defaultValue: r.timingPhase }) : '';
  const when =
    days === null || days === undefined
      ? t('engine:report.noCalendar')
      : t(days >= 0 ? 'engine:report.daysBefore' : 'engine:report.daysAfter', {
          count: Math.abs(days),
          phase,
        });
  lines.push(
    '',
    t('engine:report.footer', {
      version: r.policyVersion,
      asOf: r.asOf,
      when,
      versions: Object.entries(r.threatVersions)
        .map(([id, v]) => `${id} v${v}`)
        .join(', '),
    }),
  );
  return lines.join('\n');
}
