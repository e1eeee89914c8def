// Properties the policy must always hold (docs/DESIGN.md): more reach, confidence, harm or proximity to
// polling day never lowers the score; raising a threshold never raises a level; a cluster never scores
// below its members; results are deterministic; the gates always hold.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONFIDENCES, PURPOSES, THREAT_TYPES, TRENDS, levelRank } from '../../../src/shared/domain/enums';
import {
  ElectionSchema,
  ThreatSchema,
  type Election,
  type Threat,
} from '../../../src/shared/domain/workspace';
import type { Policy } from '../../../src/shared/domain/policy';
import { assessCluster, assessThreat } from '../../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import { arbAsOf, arbElection, arbThreat } from '../../helpers/arbitraries';

const RUNS = { numRuns: 300 };
const quick = { explain: false } as const;
const score = (t: Threat, e: Election | undefined, asOf: string, policy: Policy = DEFAULT_POLICY): number =>
  assessThreat(t, e, policy, { asOf, ...quick }).score;

/** A threat, an election (sometimes none) and an "as of" near its polling day. */
const arbCase = arbElection().chain((election) =>
  fc.record({
    threat: arbThreat({ from: shift(election.pollingDay, -120), to: shift(election.pollingDay, 60) }),
    election: fc.oneof(
      { weight: 5, arbitrary: fc.constant<Election | undefined>(election) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    asOf: arbAsOf(election, 90),
  }),
);

/** Threats in the gates' conditions but otherwise pushed towards speak-publicly, so that a missing gate shows. */
const hot = (t: Threat): Threat => ({
  ...t,
  reach: { breakout: Math.max(t.reach.breakout, 4), trend: 'growing', estimatedAudience: 5_000_000 },
  context: { nationalSecurityImplications: true },
});

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
}

describe('arbitraries', () => {
  it('produce schema-valid threats and elections', () => {
    fc.assert(
      fc.property(arbThreat(), (t) => {
        expect(ThreatSchema.safeParse(t).error?.issues ?? []).toEqual([]);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(arbElection(), (e) => {
        expect(ElectionSchema.safeParse(e).error?.issues ?? []).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('monotonicity', () => {
  it('more reach (Breakout up, audience up, trend up) never lowers the score', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        ({ threat, election, asOf }, up, more, trendUp) => {
          const trendIndex = TRENDS.indexOf(threat.reach.trend ?? 'stable');
          // TRENDS runs growing → declining, so "up" is a lower index.
          const bigger: Threat = {
            ...threat,
            reach: {
              breakout: Math.min(6, threat.reach.breakout + up),
              estimatedAudience: (threat.reach.estimatedAudience ?? 0) + more,
              trend: TRENDS[Math.max(0, trendIndex - trendUp)]!,
            },
          };
          const withAudience: Threat = {
            ...threat,
            reach: { ...threat.reach, estimatedAudience: threat.reach.estimatedAudience ?? 0 },
          };
          expect(score(bigger, election, asOf)).toBeGreaterThanOrEqual(score(withAudience, election, asOf));
          if (threat.reach.estimatedAudience === undefined)
            expect(score(withAudience, election, asOf)).toBe(score(threat, election, asOf));
        },
      ),
      RUNS,
    );
  });

  it('more attribution confidence never lowers the score', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...CONFIDENCES), ({ threat, election, asOf }, c) => {
        const [lo, hi] = [threat.source.confidence, c].sort(
          (a, b) => CONFIDENCES.indexOf(a) - CONFIDENCES.indexOf(b),
        );
        const at = (confidence: (typeof CONFIDENCES)[number]) =>
          score({ ...threat, source: { ...threat.source, confidence } }, election, asOf);
        expect(at(hi!)).toBeGreaterThanOrEqual(at(lo!));
      }),
      RUNS,
    );
  });

  it("more harm (purpose or type higher in the policy's harm table) never lowers the score", () => {
    const harm = DEFAULT_POLICY.factors.find((f) => f.type === 'harm')!;
    if (harm.type !== 'harm') throw new Error('no harm factor');
    fc.assert(
      fc.property(
        arbCase,
        fc.constantFrom(...PURPOSES),
        fc.constantFrom(...PURPOSES),
        fc.constantFrom(...THREAT_TYPES),
        fc.constantFrom(...THREAT_TYPES),
        ({ threat, election, asOf }, p1, p2, y1, y2) => {
          const [pLo, pHi] = harm.byPurpose.values[p1] <= harm.byPurpose.values[p2] ? [p1, p2] : [p2, p1];
          const [yLo, yHi] = harm.byType.values[y1] <= harm.byType.values[y2] ? [y1, y2] : [y2, y1];
          expect(score({ ...threat, purpose: pHi }, election, asOf)).toBeGreaterThanOrEqual(
            score({ ...threat, purpose: pLo }, election, asOf),
          );
          expect(score({ ...threat, type: yHi }, election, asOf)).toBeGreaterThanOrEqual(
            score({ ...threat, type: yLo }, election, asOf),
          );
        },
      ),
      RUNS,
    );
  });

  it('closer to polling day (from before or after it) never lowers the score', () => {
    fc.assert(
      fc.property(
        arbElection(),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        arbThreat(),
        (election, a, b, after, t) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const sign = after ? 1 : -1;
          // Seen long before, so that the day assessed (asOf) is what moves.
          const threat = { ...t, time: { firstSeen: shift(election.pollingDay, -400) } };
          const at = (d: number) => score(threat, election, shift(election.pollingDay, sign * d));
          expect(at(near)).toBeGreaterThanOrEqual(at(far));
        },
      ),
      RUNS,
    );
  });
});

describe('thresholds', () => {
  it('raising a threshold never raises a level', () => {
    const arbThresholds = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 100 }))
      .filter(([e, s]) => e < s);
    fc.assert(
      fc.property(
        arbCase,
        arbThresholds,
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        ({ threat, election, asOf }, [e, s], de, ds) => {
          const withT = (engagePrivately: number, speakPublicly: number): Policy => ({
            ...DEFAULT_POLICY,
            thresholds: { ...DEFAULT_POLICY.thresholds, engagePrivately, speakPublicly },
          });
          const low = assessThreat(threat, election, withT(e, s), { asOf, ...quick });
          const high = assessThreat(threat, election, withT(Math.min(100, e + de), Math.min(100, s + ds)), {
            asOf,
            ...quick,
          });
          expect(levelRank(high.level)).toBeLessThanOrEqual(levelRank(low.level));
          expect(levelRank(high.levelBeforeGates)).toBeLessThanOrEqual(levelRank(low.levelBeforeGates));
        },
      ),
      RUNS,
    );
  });
});

