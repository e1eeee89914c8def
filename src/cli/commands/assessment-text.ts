// Plain-text rendering of an assessment for the terminal: level, score against the thresholds, factor
// points, gates, what would change it, spokesperson and partners.
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { Level } from '../../shared/domain/enums';
import { DateTimeString } from '../../shared/domain/workspace';
import { UsageError } from '../io';
import { counterfactualSentence, factorReason, loweringSentence, say } from '../../shared/i18n/explain';
import { translatorFor } from '../../shared/i18n/message-text';
import type { Translate } from '../../shared/i18n/render-message';

export const LEVEL_TEXT: Record<Level, string> = {
  monitor: 'MONITOR',
  'engage-privately': 'ENGAGE PRIVATELY',
  'speak-publicly': 'SPEAK PUBLICLY',
};

const margin = (n: number, name: string): string =>
  `${Math.abs(n).toFixed(1)} ${n >= 0 ? 'above' : 'below'} ${name}`;

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

/** The assessment as text; reasons and changes in the language of `t` (English by default). */
export function assessmentText(
  r: AssessmentResult,
  titles: Record<string, string>,
  t: Translate = translatorFor('en'),
): string {
  const lines: string[] = [];
  if (r.cluster) {
    lines.push(`Cluster of ${r.threatIds.length} threats`);
    for (const id of r.threatIds)
      lines.push(
        `  ${id}  ${titles[id] ?? ''}${r.memberScores?.[id] !== undefined ? `  (alone: ${r.memberScores[id]!.toFixed(1)})` : ''}`,
      );
  } else {
    const id = r.threatIds[0]!;
    lines.push(`${id}  ${titles[id] ?? ''}`);
  }
  lines.push('');
  lines.push(
    `Level: ${LEVEL_TEXT[r.level]}${r.levelBeforeGates !== r.level ? ` (the score alone would give ${LEVEL_TEXT[r.levelBeforeGates]}; a gate capped it)` : ''}`,
  );
  lines.push(
    `Score: ${r.score.toFixed(1)} of 100 — engage privately at ${r.thresholds.engagePrivately}, speak publicly at ${r.thresholds.speakPublicly}`,
  );
  lines.push(
    `Margins: ${margin(r.margins.engagePrivately, 'engage privately')}, ${margin(r.margins.speakPublicly, 'speak publicly')}`,
  );
  lines.push('', 'Factors (points / most it can add):');
  const width = Math.max(
    ...r.factors.map((f) => f.label.length),
    ...(r.mitigations ?? []).map((m) => m.label.length),
  );
  for (const f of r.factors)
    lines.push(
      `  ${f.label.padEnd(width)}  ${f.points.toFixed(1).padStart(5)} / ${String(f.weight).padEnd(3)}  ${factorReason(t, f)}`,
    );
  for (const m of r.mitigations ?? [])
    lines.push(
      `  ${m.label.padEnd(width)}  ${(-m.points).toFixed(1).padStart(5)}        ${say(t, m.reason)}`,
    );
  lines.push('', 'Gates:');
  for (const g of r.gates)
    lines.push(`  [${g.applied ? 'applied' : 'not applied'}] ${g.label}: ${say(t, g.reason)}`);
  lines.push('', 'What would change it:');
  if (r.counterfactuals.length === 0 && !r.lowering) lines.push('  No single change would move the level.');
  for (const c of r.counterfactuals) lines.push(`  - ${counterfactualSentence(t, c)}`);
  if (r.lowering) {
    lines.push('  No single change would lower the level. What lowers the score most:');
    for (const c of r.lowering.single)
      lines.push(`  - ${counterfactualSentence(t, c)} (score ${c.score.toFixed(1)})`);
    if (r.lowering.together)
      lines.push(
        `  Together: ${loweringSentence(t, r.lowering.together)} (score ${r.lowering.together.score.toFixed(1)})`,
      );
  }
  lines.push('', `Spokesperson: ${r.spokesperson.name} — ${say(t, r.spokesperson.reason)}`);
  if (r.partners.length) {
    lines.push('Partners to engage:');
    for (const p of r.partners) lines.push(`  - ${p.name} — ${say(t, p.reason)}`);
  }
  lines.push(
    `Attribution: ${r.attributionMayBeStated ? 'may be stated publicly' : 'not to be stated publicly'}`,
  );
  const when =
    r.daysToPollingDay === null || r.daysToPollingDay === undefined
      ? 'no election calendar'
      : `${Math.abs(r.daysToPollingDay)} days ${r.daysToPollingDay >= 0 ? 'before' : 'after'} polling day, ${r.timingPhase ?? ''}`;
  lines.push(
    '',
    `Policy version ${r.policyVersion}; as of ${r.asOf} (${when}); threat versions ${Object.entries(
      r.threatVersions,
    )
      .map(([id, v]) => `${id} v${v}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
