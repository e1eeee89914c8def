// Pre-election readiness: the gaps in the partner directory that would hurt on polling day.
// A pure function over the partners and what the threat log says is in use.
import type { Partner, ReadinessGap } from '../../shared/domain/partners';

export interface UsageCount {
  name: string;
  threats: number;
}

export interface ReadinessInput {
  /** Live partners with the date they were last contacted (YYYY-MM-DD) or null. */
  partners: readonly { partner: Partner; lastContacted: string | null }[];
  /** Channels and regions of the election's live threats, with how many threats use each. */
  channels: readonly UsageCount[];
  regions: readonly UsageCount[];
  pollingDay: string | null;
  /** YYYY-MM-DD */
  asOf: string;
  staleDays: number;
}

const DAY = 86_400_000;
const toDay = (d: string): number => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / DAY;
const fromDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const fold = (s: string): string => s.normalize('NFKC').trim().toLocaleLowerCase('en');

/** The day before which a contact no longer counts: min(as of, polling day) − staleDays. */
export function staleBefore(asOf: string, pollingDay: string | null, staleDays: number): string {
  const reference = pollingDay && pollingDay < asOf ? pollingDay : asOf;
  return fromDay(toDay(reference) - staleDays);
}

export function lastContactDate(partner: Partner): string | null {
  let last: string | null = null;
  for (const c of partner.contactLog ?? []) if (last === null || c.date > last) last = c.date;
  return last;
}

export function readinessGaps(input: ReadinessInput): ReadinessGap[] {
  const reachable = input.partners.filter((p) => p.partner.roles.length > 0).map((p) => p.partner);
  const handled = new Set(reachable.flatMap((p) => (p.handles ?? []).map(fold)));
  const covered = new Set(reachable.flatMap((p) => (p.regions ?? []).map(fold)));
  const byThreats = (a: UsageCount, b: UsageCount) =>
    b.threats - a.threats || a.name.localeCompare(b.name, 'en');

  const gaps: ReadinessGap[] = [];
  for (const c of [...input.channels].sort(byThreats)) {
    if (c.threats > 0 && !handled.has(fold(c.name)))
      gaps.push({ kind: 'channel-without-partner', channel: c.name, threats: c.threats });
  }
  for (const r of [...input.regions].sort(byThreats)) {
    if (r.threats > 0 && !covered.has(fold(r.name)))
      gaps.push({ kind: 'region-without-partner', region: r.name, threats: r.threats });
  }
  for (const { partner } of input.partners) {
    if (partner.roles.length === 0)
      gaps.push({ kind: 'partner-without-contacts', partnerId: partner.id, partnerName: partner.name });
  }
  for (const { partner } of input.partners) {
    for (const role of partner.roles) {
      if (!role.backup)
        gaps.push({
          kind: 'role-without-backup',
          partnerId: partner.id,
          partnerName: partner.name,
          role: role.role,
        });
    }
  }
  const cutoff = staleBefore(input.asOf, input.pollingDay, input.staleDays);
  for (const { partner, lastContacted } of input.partners) {
    if (lastContacted === null || lastContacted < cutoff) {
      gaps.push({
        kind: 'stale-relationship',
        partnerId: partner.id,
        partnerName: partner.name,
        lastContacted,
        daysSince: lastContacted === null ? null : toDay(input.asOf) - toDay(lastContacted),
      });
    }
  }
  return gaps;
}
