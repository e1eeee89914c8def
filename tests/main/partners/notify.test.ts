// partnersToNotify: who to notify about threats, and why (pure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Partner } from '../../../src/shared/domain/partners';
import { matchRule, partnersToNotify } from '../../../src/main/partners/notify';
import { arbThreat } from '../../helpers/arbitraries';
import { threat } from '../../fixtures/mini-workspace';

const contact = { name: 'A Person', email: 'a@example.org' };
const partner = (id: string, overrides: Partial<Partner> = {}): Partner => ({
  id,
  name: id,
  kind: 'other',
  roles: [{ role: 'Main', primary: contact }],
  ...overrides,
});

describe('matchRule', () => {
  const t = threat('T-1'); // mislead-voting-process, disinformation, general-public, North Shore, facebook + x, breakout 3

  it('matches when every criterion the rule sets matches, and says what matched', () => {
    expect(
      matchRule({ purposes: ['mislead-voting-process', 'polarize'], regions: ['north shore'] }, t),
    ).toEqual([
      { field: 'purpose', value: 'mislead-voting-process' },
      { field: 'region', value: 'North Shore' },
    ]);
    expect(matchRule({ types: ['disinformation'], channels: ['X'], minBreakout: 3 }, t)).toEqual([
      { field: 'type', value: 'disinformation' },
      { field: 'channel', value: 'x' },
      { field: 'breakout', value: 3 },
    ]);
  });

  it('does not match when any criterion fails', () => {
    expect(matchRule({ purposes: ['mislead-voting-process'], targetKinds: ['media'] }, t)).toBeNull();
    expect(matchRule({ regions: ['Ferrier Islands'] }, t)).toBeNull();
    expect(matchRule({ channels: ['telegram'] }, t)).toBeNull();
    expect(matchRule({ minBreakout: 4 }, t)).toBeNull();
  });

  it('matches everything with a rule without criteria (empty lists count as none)', () => {
    expect(matchRule({}, t)).toEqual([]);
    expect(matchRule({ purposes: [], regions: [] }, t)).toEqual([]);
  });
});

describe('partnersToNotify', () => {
  const meta = partner('meta', { name: 'Meta', kind: 'platform', handles: ['Facebook', 'instagram'] });
  const authority = partner('ea', {
    name: 'Elections authority',
    kind: 'election-authority',
    notify: [{ purposes: ['mislead-voting-process'], note: 'Voting process' }],
  });
  const police = partner('police', { name: 'Police', kind: 'police', notify: [{ types: ['intimidation'] }] });
  const media = partner('media', { name: 'Broadcaster', kind: 'media', notify: [{ minBreakout: 4 }] });

  it('returns who to notify and why, by rule or by a channel they handle', () => {
    const result = partnersToNotify(
      [
        threat('T-1'),
        threat('T-2', {
          type: 'intimidation',
          place: { level: 'local', channels: ['telegram'] },
          reach: { breakout: 5 },
        }),
      ],
      [meta, authority, police, media],
    );
    expect(result.map((p) => p.partnerId)).toEqual(['ea', 'media', 'meta', 'police']);
    const ea = result.find((p) => p.partnerId === 'ea')!;
    expect(ea.threatIds).toEqual(['T-1', 'T-2']);
    expect(ea.reasons[0]).toEqual({
      threatId: 'T-1',
      source: 'rule',
      ruleIndex: 0,
      criteria: [{ field: 'purpose', value: 'mislead-voting-process' }],
      note: 'Voting process',
    });
    expect(result.find((p) => p.partnerId === 'meta')!.reasons).toEqual([
      { threatId: 'T-1', source: 'handles', criteria: [{ field: 'channel', value: 'facebook' }] },
    ]);
    expect(result.find((p) => p.partnerId === 'police')!.threatIds).toEqual(['T-2']);
    expect(result.find((p) => p.partnerId === 'media')!.reasons).toEqual([
      { threatId: 'T-2', source: 'rule', ruleIndex: 0, criteria: [{ field: 'breakout', value: 5 }] },
    ]);
    // How to reach them comes along.
    expect(ea.roles).toEqual(authority.roles);
  });

  it('accepts a single threat', () => {
    expect(partnersToNotify(threat('T-1'), [authority]).map((p) => p.partnerId)).toEqual(['ea']);
  });

  it('names nobody without a reason (property: every partner listed has a reason for each of its threats)', () => {
    fc.assert(
      fc.property(fc.array(arbThreat(), { maxLength: 6 }), (threats) => {
        const result = partnersToNotify(threats, [meta, authority, police, media, partner('silent')]);
        expect(result.some((p) => p.partnerId === 'silent')).toBe(false);
        for (const p of result) {
          expect(p.threatIds.length).toBeGreaterThan(0);
          for (const id of p.threatIds) expect(p.reasons.some((r) => r.threatId === id)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
