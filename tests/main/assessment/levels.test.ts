// The bulk path that keeps the log's levels in step gives exactly what a full assessment gives, and the
// preview of a policy change counts and lists what changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Election, Threat } from '../../../src/shared/domain/workspace';
import type { Policy } from '../../../src/shared/domain/policy';
import { assessThreat } from '../../../src/main/assessment/engine';
import { levelOf, previewLevels, thresholdBand } from '../../../src/main/assessment/levels';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import { arbAsOf, arbElection, arbThreat } from '../../helpers/arbitraries';

const arbPolicy: fc.Arbitrary<Policy> = fc
  .record({
    engage: fc.integer({ min: 0, max: 98 }),
    gap: fc.integer({ min: 1, max: 50 }),
    gates: fc.boolean(),
  })
  .map(({ engage, gap, gates }) => ({
    ...DEFAULT_POLICY,
    thresholds: {
      ...DEFAULT_POLICY.thresholds,
      engagePrivately: engage,
      speakPublicly: Math.min(100, engage + gap),
    },
    gates: {
      ...DEFAULT_POLICY.gates,
      domesticPoliticalDebate: { ...DEFAULT_POLICY.gates.domesticPoliticalDebate, enabled: gates },
      containedItem: { ...DEFAULT_POLICY.gates.containedItem, enabled: gates },
    },
  }));

const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();

const arbCase = arbElection().chain((election) =>
  fc.record({
    threat: arbThreat({ from: shift(election.pollingDay, -120), to: shift(election.pollingDay, 60) }),
    election: fc.oneof(fc.constant<Election | undefined>(election), fc.constant(undefined)),
    asOf: arbAsOf(election, 90),
    policy: arbPolicy,
  }),
);

