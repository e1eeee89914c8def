// The dashboard's chart model (renderer, pure): the log filter behind each bar, the critical
// window on the timeline, and the sentence each chart gives screen readers.
import { describe, expect, it } from 'vitest';
import type { DashboardData } from '../../../src/shared/domain/dashboard';
import { noResponses } from '../../../src/shared/domain/responses';
import { chartSpecs, PALETTE, LEVEL_COLOURS } from '../../../src/renderer/screens/dashboard/dashboard-model';

const t = (key: string, opts: Record<string, unknown> = {}) =>
  `${key}${Object.keys(opts).length ? JSON.stringify(opts) : ''}`;

const data: DashboardData = {
  electionId: 'e1',
  from: '2027-05-09',
  to: null,
  bucket: 'week',
  total: 5,
  overTime: {
    buckets: [
      { start: '2027-05-03', end: '2027-05-09' },
      { start: '2027-05-10', end: '2027-05-16' },
      { start: '2027-05-17', end: '2027-05-23' },
    ],
    series: [
      { key: 'disinformation', counts: [1, 2, 0] },
      { key: 'impersonation', counts: [0, 1, 1] },
    ],
  },
  byType: [],
  byPurpose: [
    { key: 'polarize', count: 3 },
    { key: 'other', count: 0 },
  ],
  byTargetKind: [],
  byRegion: { top: [{ key: 'North Shore', count: 2 }], others: 4 },
  byChannel: { top: [], others: 0 },
  byLevel: [
    { key: 'monitor', count: 1 },
    { key: 'engage-privately', count: 0 },
    { key: 'speak-publicly', count: 2 },
    { key: 'unassessed', count: 2 },
  ],
  decisionsAwaiting: { count: 2, basis: 'decisions' },
  draftsAwaiting: 0,
  calendar: { advanceVotingStart: '2027-05-12', pollingDay: '2027-05-17', resultsCertified: '2027-05-30' },
  responses: noResponses('2027-05-20', 7),
};

describe('chart specs', () => {
  const specs = chartSpecs(data, t, 'en-CA');

  it('filters the log to exactly the bar: type and the bucket, inside the chosen range', () => {
    expect(specs.overTime.filterFor(0, 0)).toEqual({
      type: ['disinformation'],
      from: '2027-05-09',
      to: '2027-05-09',
    });
    expect(specs.overTime.filterFor(1, 2)).toEqual({
      type: ['impersonation'],
      from: '2027-05-17',
      to: '2027-05-23',
    });
    expect(specs.overTime.filterFor(1, 0)).toBeNull();
    expect(specs.purpose.filterFor(0, 0)).toEqual({ purpose: ['polarize'], from: '2027-05-09' });
    expect(specs.purpose.filterFor(0, 1)).toBeNull();
    expect(specs.region.filterFor(0, 0)).toEqual({ region: 'North Shore', from: '2027-05-09' });
    expect(specs.level.filterFor(0, 3)).toEqual({ level: ['unassessed'], from: '2027-05-09' });
    expect(specs.region.others).toBe(4);
  });

  it('marks the critical window on the timeline, clipped to it', () => {
    expect(specs.overTime.window).toEqual({ start: 1, end: 2, polling: 2 });
    expect(
      chartSpecs(
        { ...data, calendar: { advanceVotingStart: null, pollingDay: '2027-06-30', resultsCertified: null } },
        t,
        'en-CA',
      ).overTime.window,
    ).toBeNull();
    expect(chartSpecs({ ...data, calendar: null }, t, 'en-CA').overTime.window).toBeNull();
  });

  it('says what each chart shows', () => {
    expect(specs.purpose.summary).toContain('enums:purpose.polarize (3)');
    expect(specs.overTime.summary).toContain('summary.window');
    expect(specs.overTime.series.map((s) => s.colour)).toEqual(PALETTE.slice(0, 2));
    expect(Object.keys(LEVEL_COLOURS)).toEqual([
      'monitor',
      'engage-privately',
      'speak-publicly',
      'unassessed',
    ]);
  });
});
