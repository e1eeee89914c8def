// The explanation: factor points, gates, margins, counterfactuals, mitigations, thresholds in force.
import { describe, expect, it } from 'vitest';
import { assessCluster, assessThreat } from '../../../src/main/assessment/engine';
import { DEFAULT_POLICY } from '../../../src/main/assessment/default-policy';
import type { Policy } from '../../../src/shared/domain/policy';
import { counterfactualSentence, changeText, factorReason, say } from '../../../src/shared/i18n/explain';
import { translatorFor } from '../../../src/shared/i18n/message-text';
import { ELECTION, daysBeforePolling, threat } from './build';

const en = translatorFor('en');
const fr = translatorFor('fr');

// A foreign state's divisive campaign, moderate confidence: just under speak-publicly.
const campaign = threat({
  purpose: 'polarize',
  type: 'disinformation',
  time: { firstSeen: daysBeforePolling(30) },
  source: { actor: 'foreign-state', name: 'State X', confidence: 'moderate' },
  reach: { breakout: 3, estimatedAudience: 50_000 },
  context: { nationalSecurityImplications: true },
});
const asOf = daysBeforePolling(29);

describe('explanation', () => {
  it('gives the audience in words: "about 50,000 people", "1 person", "no audience reached"', () => {
    const reason = (estimatedAudience: number) =>
      factorReason(
        en,
        assessThreat(
          threat({ ...campaign, reach: { breakout: 1, estimatedAudience } }),
          ELECTION,
          DEFAULT_POLICY,
          {
            asOf,
          },
        ).factors.find((f) => f.id === 'reach')!,
      );
    expect(reason(50_000)).toMatch(/, about 50,000 people\.$/);
    expect(reason(1)).toMatch(/, about 1 person\.$/);
    expect(reason(0)).toMatch(/, no audience reached\.$/);
  });

  it('lists each factor with its points and a reason, and the score is their sum', () => {
    const r = assessThreat(campaign, ELECTION, DEFAULT_POLICY, { asOf });
    expect(r.factors.map((f) => f.id)).toEqual(['harm', 'reach', 'foreign', 'timing', 'national-security']);
    for (const f of r.factors) {
      expect(f.points).toBeCloseTo(Math.round(f.weight * f.value * 10) / 10, 5);
      expect(factorReason(en, f)).toMatch(/^[A-Z0-9].*\.$/);
      // The reason is a message, in each language; its French is not its English.
      expect(f.reason.id).toMatch(/^engine:factor\./);
      expect(factorReason(fr, f)).toMatch(/^[A-ZÀ-Ý0-9].*\.$/);
      expect(factorReason(fr, f)).not.toBe(factorReason(en, f));
    }
    expect(r.score).toBeCloseTo(
      r.factors.reduce((s, f) => s + f.points, 0),
      5,
    );
    expect(r.margins).toEqual({
      engagePrivately: Math.round((r.score - 35) * 10) / 10,
      speakPublicly: Math.round((r.score - 60) * 10) / 10,
    });
    expect(r.gates.map((g) => g.id)).toEqual([
      'domestic-political-debate',
      'contained-item',
      'low-confidence-attribution',
    ]);
    expect(r.policyVersion).toBe(1);
    expect(r.threatVersions).toEqual({ [campaign.id]: 1 });
  });

  it('says what single change would move the level: "if attribution confidence were high: speak-publicly"', () => {
    const r = assessThreat(campaign, ELECTION, DEFAULT_POLICY, { asOf });
    expect(r.level).toBe('engage-privately');
    const high = r.counterfactuals.find((c) => c.field === 'source.confidence');
    expect(high).toMatchObject({
      from: 'moderate',
      to: 'high',
      level: 'speak-publicly',
      change: { id: 'engine:change.confidence', params: { to: 'high' } },
    });
    expect(counterfactualSentence(en, high!)).toBe(
      'If attribution confidence were high, the level would be speak publicly.',
    );
    expect(counterfactualSentence(fr, high!)).toBe(
      'Si la confiance dans l’attribution était élevée, le niveau serait «\u00A0s’exprimer publiquement\u00A0».',
    );
    expect(r.counterfactuals.find((c) => c.field === 'reach.breakout' && c.to === 4)?.level).toBe(
      'speak-publicly',
    );
    expect(
      changeText(
        en,
        r.counterfactuals.find((c) => c.field === 'daysToPollingDay')!,
      ),
    ).toMatch(/^if it were \d+ days before polling day \(\d+ days later\)$/);
    // Smallest change of score first, and every one changes the level.
    const deltas = r.counterfactuals.map((c) => Math.abs(c.score - r.score));
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    for (const c of r.counterfactuals) expect(c.level).not.toBe(r.level);
  });

  it('skips counterfactuals with explain: false, and nothing else changes', () => {
    const full = assessThreat(campaign, ELECTION, DEFAULT_POLICY, { asOf });
    const quick = assessThreat(campaign, ELECTION, DEFAULT_POLICY, { asOf, explain: false });
    expect(quick.counterfactuals).toEqual([]);
    expect({ ...quick, counterfactuals: full.counterfactuals }).toEqual(full);
  });

  it('lowers the need to speak when a partner already debunked it or speaking would harm an investigation', () => {
    const base = assessThreat(campaign, ELECTION, DEFAULT_POLICY, { asOf });
    const debunked = assessThreat(
      { ...campaign, context: { ...campaign.context, debunkedByPartner: true } },
      ELECTION,
      DEFAULT_POLICY,
      { asOf },
    );
    expect(debunked.score).toBeCloseTo(base.score - 10, 5);
    expect(debunked.mitigations?.map((m) => m.id)).toEqual(['debunked-by-partner']);
    const high = { ...campaign, source: { ...campaign.source, confidence: 'high' as const } };
    expect(assessThreat(high, ELECTION, DEFAULT_POLICY, { asOf }).attributionMayBeStated).toBe(true);
    const sensitive = assessThreat(
      { ...high, context: { investigationSensitive: true } },
      ELECTION,
      DEFAULT_POLICY,
      { asOf },
    );
    expect(sensitive.attributionMayBeStated).toBe(false);
    expect(say(en, sensitive.mitigations![0]!.reason)).toMatch(/investigation/);
    expect(say(fr, sensitive.mitigations![0]!.reason)).toMatch(/enquête/);
  });

  it('uses stricter election-period thresholds from the writ to certification, when the policy sets them', () => {
    const strict: Policy = {
      ...DEFAULT_POLICY,
      electionPeriodThresholds: {
        description: 'Stricter during the election.',
        engagePrivately: 45,
        speakPublicly: 75,
      },
    };
    const mailIn = threat({
      purpose: 'mislead-voting-process',
      type: 'disinformation',
      time: { firstSeen: '2026-01-01T00:00:00Z' },
      reach: { breakout: 3, trend: 'growing', estimatedAudience: 250_000 },
    });
    const during = assessThreat(mailIn, ELECTION, strict, { asOf: daysBeforePolling(5) });
    expect(during.electionPeriod).toBe(true);
    expect(during.thresholds).toEqual({ engagePrivately: 45, speakPublicly: 75 });
    expect(during.level).toBe('engage-privately');
    expect(assessThreat(mailIn, ELECTION, DEFAULT_POLICY, { asOf: daysBeforePolling(5) }).level).toBe(
      'speak-publicly',
    );
    const outside = assessThreat(mailIn, ELECTION, strict, { asOf: '2026-03-01T00:00:00Z' });
    expect(outside.electionPeriod).toBe(false);
    expect(outside.thresholds).toEqual({ engagePrivately: 35, speakPublicly: 60 });
  });

  it('treats timing as neutral without an election, and follows the calendar with one', () => {
    const t = threat({ time: { firstSeen: '2026-01-01T00:00:00Z' } });
    const none = assessThreat(t, undefined, DEFAULT_POLICY, { asOf: daysBeforePolling(5) });
    expect(none.timingPhase).toBe('no-election');
    expect(none.daysToPollingDay).toBeNull();
    expect(none.factors.find((f) => f.id === 'timing')?.value).toBe(0.3);
    const phase = (d: number) =>
      assessThreat(t, ELECTION, DEFAULT_POLICY, { asOf: daysBeforePolling(d) }).timingPhase;
    expect([phase(60), phase(30), phase(12), phase(0), phase(-5), phase(-20)]).toEqual([
      'outside-election-period',
      'election-period',
      'critical-window',
      'polling-day',
      'count',
      'after-certification',
    ]);
  });

  it('records each member of a cluster, its version and its own score', () => {
    const a = threat({ id: 'a', source: { actor: 'foreign-proxy', name: 'P', confidence: 'high' } });
    const b = threat({
      id: 'b',
      source: { actor: 'foreign-proxy', name: 'P', confidence: 'high' },
      time: { firstSeen: '2026-10-05T00:00:00Z' },
    });
    const r = assessCluster([a, b], ELECTION, DEFAULT_POLICY, {
      asOf: daysBeforePolling(10),
      versions: { a: 3 },
    });
    expect(r.threatIds).toEqual(['a', 'b']);
    expect(r.threatVersions).toEqual({ a: 3, b: 1 });
    expect(Object.keys(r.memberScores ?? {})).toEqual(['a', 'b']);
    expect(r.factors.at(-1)?.id).toBe('pattern');
    expect(r.attributionMayBeStated).toBe(true);
    expect(() => assessCluster([], ELECTION, DEFAULT_POLICY, { asOf: daysBeforePolling(10) })).toThrow(
      /at least one/,
    );
  });
});
