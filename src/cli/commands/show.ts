import { type Command, JSON_OPTION } from '../command';
import { unwrap } from '../session';
import { UsageError } from '../io';
import { json } from '../format';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show one threat, whole (classified notes included, under their marking)',
  usage: 'threshold show <id> [--json]',
  options: { ...JSON_OPTION },
  async run({ positionals, values, io, session }) {
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new UsageError('show takes exactly one threat id');
    const detail = await unwrap((await session()).api.threats.get({ id }));
    if (values.json) {
      io.out(json(detail.threat));
      return 0;
    }
    const t = detail.threat;
    const lines = [
      `${t.id}  ${t.title}`,
      `Version ${detail.meta.version}, last ${detail.meta.lastChange} ${detail.meta.updatedAt}${detail.meta.deletedAt ? `  (DELETED ${detail.meta.deletedAt})` : ''}`,
      '',
      `Purpose:  ${t.purpose}`,
      `Type:     ${t.type}`,
      `Target:   ${t.target.kind}${t.target.description ? ` — ${t.target.description}` : ''}`,
      `Time:     ${t.time.firstSeen}${t.time.lastSeen ? ` → ${t.time.lastSeen}` : ''}`,
      `Place:    ${t.place.level}${t.place.regions?.length ? `; ${t.place.regions.join(', ')}` : ''}${t.place.channels?.length ? `; via ${t.place.channels.join(', ')}` : ''}`,
      `Source:   ${t.source.actor}${t.source.name ? ` (${t.source.name})` : ''}, attribution ` +
        `confidence ${t.source.confidence}`,
      `Reach:    Breakout ${t.reach.breakout}${t.reach.estimatedAudience !== undefined ? `, ~${t.reach.estimatedAudience.toLocaleString('en')} people` : ''}${t.reach.trend ? `, ${t.reach.trend}` : ''}`,
      `Status:   ${t.status ?? '—'}   Level: ${detail.meta.level ?? 'not assessed'}`,
      '',
      t.summary,
    ];
    if (t.falseClaim) lines.push('', `False claim: ${t.falseClaim}`);
    if (t.facts?.length) lines.push('', 'Verified facts:', ...t.facts.map((f) => `  - ${f}`));
    if (t.partnerActions?.length)
      lines.push('', 'Partner actions:', ...t.partnerActions.map((f) => `  - ${f}`));
    for (const note of t.classifiedNotes ?? [])
      lines.push('', `//// ${note.classification} ////`, note.text, `//// ${note.classification} ////`);
    io.out(lines.join('\n'));
    return 0;
  },
};