describe('accumulation', () => {
  it('a cluster never scores below any of its members', () => {
    fc.assert(
      fc.property(
        arbElection(),
        fc.array(arbThreat(), { minLength: 1, maxLength: 8 }),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        (election, threats, d) => {
          const asOf = d.toISOString();
          const cluster = assessCluster(threats, election, DEFAULT_POLICY, { asOf, ...quick });
          for (const t of threats) expect(cluster.score).toBeGreaterThanOrEqual(score(t, election, asOf));
          expect(cluster.score).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('determinism', () => {
  it('the same threat, election, policy and asOf always give the same result', () => {
    fc.assert(
      fc.property(arbCase, ({ threat, election, asOf }) => {
        const a = assessThreat(threat, election, DEFAULT_POLICY, { asOf });
        const b = assessThreat(
          structuredClone(threat),
          structuredClone(election),
          structuredClone(DEFAULT_POLICY),
          { asOf },
        );
        expect(b).toEqual(a);
        expect(Math.round(a.score * 10) / 10).toBe(a.score);
      }),
      { numRuns: 100 },
    );
  });
});

describe('gates', () => {
  it('a domestic actor targeting a candidate or party never yields speak-publicly, alone or as a cluster', () => {
    const domestic = (t: Threat): Threat =>
      hot({
        ...t,
        source: { ...t.source, actor: 'domestic' },
        target: { ...t.target, kind: 'candidate-or-party' },
      });
    fc.assert(
      fc.property(
        arbCase,
        fc.array(arbThreat(), { minLength: 1, maxLength: 4 }),
        ({ threat, election, asOf }, more) => {
          expect(assessThreat(domestic(threat), election, DEFAULT_POLICY, { asOf, ...quick }).level).not.toBe(
            'speak-publicly',
          );
          expect(
            assessCluster([threat, ...more].map(domestic), election, DEFAULT_POLICY, { asOf, ...quick })
              .level,
          ).not.toBe('speak-publicly');
        },
      ),
      RUNS,
    );
  });

  it('Breakout 1 that does not mislead about voting never yields speak-publicly', () => {
    const voting = new Set(['mislead-voting-process', 'suppress-turnout']);
    fc.assert(
      fc.property(arbCase, ({ threat, election, asOf }) => {
        const contained = hot(threat);
        contained.reach = { ...contained.reach, breakout: 1 };
        const r = assessThreat(contained, election, DEFAULT_POLICY, { asOf, ...quick });
        if (!voting.has(threat.purpose)) expect(r.level).not.toBe('speak-publicly');
      }),
      RUNS,
    );
  });

  it('attribution confidence below high never lets the attribution be stated', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.constantFrom('low', 'moderate' as const),
        ({ threat, election, asOf }, confidence) => {
          const t = hot({ ...threat, source: { ...threat.source, confidence } });
          expect(assessThreat(t, election, DEFAULT_POLICY, { asOf, ...quick }).attributionMayBeStated).toBe(
            false,
          );
          expect(
            assessCluster([t, threat], election, DEFAULT_POLICY, { asOf, ...quick }).attributionMayBeStated,
          ).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
