// `threshold partners`: the partner directory from a terminal — the list, pre-election
// readiness, who to notify about threats, and recording a contact.
import { CONTACT_CHANNELS, type ReadinessGap } from '../../shared/domain/partners';
import { AS_OF_OPTION, choice, type Command, flag, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { EXIT, UsageError } from '../io';
import { json, table } from '../format';

const USAGE = [
  'threshold partners [list] [--deleted] [--json]',
  '       threshold partners readiness [--election ID] [--as-of YYYY-MM-DD] [--stale-days N] [--json]',
  '       threshold partners notify <threat-id>... [--json]',
  '       threshold partners contacted <partner-id> [--date YYYY-MM-DD] ' +
    '[--channel phone|secure-line|email] [--note TEXT]',
].join('\n');

function gapLine(g: ReadinessGap): string {
  switch (g.kind) {
    case 'channel-without-partner':
      return `No partner handles ${g.channel} (${g.threats} threat${g.threats === 1 ? '' : 's'}).`;
    case 'region-without-partner':
      return `No partner covers ${g.region} (${g.threats} threat${g.threats === 1 ? '' : 's'}).`;
    case 'role-without-backup':
      return `${g.partnerName}: "${g.role}" has no backup contact.`;
    case 'partner-without-contacts':
      return `${g.partnerName}: no one to contact.`;
    case 'stale-relationship':
      return g.lastContacted
        ? `${g.partnerName}: last contacted ${g.lastContacted} (${g.daysSince} days ago).`
        : `${g.partnerName}: never contacted.`;
  }
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number`);
  return Number(value);
}

export const partnersCommand: Command = {
  name: 'partners',
  summary:
    'The partner directory: list, pre-election readiness, who to notify about threats, record a contact',
  usage: USAGE,
  options: {
    ...JSON_OPTION,
    deleted: { type: 'boolean' },
    election: { type: 'string' },
    ...AS_OF_OPTION,
    'stale-days': { type: 'string' },
    date: { type: 'string' },
    channel: { type: 'string' },
    note: { type: 'string' },
  },
  async run({ positionals, values, io, session }) {
    const [sub = 'list', ...rest] = positionals;
    const s = await session();
    switch (sub) {
      case 'list': {
        if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
        const partners = await unwrap(
          s.api.partners.list({
            deleted: flag(values, 'deleted') || undefined,
          }),
        );
        if (values.json) {
          io.out(json(partners.map((p) => ({ ...p.partner, lastContacted: p.lastContacted }))));
          return EXIT.ok;
        }
        io.out(
          table(
            ['ID', 'KIND', 'NAME', 'ROLES', 'NO BACKUP', 'LAST CONTACT'],
            partners.map((p) => [
              p.partner.id,
              p.partner.kind,
              p.partner.name,
              String(p.partner.roles.length),
              String(p.partner.roles.filter((r) => !r.backup).length),
              p.lastContacted ?? 'never',
            ]),
            [30, 18, 50, 5, 9, 12],
          ),
        );
        io.out(`${partners.length} partner${partners.length === 1 ? '' : 's'}`);
        return EXIT.ok;
      }
      case 'readiness': {
        if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
        const report = await unwrap(
          s.api.partners.readiness({
            electionId: text(values, 'election'),
            asOf: text(values, 'as-of'),
            staleDays: positiveInt(text(values, 'stale-days'), '--stale-days'),
          }),
        );
        if (values.json) {
          io.out(json(report));
          return EXIT.ok;
        }
        io.out(
          `Readiness${report.electionId ? ` for ${report.electionId} (polling day ${report.pollingDay})` : ''} ` +
            `as of ${report.asOf}: ` +
            `${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'} among ${report.partners} partners; ` +
            `contacts before ${report.staleBefore} are stale (${report.staleDays} days).`,
        );
        for (const g of report.gaps) io.out(`  - ${gapLine(g)}`);
        return EXIT.ok;
      }
      case 'notify': {
        if (rest.length === 0) throw new UsageError('notify takes one or more threat ids');
        const result = await unwrap(s.api.partners.forThreats({ ids: rest }));
        if (values.json) {
          io.out(json(result));
          return EXIT.ok;
        }
        if (result.length === 0) io.out('No partner’s rules match these threats.');
        for (const p of result) {
          const why = [
            ...new Set(
              p.reasons.map((r) =>
                r.criteria.length
                  ? r.criteria.map((c) => `${c.field} ${c.value}`).join(' + ')
                  : 'all threats',
              ),
            ),
          ];
          io.out(`${p.name} (${p.kind}) — ${p.threatIds.join(', ')}: ${why.join('; ')}`);
          for (const role of p.roles) {
            const reach = (c: { name: string; phone?: string; secureLine?: string; email?: string }) =>
              [c.name, c.phone, c.secureLine && `secure ${c.secureLine}`, c.email].filter(Boolean).join(', ');
            io.out(
              `    ${role.role}: ${reach(role.primary)}${role.backup ? ` | backup: ${reach(role.backup)}` : ' | no backup'}`,
            );
          }
        }
        return EXIT.ok;
      }
      case 'contacted': {
        const [id, ...extra] = rest;
        if (!id || extra.length) throw new UsageError('contacted takes exactly one partner id');
        const detail = await unwrap(
          s.api.partners.recordContact({
            id,
            date: text(values, 'date') ?? s.ctx.clock().toISOString().slice(0, 10),
            channel: choice(values, 'channel', CONTACT_CHANNELS),
            note: text(values, 'note'),
          }),
        );
        io.out(`Recorded a contact with ${detail.partner.name} on ${detail.lastContacted}.`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown partners subcommand "${sub}"\nUsage: ${USAGE}`);
    }
  },
};