describe('levels kept in step', () => {
  it('levelOf gives the same level and score as a full assessment', () => {
    fc.assert(
      fc.property(arbCase, ({ threat, election, asOf, policy }) => {
        const full = assessThreat(threat, election, policy, { asOf });
        expect(levelOf(threat, election, policy, asOf)).toEqual({ level: full.level, score: full.score });
      }),
      { numRuns: 400 },
    );
  });

  it('a preview counts every threat once under each policy and lists exactly the threats that change', () => {
    fc.assert(
      fc.property(
        arbElection(),
        fc.array(arbThreat(), { maxLength: 30 }),
        arbPolicy,
        (election, raw, proposed) => {
          const threats: Threat[] = raw.map((t, i) => ({ ...t, id: `t-${i}`, electionId: election.id }));
          const asOf = `${election.pollingDay}T12:00:00Z`;
          const p = previewLevels(
            threats.map((t) => ({ threat: t, title: t.title })),
            () => election,
            DEFAULT_POLICY,
            proposed,
            asOf,
            5,
          );
          expect(p.total).toBe(threats.length);
          const sum = (c: object) => Object.values(c as Record<string, number>).reduce((a, b) => a + b, 0);
          expect(sum(p.current)).toBe(threats.length);
          expect(sum(p.proposed)).toBe(threats.length);
          const changing = threats.filter(
            (t) =>
              levelOf(t, election, DEFAULT_POLICY, asOf).level !== levelOf(t, election, proposed, asOf).level,
          );
          expect(p.changed).toBe(changing.length);
          expect(p.changes).toHaveLength(Math.min(5, changing.length));
          for (const c of p.changes) {
            const t = threats.find((x) => x.id === c.id)!;
            expect(c.from).toBe(levelOf(t, election, DEFAULT_POLICY, asOf).level);
            expect(c.to).toBe(levelOf(t, election, proposed, asOf).level);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('after a change of thresholds alone, a threat outside the band keeps its level and its score', () => {
    const arbThresholds = fc
      .record({
        engage: fc.integer({ min: 0, max: 98 }),
        gap: fc.integer({ min: 1, max: 50 }),
        ep: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      })
      .map(({ engage, gap, ep }) => ({
        thresholds: {
          ...DEFAULT_POLICY.thresholds,
          engagePrivately: engage,
          speakPublicly: Math.min(100, engage + gap),
        },
        electionPeriodThresholds:
          ep === null
            ? null
            : {
                description: 'Stricter.',
                engagePrivately: Math.min(99, engage + ep),
                speakPublicly: Math.min(
                  100,
                  Math.max(Math.min(100, engage + gap), Math.min(99, engage + ep) + 1),
                ),
              },
      }));
    fc.assert(
      fc.property(arbCase, arbThresholds, arbThresholds, ({ threat, election, asOf }, a, b) => {
        const from: Policy = { ...DEFAULT_POLICY, ...a };
        const to: Policy = { ...DEFAULT_POLICY, ...b, version: 7, name: 'Renamed' };
        const band = thresholdBand(from, to);
        expect(band).not.toBeNull();
        const before = levelOf(threat, election, from, asOf);
        const after = levelOf(threat, election, to, asOf);
        expect(after.score).toBe(before.score);
        if (before.score < band![0] || before.score > band![1]) expect(after.level).toBe(before.level);
      }),
      { numRuns: 400 },
    );
  });

  it('any change beyond the thresholds means every threat is recomputed', () => {
    const weights = {
      ...DEFAULT_POLICY,
      factors: DEFAULT_POLICY.factors.map((f, i) => ({
        ...f,
        weight: i === 0 ? f.weight - 5 : i === 1 ? f.weight + 5 : f.weight,
      })),
    };
    expect(thresholdBand(DEFAULT_POLICY, weights)).toBeNull();
    const gates = {
      ...DEFAULT_POLICY,
      gates: {
        ...DEFAULT_POLICY.gates,
        containedItem: { ...DEFAULT_POLICY.gates.containedItem, enabled: false },
      },
    };
    expect(thresholdBand(DEFAULT_POLICY, gates)).toBeNull();
    expect(thresholdBand(DEFAULT_POLICY, { ...DEFAULT_POLICY, version: 9 })).toEqual([1, 0]);
    expect(
      thresholdBand(DEFAULT_POLICY, {
        ...DEFAULT_POLICY,
        thresholds: { ...DEFAULT_POLICY.thresholds, speakPublicly: 50 },
      }),
    ).toEqual([50, 60]);
  });
});

describe('levels follow the election calendar', () => {
  it("re-scores an election's threats when its polling day moves", async () => {
    const { openTestApp } = await import('../../helpers/db');
    const { election, threat, workspace } = await import('../../fixtures/mini-workspace');
    const app = await openTestApp({ clock: () => new Date('2027-05-12T12:00:00Z') });
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(workspace([threat('T-1')])),
    });
    const before = (await app.call<{ meta: { score: number } }>('threats:get', { id: 'T-1' })).meta.score;
    // Polling day a year later: the threat is no longer days before the vote.
    const opened = await app.call<{ meta: { version: number } }>('elections:get', { id: election.id });
    await app.call('elections:save', {
      election: {
        ...election,
        advanceVotingStart: '2028-05-07',
        pollingDay: '2028-05-17',
        resultsCertified: '2028-05-24',
      },
      expectedVersion: opened.meta.version,
    });
    const after = (await app.call<{ meta: { score: number } }>('threats:get', { id: 'T-1' })).meta.score;
    expect(after).toBeLessThan(before);
  });
});

describe('scoring the whole log from its columns', () => {
  it('gives every threat the same level and score as scoring its whole document', async () => {
    const { openTestApp } = await import('../../helpers/db');
    const { ThreatStore } = await import('../../../src/main/threats/store');
    const election = fc.sample(arbElection(), { numRuns: 1, seed: 7 })[0]!;
    const threats = fc
      .sample(arbThreat(), { numRuns: 300, seed: 11 })
      .map((t, i) => ({ ...t, id: `T-${i}`, electionId: election.id, relatedIds: undefined }));
    const app = await openTestApp();
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ format: 'threshold-workspace/1', elections: [election], threats }),
    });
    const byId = new Map(threats.map((t) => [t.id, t]));
    const asOf = '2027-05-12T12:00:00Z';
    // The pass also gives each threat's stored level and score, as the threat's own record shows them
    // (the scores are read apart from the rows, in one pass of their table).
    const stored = new Map<string, { level: unknown; score: unknown }>();
    for (const t of threats) {
      const { meta } = await app.call<{ meta: { level: unknown; score: unknown } }>('threats:get', {
        id: t.id,
      });
      stored.set(t.id, { level: meta.level, score: meta.score });
    }
    let seen = 0;
    for (const row of new ThreatStore(app.db).iterateForScoring()) {
      const whole = byId.get(row.threat.id)!;
      expect(levelOf(row.threat, election, DEFAULT_POLICY, asOf), row.threat.id).toEqual(
        levelOf(whole, election, DEFAULT_POLICY, asOf),
      );
      expect({ level: row.level, score: row.score }, row.threat.id).toEqual(stored.get(row.threat.id));
      expect(typeof row.score).toBe('number');
      seen++;
    }
    expect(seen).toBe(threats.length);
  });
});

describe('dayOfInstant', () => {
  it('gives the UTC day of any instant, with or without an offset', async () => {
    const { dayOfInstant, DAY_MS } = await import('../../../src/main/assessment/calendar');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: -14, max: 14 }),
        (d, offsetHours) => {
          const z = d.toISOString();
          expect(dayOfInstant(z)).toBe(Math.floor(d.getTime() / DAY_MS));
          const local = new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
          const sign = offsetHours < 0 ? '-' : '+';
          const withOffset = `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
          expect(dayOfInstant(withOffset)).toBe(Math.floor(d.getTime() / DAY_MS));
        },
      ),
    );
  });
});
