// A threat's timeline after the fact: first seen, assessments, decisions, the statement's release, partners
// notified, partner contacts noted, and outcome observations, in order; with the reach over time the threat page draws.
import type { Level } from '../../shared/domain/enums';
import type { Outcome } from '../../shared/domain/outcomes';
import type { ThreatTimeline, TimelineEvent } from '../../shared/domain/outcomes';

export interface TimelineFacts {
  threatId: string;
  firstSeen: string;
  reach: { breakout: number; estimatedAudience?: number | undefined };
  assessments: {
    id: number;
    level: Level;
    createdAt: string;
    policyVersion: number;
    decisions: {
      level: Level;
      recommendedLevel: Level;
      decidedBy: string;
      role: string;
      decidedAt: string;
    }[];
  }[];
  /** Public texts approved for release. */
  releases: { draftId: string; title: string; approvedAt: string }[];
  /** Partner notifications approved (partners notified): shown, but not a release. */
  partnerNotifications?: { draftId: string; title: string; approvedAt: string }[] | undefined;
  contacts: { partner: string; date: string; by: string }[];
  outcomes: Outcome[];
}

/** Events in time order (same instant: the order they happen in a response). */
export function threatTimeline(f: TimelineFacts): ThreatTimeline {
  const events: TimelineEvent[] = [{ kind: 'first-seen', at: f.firstSeen }];
  for (const a of f.assessments) {
    events.push({
      kind: 'assessed',
      at: a.createdAt,
      level: a.level,
      assessmentId: a.id,
      policyVersion: a.policyVersion,
    });
    for (const d of a.decisions)
      events.push({
        kind: 'decided',
        at: d.decidedAt,
        level: d.level,
        recommendedLevel: d.recommendedLevel,
        by: d.decidedBy,
        role: d.role,
      });
  }
  for (const r of f.releases)
    events.push({ kind: 'released', at: r.approvedAt, draftId: r.draftId, title: r.title });
  for (const n of f.partnerNotifications ?? [])
    events.push({ kind: 'partner-notified', at: n.approvedAt, draftId: n.draftId, title: n.title });
  for (const c of f.contacts)
    events.push({ kind: 'partner-contacted', at: c.date, partner: c.partner, by: c.by });
  for (const o of f.outcomes)
    events.push({
      kind: 'outcome',
      at: o.date,
      outcomeId: o.id,
      breakout: o.reach.breakout,
      estimatedAudience: o.reach.estimatedAudience,
      trend: o.reach.trend,
      stillSpreading: o.stillSpreading,
      platformActions: o.platformActions ?? [],
      note: o.note,
    });
  const rank: Record<TimelineEvent['kind'], number> = {
    'first-seen': 0,
    assessed: 1,
    decided: 2,
    'partner-notified': 3,
    'partner-contacted': 3,
    released: 4,
    outcome: 5,
  };
  events.sort(
    (a, b) =>
      a.at.slice(0, 10).localeCompare(b.at.slice(0, 10)) ||
      rank[a.kind] - rank[b.kind] ||
      a.at.localeCompare(b.at),
  );
  const reach = [
    {
      date: f.firstSeen.slice(0, 10),
      breakout: f.reach.breakout,
      estimatedAudience: f.reach.estimatedAudience,
      observed: false,
    },
    ...[...f.outcomes]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({
        date: o.date,
        breakout: o.reach.breakout,
        estimatedAudience: o.reach.estimatedAudience,
        observed: true,
      })),
  ];
  const release = f.releases.map((r) => r.approvedAt.slice(0, 10)).sort()[0] ?? null;
  return { threatId: f.threatId, events, reach, releasedOn: release };
}
