// "Responses and their effect" as pure functions: median and spread, whether reach fell, which responses wait
// for an outcome, and what is not a response at all.
import { describe, expect, it } from 'vitest';
import {
  quantile,
  reachFell,
  responseFigures,
  spread,
  type ResponseFacts,
} from '../../../src/main/dashboard/response-figures';

const facts = (over: Partial<ResponseFacts> & { threatId: string }): ResponseFacts => ({
  title: over.threatId,
  firstSeen: '2027-05-01T00:00:00Z',
  level: 'engage-privately',
  reach: { breakout: 3, estimatedAudience: 10_000 },
  markedResponded: false,
  decisions: [],
  releases: [],
  outcomes: [],
  ...over,
});

describe('response figures', () => {
  it('computes the median and the middle half as spreadsheets do', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([4], 0.25)).toBe(4);
    expect(spread([10, 2, 4, 8])).toEqual({ count: 4, median: 6, p25: 3.5, p75: 8.5, min: 2, max: 10 });
    expect(spread([])).toMatchObject({ count: 0, median: null });
  });

  it('says reach fell on a lower Breakout category, or a smaller audience in the same one', () => {
    expect(reachFell({ breakout: 4 }, { breakout: 3 })).toBe(true);
    expect(reachFell({ breakout: 2 }, { breakout: 3, estimatedAudience: 1 })).toBe(false);
    expect(reachFell({ breakout: 2, estimatedAudience: 100 }, { breakout: 2, estimatedAudience: 50 })).toBe(
      true,
    );
    expect(reachFell({ breakout: 2, estimatedAudience: 100 }, { breakout: 2, estimatedAudience: 100 })).toBe(
      false,
    );
    expect(reachFell({ breakout: 2 }, { breakout: 2, estimatedAudience: 5 })).toBe(false);
  });

  it('measures first seen → decision and decision → release, and judges reach by the latest observation', () => {
    const data = responseFigures(
      [
        facts({
          threatId: 'A',
          decisions: ['2027-05-02T00:00:00Z', '2027-05-09T00:00:00Z'],
          releases: ['2027-05-04'],
          outcomes: [
            { date: '2027-05-10', breakout: 2 },
            { date: '2027-05-06', breakout: 4 },
          ],
        }),
        facts({
          threatId: 'B',
          decisions: ['2027-05-01T12:00:00Z'],
          outcomes: [{ date: '2027-05-03', breakout: 3 }],
        }),
        facts({ threatId: 'C', markedResponded: true }),
        facts({ threatId: 'D' }),
        // A decision dated before the threat was first seen is a dating error, not a duration.
        facts({ threatId: 'E', decisions: ['2027-04-01T00:00:00Z'] }),
      ],
      '2027-05-20',
      7,
    );
    expect(data.responded).toBe(4);
    expect(data.effects.map((e) => [e.threatId, e.effect])).toEqual([
      ['A', 'fell'],
      ['B', 'did-not-fall'],
      ['C', 'no-outcome'],
      ['E', 'no-outcome'],
    ]);
    expect(data.firstSeenToDecision).toMatchObject({ count: 2, median: 18, min: 12, max: 24 });
    expect(data.decisionToRelease).toMatchObject({ count: 1, median: 48 });
    expect(data.reach).toEqual({ fell: 1, didNotFall: 1, noOutcome: 2 });
    // C has no response date (only marked responded): it cannot be overdue; E responded 49 days ago.
    expect(data.overdue).toEqual({
      days: 7,
      asOf: '2027-05-20',
      threats: [{ threatId: 'E', title: 'E', respondedOn: '2027-04-01', days: 49 }],
    });
  });

  it('lists a response as overdue only once the follow-up delay has passed', () => {
    const one = [facts({ threatId: 'A', decisions: ['2027-05-10T09:00:00Z'] })];
    expect(responseFigures(one, '2027-05-16', 7).overdue.threats).toEqual([]);
    expect(responseFigures(one, '2027-05-17', 7).overdue.threats.map((t) => t.days)).toEqual([7]);
    expect(responseFigures(one, '2027-05-17', 8).overdue.threats).toEqual([]);
  });

  it('counts a partner notified as a response: its date starts the follow-up, but it is not a release', () => {
    const data = responseFigures(
      [
        // Only a partner notification approved (no decision, no statement).
        facts({ threatId: 'P', partnerNotifications: ['2027-05-05T15:00:00Z'] }),
        // A decision, then partners notified: nothing released to the public, so no decision → release.
        facts({
          threatId: 'Q',
          decisions: ['2027-05-02T00:00:00Z'],
          partnerNotifications: ['2027-05-03T10:00:00Z'],
        }),
      ],
      '2027-05-20',
      7,
    );
    expect(data.responded).toBe(2);
    expect(data.effects.map((e) => [e.threatId, e.respondedOn, e.releasedOn, e.partnerNotifiedOn])).toEqual([
      ['P', '2027-05-05', null, '2027-05-05T15:00:00Z'],
      ['Q', '2027-05-02', null, '2027-05-03T10:00:00Z'],
    ]);
    expect(data.decisionToRelease.count).toBe(0);
    expect(data.overdue.threats.map((t) => [t.threatId, t.days])).toEqual([
      ['Q', 18],
      ['P', 15],
    ]);
  });
});
