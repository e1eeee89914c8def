// Gathers what "responses and their effect" is computed from, for the dashboard's scope (an election, a
// range of first-seen days): the decisions, the statements released, the partner notifications approved and
// the outcome observations of the threats in scope. Read by the dashboard and the after-action report alike, so their figures agree.
import { DEFAULT_FOLLOW_UP_DAYS } from '../../shared/domain/outcomes';
import { FollowUpDaysSchema } from '../../shared/domain/policy';
import { isPublicTemplate } from '../../shared/domain/drafting';
import type { ResponsesData } from '../../shared/domain/responses';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import { AssessmentRepository } from '../assessment/repository';
import { currentPolicy } from '../assessment/policy-store';
import type { ServiceContext } from '../context';
import { DraftingRepository } from '../drafting/repository';
import { OutcomeRepository } from '../outcomes/repository';
import { ThreatStore } from '../threats/store';
import { responseFigures, type ResponseFacts } from './response-figures';

/** Days after a response with no outcome before it is listed: the policy's `outcomes.followUpDays`. */
export function followUpDays(ctx: ServiceContext): number {
  const policy = currentPolicy(ctx.db) as { outcomes?: { followUpDays?: { value?: unknown } } };
  const days = FollowUpDaysSchema.safeParse(policy.outcomes?.followUpDays?.value);
  return days.success ? days.data : DEFAULT_FOLLOW_UP_DAYS;
}

/**
 * What counts as a response to a threat, from what was recorded (the dashboard and the after-action report
 * share this rule):
 * - a decision recorded on an assessment of the threat;
 * - a public text about it approved for release (public statement, social post, media lines): a release;
 * - a partner notification about it approved (the template names its threats): partners notified;
 * - the threat marked responded.
 * Not a briefing note (it stays inside the organisation), and not a contact in a partner's log: a contact
 * record names no threat (a date, who, a channel, a free note). The threat page's timeline shows contacts
 * whose note mentions the threat's id, but text is not a link, so they are not counted.
 */
export function approvalsByThreat(ctx: ServiceContext): {
  releases: Map<string, string[]>;
  partnerNotifications: Map<string, string[]>;
} {
  const releases = new Map<string, string[]>();
  const partnerNotifications = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, ids: readonly string[], at: string) => {
    for (const id of ids) into.set(id, [...(into.get(id) ?? []), at]);
  };
  for (const r of new DraftingRepository(ctx.db).firstApprovals()) {
    if (isPublicTemplate(r.draft.template)) add(releases, r.threatIds, r.approvedAt);
    else if (r.draft.template === 'partner-notification')
      add(partnerNotifications, r.threatIds, r.approvedAt);
  }
  return { releases, partnerNotifications };
}

/** Whether a table is in this database (the dashboard also answers on a database from before it). */
function hasTable(ctx: ServiceContext, name: string): boolean {
  return (
    ctx.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

export function responsesIn(
  ctx: ServiceContext,
  scope: Pick<ThreatFilter, 'electionId' | 'from' | 'to'>,
  asOf = ctx.clock().toISOString().slice(0, 10),
): ResponsesData {
  const decisions = new Map<string, string[]>();
  if (hasTable(ctx, 'decisions'))
    for (const d of new AssessmentRepository(ctx.db).decisionTimes())
      decisions.set(d.threatId, [...(decisions.get(d.threatId) ?? []), d.decidedAt]);
  const { releases, partnerNotifications } = hasTable(ctx, 'draft_versions')
    ? approvalsByThreat(ctx)
    : { releases: new Map<string, string[]>(), partnerNotifications: new Map<string, string[]>() };
  const store = new ThreatStore(ctx.db);
  const filter: ThreatFilter = { electionId: scope.electionId, from: scope.from, to: scope.to };
  const marked = store.exportable({ filter: { ...filter, status: ['responded'] } });
  const candidates = new Set([...decisions.keys(), ...releases.keys(), ...partnerNotifications.keys()]);
  const others = candidates.size ? store.exportable({ filter, ids: [...candidates] }) : [];
  const threats = new Map([...others, ...marked].map((t) => [t.threat.id, t]));
  const outcomes = hasTable(ctx, 'outcomes') ? new OutcomeRepository(ctx.db).live([...threats.keys()]) : [];
  const facts: ResponseFacts[] = [...threats.values()].map(({ threat, level }) => ({
    threatId: threat.id,
    title: threat.title,
    firstSeen: threat.time.firstSeen,
    level,
    reach: { breakout: threat.reach.breakout, estimatedAudience: threat.reach.estimatedAudience },
    markedResponded: threat.status === 'responded',
    decisions: decisions.get(threat.id) ?? [],
    releases: releases.get(threat.id) ?? [],
    partnerNotifications: partnerNotifications.get(threat.id) ?? [],
    outcomes: outcomes
      .filter((o) => o.threatId === threat.id)
      .map((o) => ({
        date: o.date,
        breakout: o.reach.breakout,
        estimatedAudience: o.reach.estimatedAudience,
      })),
  }));
  facts.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.threatId.localeCompare(b.threatId));
  return responseFigures(facts, asOf, followUpDays(ctx));
}
