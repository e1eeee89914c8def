// A threat's timeline (pure): events in the order they happened, same-day events in the order of a response,
// and the reach over time with the first release, as the threat page draws it.
import { describe, expect, it } from 'vitest';
import { threatTimeline } from '../../../src/main/outcomes/timeline';
import { reachChartModel, REACH_CHART } from '../../../src/renderer/screens/outcomes/reach-chart';

const timeline = threatTimeline({
  threatId: 'T-1',
  firstSeen: '2027-05-01T06:45:00Z',
  reach: { breakout: 4, estimatedAudience: 1_000_000 },
  assessments: [
    {
      id: 7,
      level: 'speak-publicly',
      createdAt: '2027-05-02T09:00:00Z',
      policyVersion: 2,
      decisions: [
        {
          level: 'speak-publicly',
          recommendedLevel: 'speak-publicly',
          decidedBy: 'N. Roy',
          role: 'CEO',
          decidedAt: '2027-05-02T10:00:00Z',
        },
      ],
    },
  ],
  releases: [{ draftId: 'D-1', title: 'What happened', approvedAt: '2027-05-02' }],
  contacts: [{ partner: 'Meta', date: '2027-05-02', by: 'A. Nwosu' }],
  outcomes: [
    { id: 'O-2', threatId: 'T-1', date: '2027-05-09', reach: { breakout: 2, trend: 'declining' } },
    { id: 'O-1', threatId: 'T-1', date: '2027-05-04', reach: { breakout: 3, trend: 'stable' } },
  ],
});

describe('threat timeline', () => {
  it('orders what happened, a response’s steps in order on the same day', () => {
    expect(timeline.events.map((e) => `${e.at.slice(0, 10)} ${e.kind}`)).toEqual([
      '2027-05-01 first-seen',
      '2027-05-02 assessed',
      '2027-05-02 decided',
      '2027-05-02 partner-contacted',
      '2027-05-02 released',
      '2027-05-04 outcome',
      '2027-05-09 outcome',
    ]);
    expect(timeline.reach.map((r) => [r.date, r.breakout, r.observed])).toEqual([
      ['2027-05-01', 4, false],
      ['2027-05-04', 3, true],
      ['2027-05-09', 2, true],
    ]);
    expect(timeline.releasedOn).toBe('2027-05-02');
  });

  it('places the points and the release on the chart, higher Breakout higher up', () => {
    const m = reachChartModel(timeline)!;
    expect(m.points.map((p) => p.x)).toEqual([...m.points.map((p) => p.x)].sort((a, b) => a - b));
    expect(m.points[0]!.x).toBe(REACH_CHART.left);
    expect(m.points.at(-1)!.x).toBe(REACH_CHART.width - REACH_CHART.right);
    expect(m.points[0]!.y).toBeLessThan(m.points[1]!.y);
    expect(m.release!.x).toBeGreaterThan(m.points[0]!.x);
    expect(m.release!.x).toBeLessThan(m.points[1]!.x);
    expect(reachChartModel({ reach: [], releasedOn: null })).toBeNull();
  });

  it('shows partners notified as a step of its own, not as a release on the chart', () => {
    const notified = threatTimeline({
      threatId: 'T-2',
      firstSeen: '2027-05-01T06:45:00Z',
      reach: { breakout: 3 },
      assessments: [],
      releases: [],
      partnerNotifications: [
        { draftId: 'N-1', title: 'Notice to partners', approvedAt: '2027-05-03T10:00:00Z' },
      ],
      contacts: [],
      outcomes: [],
    });
    expect(notified.events).toEqual([
      { kind: 'first-seen', at: '2027-05-01T06:45:00Z' },
      { kind: 'partner-notified', at: '2027-05-03T10:00:00Z', draftId: 'N-1', title: 'Notice to partners' },
    ]);
    expect(notified.releasedOn).toBeNull();
  });
});
