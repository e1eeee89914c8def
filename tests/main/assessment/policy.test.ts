// parsePolicy: the default is accepted; bad policies are refused with readable "path: message" reasons.
import { describe, expect, it } from 'vitest';
import defaultJson from '../../../assets/policy/default-policy.json';
import { outcomesSection, parsePolicy } from '../../../src/shared/domain/policy';

// Poked at any depth with any value, as a hand-edited policy file can be: untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Json = Record<string, any>;
const copy = (): Json => structuredClone(defaultJson) as Json;
const errorsOf = (json: unknown): string[] => {
  const r = parsePolicy(json);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};

describe('parsePolicy', () => {
  it('accepts the default policy, version 1, weights adding up to 100', () => {
    const r = parsePolicy(defaultJson);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.version).toBe(1);
    expect(r.policy.factors.reduce((s, f) => s + f.weight, 0)).toBe(100);
    expect(r.policy.thresholds.engagePrivately).toBeLessThan(r.policy.thresholds.speakPublicly);
  });

  it('gives every setting of the default policy a description saying what it is for', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}.${i}`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Json;
      if (typeof o.description !== 'string' || o.description.trim() === '') missing.push(path || 'policy');
      for (const [k, v] of Object.entries(o)) if (k !== 'values') walk(v, path ? `${path}.${k}` : k);
    };
    walk(defaultJson, '');
    expect(missing).toEqual([]);
  });

  it('refuses thresholds out of order', () => {
    const p = copy();
    p.thresholds.engagePrivately = 70;
    p.thresholds.speakPublicly = 60;
    expect(errorsOf(p)).toEqual(['thresholds: engagePrivately (70) must be below speakPublicly (60)']);
  });

  it('refuses thresholds outside 0–100', () => {
    const p = copy();
    p.thresholds.speakPublicly = 140;
    expect(errorsOf(p)).toEqual(['thresholds.speakPublicly: must be between 0 and 100']);
  });

  it('refuses weights that do not add up to 100', () => {
    const p = copy();
    p.factors[0].weight = 50;
    expect(errorsOf(p)).toEqual([
      'factors: weights must add up to 100 so that the score runs from 0 to 100; they add up to 110',
    ]);
  });

  it('refuses an unknown factor type', () => {
    const p = copy();
    p.factors[4].type = 'vibes';
    expect(errorsOf(p)).toEqual([
      'factors.4.type: type must be one of harm, reach, foreign-involvement, timing, national-security',
    ]);
  });

  it('refuses wrong types, naming the path', () => {
    const p = copy();
    p.version = '1';
    p.thresholds.engagePrivately = 'thirty-five';
    p.gates.containedItem.enabled = 'yes';
    const errors = errorsOf(p);
    expect(errors).toContain('version: Invalid input: expected number, received string');
    expect(errors).toContain('thresholds.engagePrivately: Invalid input: expected number, received string');
    expect(errors).toContain('gates.containedItem.enabled: Invalid input: expected boolean, received string');
    expect(errorsOf('not a policy')).toEqual(['policy: Invalid input: expected object, received string']);
  });

  it('refuses a version below 1, a missing description, an unknown key and a duplicate factor id', () => {
    const p = copy();
    p.version = 0;
    delete p.criticalWindow.description;
    p.thresholds.speakPublic = 60;
    p.factors[1].id = 'harm';
    expect(errorsOf(p)).toEqual(
      expect.arrayContaining([
        'version: must be 1 or more',
        'criticalWindow.description: Invalid input: expected string, received undefined',
        'thresholds: Unrecognized key: "speakPublic"',
      ]),
    );
    const q = copy();
    q.factors[1].id = 'harm';
    expect(errorsOf(q)).toEqual(['factors.1.id: "harm" is used by more than one factor']);
  });

  it('refuses tables that would let more reach, confidence or proximity lower the score', () => {
    const p = copy();
    p.factors[1].byBreakout.values['4'] = 0.1;
    p.factors[2].byActorAndConfidence.values['foreign-state'].high = 0.2;
    p.factors[3].byPhase.values['polling-day'] = 0.5;
    expect(errorsOf(p)).toEqual([
      'factors.1.byBreakout.values: must not decrease from category 1 to 6 (more reach never lowers the score)',
      'factors.2.byActorAndConfidence.values.foreign-state: must not decrease from low to moderate to high confidence (more confidence never lowers the score)',
      'factors.3.byPhase.values: must rise towards polling day: outside-election-period ≤ election-period ≤ critical-window ≤ polling-day, and after-certification ≤ count ≤ polling-day',
    ]);
  });

  it('accepts stricter election-period thresholds and refuses laxer ones', () => {
    const p = copy();
    p.electionPeriodThresholds = {
      description: 'Stricter during the election.',
      engagePrivately: 45,
      speakPublicly: 70,
    };
    expect(parsePolicy(p).ok).toBe(true);
    p.electionPeriodThresholds.speakPublicly = 50;
    expect(errorsOf(p)).toEqual([
      'electionPeriodThresholds: must be at least as strict (as high) as thresholds during the election period',
    ]);
    delete p.electionPeriodThresholds;
    expect(parsePolicy(p).ok).toBe(true);
  });

  it('refuses a missing purpose in the harm table', () => {
    const p = copy();
    delete p.factors[0].byPurpose.values.polarize;
    expect(errorsOf(p)).toEqual([
      'factors.0.byPurpose.values.polarize: Invalid input: expected number, received undefined',
    ]);
  });

  it('takes an outcome follow-up of 1 to 365 whole days, and refuses anything else naming the path', () => {
    const withDays = (value: unknown): Json => ({
      ...copy(),
      outcomes: { ...outcomesSection(), followUpDays: { ...outcomesSection().followUpDays, value } },
    });
    for (const days of [1, 7, 365]) expect(parsePolicy(withDays(days)).ok).toBe(true);
    expect(errorsOf(withDays(0))).toEqual(['outcomes.followUpDays.value: must be 1 or more']);
    expect(errorsOf(withDays(366))).toEqual(['outcomes.followUpDays.value: must be at most 365 days']);
    expect(errorsOf(withDays(2.5))).toEqual(['outcomes.followUpDays.value: must be a whole number of days']);
    expect(errorsOf(withDays('7'))).toHaveLength(1);
  });
});
