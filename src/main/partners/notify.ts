// Who to notify about a threat (or a cluster of threats), and why. A pure function: the
// assessment screen and communication plans call it with the threats in hand.
import type { Threat } from '../../shared/domain/workspace';
import type {
  NotifyCriterion,
  NotifyReason,
  NotifyRule,
  Partner,
  PartnerToNotify,
} from '../../shared/domain/partners';

const fold = (s: string): string => s.normalize('NFKC').trim().toLocaleLowerCase('en');

function intersect(wanted: readonly string[] | undefined, have: readonly string[] | undefined): string[] {
  if (!wanted?.length || !have?.length) return [];
  const set = new Set(wanted.map(fold));
  return have.filter((h) => set.has(fold(h)));
}

/** The criteria a rule matched on a threat, or null when the rule does not match it.
 *  Every criterion the rule sets must match; within a criterion any value matches. */
export function matchRule(rule: NotifyRule, threat: Threat): NotifyCriterion[] | null {
  const matched: NotifyCriterion[] = [];
  if (rule.purposes?.length) {
    if (!rule.purposes.includes(threat.purpose)) return null;
    matched.push({ field: 'purpose', value: threat.purpose });
  }
  if (rule.types?.length) {
    if (!rule.types.includes(threat.type)) return null;
    matched.push({ field: 'type', value: threat.type });
  }
  if (rule.targetKinds?.length) {
    if (!rule.targetKinds.includes(threat.target.kind)) return null;
    matched.push({ field: 'targetKind', value: threat.target.kind });
  }
  if (rule.regions?.length) {
    const regions = intersect(rule.regions, threat.place.regions);
    if (regions.length === 0) return null;
    for (const value of regions) matched.push({ field: 'region', value });
  }
  if (rule.channels?.length) {
    const channels = intersect(rule.channels, threat.place.channels);
    if (channels.length === 0) return null;
    for (const value of channels) matched.push({ field: 'channel', value });
  }
  if (rule.minBreakout !== undefined) {
    if (threat.reach.breakout < rule.minBreakout) return null;
    matched.push({ field: 'breakout', value: threat.reach.breakout });
  }
  return matched;
}

/**
 * The partners to notify about these threats, each with the reasons (which rule matched which
 * threat on what, or which channel they handle). Partners with more threats to hear about come
 * first, then by name. Partners with no roles (no one to call) are still listed: the readiness
 * view flags them.
 */
export function partnersToNotify(
  threats: Threat | readonly Threat[],
  partners: readonly Partner[],
): PartnerToNotify[] {
  const list: readonly Threat[] = Array.isArray(threats) ? threats : [threats as Threat];
  const out: PartnerToNotify[] = [];
  for (const partner of partners) {
    const reasons: NotifyReason[] = [];
    for (const threat of list) {
      (partner.notify ?? []).forEach((rule, ruleIndex) => {
        const criteria = matchRule(rule, threat);
        if (criteria)
          reasons.push({
            threatId: threat.id,
            source: 'rule',
            ruleIndex,
            criteria,
            ...(rule.note ? { note: rule.note } : {}),
          });
      });
      for (const channel of intersect(partner.handles, threat.place.channels)) {
        reasons.push({
          threatId: threat.id,
          source: 'handles',
          criteria: [{ field: 'channel', value: channel }],
        });
      }
    }
    if (reasons.length === 0) continue;
    const threatIds = [...new Set(reasons.map((r) => r.threatId))];
    out.push({
      partnerId: partner.id,
      name: partner.name,
      kind: partner.kind,
      threatIds,
      reasons,
      roles: partner.roles,
      channels: partner.channels ?? [],
    });
  }
  return out.sort(
    (a, b) =>
      b.threatIds.length - a.threatIds.length ||
      a.name.localeCompare(b.name, 'en') ||
      a.partnerId.localeCompare(b.partnerId),
  );
}
