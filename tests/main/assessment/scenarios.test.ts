// The six situations the default policy must get right (docs/DESIGN.md, "The intervention policy").
import { factorReason } from '../../../src/shared/i18n/explain';
import { translatorFor } from '../../../src/shared/i18n/message-text';
import { describe, expect, it } from 'vitest';
import { assessCluster, assessThreat } from '../../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import { ELECTION, daysBeforePolling, threat } from './build';

const FIVE_DAYS_BEFORE = daysBeforePolling(5);

describe('the default policy on six situations', () => {
  it('1. a widely followed account says late mail-in ballots will not count, 5 days out, Breakout 3 and growing: speak publicly, via the election authority', () => {
    const t = threat({
      title: 'Mail-in ballots posted after Friday "won\'t count"',
      purpose: 'mislead-voting-process',
      type: 'disinformation',
      target: { kind: 'general-public' },
      time: { firstSeen: daysBeforePolling(6) },
      source: { actor: 'unknown', name: '@widely_followed', confidence: 'low' },
      reach: { breakout: 3, trend: 'growing', estimatedAudience: 250_000 },
      falseClaim: 'Mail-in ballots posted after Friday will not be counted.',
      facts: ['Mail-in ballots postmarked by polling day are counted.'],
    });
    const r = assessThreat(t, ELECTION, DEFAULT_POLICY, { asOf: FIVE_DAYS_BEFORE });
    expect(r.level).toBe('speak-publicly');
    expect(r.spokesperson.id).toBe('election-authority');
    expect(r.daysToPollingDay).toBe(5);
    expect(r.timingPhase).toBe('critical-window');
    expect(r.attributionMayBeStated).toBe(false);
    // Voting misinformation is corrected whoever spreads it, a domestic account too.
    const domestic = assessThreat(
      { ...t, source: { ...t.source, actor: 'domestic' } },
      ELECTION,
      DEFAULT_POLICY,
      { asOf: FIVE_DAYS_BEFORE },
    );
    expect(domestic.level).toBe('speak-publicly');
  });

  it('2. one post in a small group mocking a candidate, Breakout 1: monitor', () => {
    const t = threat({
      purpose: 'discredit-candidate',
      type: 'other',
      target: { kind: 'candidate-or-party', description: 'a candidate' },
      place: { level: 'online-only', channels: ['a small Facebook group'] },
      reach: { breakout: 1, estimatedAudience: 40 },
    });
    const r = assessThreat(t, ELECTION, DEFAULT_POLICY, { asOf: FIVE_DAYS_BEFORE });
    expect(r.level).toBe('monitor');
    expect(r.margins.engagePrivately).toBeLessThan(0);
  });

  it("3. a registered party's misleading flyer about an opponent, Breakout 4: never speak publicly", () => {
    const flyer = threat({
      purpose: 'discredit-candidate',
      type: 'disinformation',
      target: { kind: 'candidate-or-party', description: 'an opposing candidate' },
      place: { level: 'regional', regions: ['Ontario'] },
      source: { actor: 'domestic', name: 'A registered party', confidence: 'high' },
      reach: { breakout: 4, trend: 'growing', estimatedAudience: 300_000 },
      falseClaim: 'The opponent voted to close hospitals.',
    });
    const r = assessThreat(flyer, ELECTION, DEFAULT_POLICY, { asOf: FIVE_DAYS_BEFORE });
    expect(r.level).not.toBe('speak-publicly');
    expect(r.spokesperson.id).toBe('election-regulator');
    expect(r.partners.map((p) => p.id)).toEqual(expect.arrayContaining(['fact-checkers-media', 'platforms']));
    expect(r.gates.find((g) => g.id === 'domestic-political-debate')?.conditionMet).toBe(true);
    expect(r.attributionMayBeStated).toBe(false);
    // Even at its worst (polling day, Breakout 6, national security): still not speak-publicly.
    const worst = assessThreat(
      {
        ...flyer,
        purpose: 'mislead-voting-process',
        reach: { breakout: 6, trend: 'growing', estimatedAudience: 9_000_000 },
        context: { nationalSecurityImplications: true },
      },
      ELECTION,
      DEFAULT_POLICY,
      { asOf: daysBeforePolling(0) },
    );
    expect(worst.levelBeforeGates).toBe('speak-publicly');
    expect(worst.level).toBe('engage-privately');
    expect(worst.gates.find((g) => g.id === 'domestic-political-debate')?.applied).toBe(true);
  });

  it('4. a foreign state publishes voter-registry data stolen from the election authority, high confidence, Breakout 4: speak publicly', () => {
    const t = threat({
      purpose: 'disrupt-administration',
      type: 'hack-and-leak',
      target: { kind: 'election-officials', description: 'the election authority' },
      source: { actor: 'foreign-state', name: 'State X', confidence: 'high' },
      reach: { breakout: 4, estimatedAudience: 2_000_000 },
      time: { firstSeen: daysBeforePolling(30) },
    });
    const r = assessThreat(t, ELECTION, DEFAULT_POLICY, { asOf: daysBeforePolling(29) });
    expect(r.level).toBe('speak-publicly');
    expect(r.attributionMayBeStated).toBe(true);
    expect(r.spokesperson.id).toBe('panel'); // foreign attribution during the election period
    expect(r.partners.map((p) => p.id)).toEqual(
      expect.arrayContaining(['election-authority', 'security-agency']),
    );
    const early = { ...t, time: { firstSeen: '2026-05-30T08:00:00Z' } };
    const before = assessThreat(early, ELECTION, DEFAULT_POLICY, { asOf: '2026-06-01T00:00:00Z' });
    expect(before.electionPeriod).toBe(false);
    expect(before.spokesperson.id).toBe('security-agency');
  });

  it('5. an unattributed bot network amplifying divisive content with no link to voting, Breakout 2: not speak publicly', () => {
    const t = threat({
      purpose: 'polarize',
      type: 'inauthentic-behaviour',
      source: { actor: 'unknown', confidence: 'low' },
      place: { level: 'online-only', channels: ['X', 'TikTok'] },
      reach: { breakout: 2, trend: 'growing', estimatedAudience: 80_000 },
    });
    for (const asOf of [daysBeforePolling(60), FIVE_DAYS_BEFORE, daysBeforePolling(0)]) {
      const r = assessThreat(t, ELECTION, DEFAULT_POLICY, { asOf });
      expect(r.level).not.toBe('speak-publicly');
      expect(r.spokesperson.id).toBe('platforms');
    }
  });

  it('6. six low-reach articles from one foreign proxy at one community over a month: each below speak-publicly, together higher and at least engage-privately', () => {
    const articles = [0, 6, 12, 18, 24, 29].map((d, i) =>
      threat({
        id: `proxy-${i + 1}`,
        title: `Article ${i + 1}`,
        purpose: 'polarize',
        type: 'disinformation',
        target: { kind: 'community', description: 'Punjabi-speaking voters in Surrey' },
        time: { firstSeen: daysBeforePolling(60 - d) },
        place: { level: 'local', regions: ['Surrey'], channels: ['maple-truth.example'] },
        source: { actor: 'foreign-proxy', name: 'Maple Truth Network', confidence: 'moderate' },
        reach: { breakout: 1, estimatedAudience: 1_500 },
        falseClaim: 'Newcomers in Surrey are being told how to vote by their temples.',
      }),
    );
    const asOf = daysBeforePolling(30);
    const members = articles.map((a) => assessThreat(a, ELECTION, DEFAULT_POLICY, { asOf }));
    for (const m of members) expect(m.level).not.toBe('speak-publicly');
    const cluster = assessCluster(articles, ELECTION, DEFAULT_POLICY, { asOf });
    expect(cluster.cluster).toBe(true);
    expect(cluster.score).toBeGreaterThan(Math.max(...members.map((m) => m.score)));
    expect(['engage-privately', 'speak-publicly']).toContain(cluster.level);
    const pattern = cluster.factors.find((f) => f.id === 'pattern')!;
    expect(pattern.points).toBeGreaterThan(0);
    expect(factorReason(translatorFor('en'), pattern)).toMatch(
      /6 threats over 29 days, a sustained pattern, sharing the actor name, the target, a region/,
    );
    expect(cluster.spokesperson.id).toBe('panel');
    expect(cluster.partners.map((p) => p.id)).toContain('civil-society');
  });
});
