import { describe, expect, it } from 'vitest';
import { buildPlan, officialLanguages } from '../../../src/main/drafting';
import { CommunicationPlanSchema } from '../../../src/shared/domain/drafting';
import { THREAT_TYPES } from '../../../src/shared/domain/enums';
import { AS_OF, assessment, election, planFor, threat } from './fixtures';

const nb = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('buildPlan', () => {
  it('gives a valid plan for a realistic threat', () => {
    const plan = planFor();
    expect(CommunicationPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.purpose).toBe('correct');
    expect(plan.threatTypes).toEqual(['disinformation']);
    expect(plan.audience.kinds).toEqual(['general-public']);
    expect(plan.audience.descriptions).toEqual(['Voters who asked for a mail-in ballot']);
    expect(plan.where).toMatchObject({
      channels: ['x', 'facebook'],
      regions: ['North Shore'],
      languages: ['en', 'fr'],
    });
    // The organisation's name stands for the election authority.
    expect(plan.spokesperson).toMatchObject({
      id: 'election-authority',
      label: { en: 'Elections Lakeshore', fr: 'Élections Lakeshore' },
    });
    expect(buildPlan([threat()], election, assessment(), { asOf: AS_OF }).spokesperson.label.en).toBe(
      'the election authority',
    );
    expect(plan.warnings).toBeUndefined();
    expect(plan.partners.map((p) => p.id)).toEqual(['platforms', 'party-security-contacts']);
    expect(plan.mediaContact.name).toBe('Sam Okoro');
  });

  it.each([
    ['speak-publicly', {}, 'correct'],
    ['engage-privately', {}, 'notify'],
    ['speak-publicly', { falseClaim: undefined, type: 'impersonation' }, 'warn'],
    ['speak-publicly', { falseClaim: undefined, purpose: 'intimidate', type: 'intimidation' }, 'warn'],
    [
      'speak-publicly',
      { falseClaim: undefined, purpose: 'undermine-results', type: 'cyber-intrusion' },
      'reassure',
    ],
    [
      'speak-publicly',
      { falseClaim: undefined, purpose: 'polarize', type: 'inauthentic-behaviour' },
      'inform',
    ],
  ] as const)('at level %s with %o the purpose is %s', (level, overrides, purpose) => {
    const plan = buildPlan([threat(overrides)], election, assessment({ level }), { asOf: AS_OF });
    expect(plan.purpose).toBe(purpose);
    expect(plan.purposeReason.en).not.toBe('');
    expect(plan.purposeReason.fr).not.toBe('');
  });

  it('times the release from the election calendar', () => {
    const at = (asOf: string) =>
      buildPlan(
        [threat({ time: { firstSeen: '2027-02-20T10:00:00Z' }, reach: { breakout: 2, trend: 'stable' } })],
        election,
        assessment(),
        { asOf },
      ).timing;
    const before = at('2027-04-20T12:00:00Z');
    expect(before).toMatchObject({ phase: 'campaign', urgency: 'before-date', releaseBy: '2027-05-06' });
    expect(before.text.en).toBe('Before advance voting opens on May 7, 2027.');
    expect(nb(before.text.fr)).toBe('Avant l’ouverture du vote par anticipation le 7 mai 2027.');
    expect(at('2027-05-09T12:00:00Z')).toMatchObject({ phase: 'advance-voting', urgency: 'immediate' });
    const soon = at('2027-05-15T12:00:00Z');
    expect(soon.text.en).toBe(
      'Immediately: advance voting is under way and polling day is in 2 days (May 17, 2027).',
    );
    expect(at('2027-05-17T08:00:00-04:00')).toMatchObject({
      phase: 'polling-day',
      urgency: 'immediate',
      daysToPollingDay: 0,
    });
    expect(at('2027-05-20T12:00:00Z').phase).toBe('count');
    expect(at('2027-06-20T12:00:00Z').phase).toBe('post-election');
    expect(at('2027-03-01T12:00:00Z').phase).toBe('pre-writ');
  });

  it('says "immediately: polling day is in 2 days" when there is no advance voting left to wait for', () => {
    const noAdvance = { ...election, advanceVotingStart: undefined };
    const t = buildPlan([threat()], noAdvance, assessment(), { asOf: '2027-05-15T12:00:00Z' }).timing;
    expect(t.text.en).toBe('Immediately: polling day is in 2 days (May 17, 2027).');
    expect(nb(t.text.fr)).toBe('Immédiatement : le jour du scrutin est dans 2 jours (17 mai 2027).');
  });

  it('never advises a moment already past for the threat, and warns of a first-seen time in the future', () => {
    // As of December 2026, a threat first seen on May 13, 2027 (after advance voting opened on May 7).
    const late = threat({
      time: { firstSeen: '2027-05-13T09:00:00Z' },
      reach: { breakout: 2, trend: 'stable' },
    });
    const plan = buildPlan([late], election, assessment(), { asOf: '2026-12-01T12:00:00Z' });
    expect(plan.timing.text.en).not.toMatch(/before advance voting opens/i);
    expect(plan.timing).toMatchObject({
      phase: 'advance-voting',
      urgency: 'immediate',
      releaseBy: '2027-05-13',
    });
    expect(plan.warnings).toEqual([
      {
        id: 'plan:firstSeenInFuture',
        params: { threat: 'lk27-001', firstSeen: '2027-05-13T09:00:00Z', asOf: '2026-12-01T12:00:00Z' },
      },
    ]);
    // Seen before the plan is made: advice from the plan's own date.
    const early = threat({
      time: { firstSeen: '2027-04-18T09:00:00Z' },
      reach: { breakout: 2, trend: 'stable' },
    });
    expect(
      buildPlan([early], election, assessment(), { asOf: '2027-04-20T12:00:00Z' }).timing.releaseBy,
    ).toBe('2027-05-06');
  });

  it('works without an election calendar', () => {
    const plan = buildPlan([threat()], undefined, assessment(), { asOf: AS_OF });
    expect(plan.timing.phase).toBe('unknown');
    expect(plan.where.languages).toEqual(['en', 'fr']);
  });

  it('drafts in the election’s official languages and names the others', () => {
    expect(officialLanguages({ ...election, languages: ['fr-CA'] })).toEqual({
      languages: ['fr'],
      other: [],
    });
    expect(officialLanguages({ ...election, languages: ['en', 'iu'] })).toEqual({
      languages: ['en'],
      other: ['iu'],
    });
    expect(officialLanguages({ ...election, languages: undefined }).languages).toEqual(['en', 'fr']);
  });

  it.each(THREAT_TYPES)('says what is being done for a %s threat, in both languages', (type) => {
    const plan = buildPlan([threat({ type })], election, assessment(), { asOf: AS_OF });
    for (const lang of ['en', 'fr'] as const) {
      expect(plan.protectionMeasures[lang].length).toBeGreaterThanOrEqual(2);
      for (const s of plan.protectionMeasures[lang]) expect(s).toMatch(/^[A-ZÉÀ].*\.$/u);
    }
  });

  it('points to the election authority’s website and phone line, with placeholders when they are not recorded', () => {
    const plan = planFor();
    expect(plan.reliableSources.en).toEqual([
      'Visit Elections Lakeshore’s website: elections.lakeshore.example',
      'Call Elections Lakeshore: 1-800-555-0127',
    ]);
    expect(nb(plan.reliableSources.fr[0]!)).toBe(
      'Consultez le site Web d’Élections Lakeshore : elections.lakeshore.example',
    );
    const bare = buildPlan([threat()], election, assessment(), { asOf: AS_OF });
    expect(bare.reliableSources.en[0]).toContain('[TO COMPLETE: web address]');
    expect(bare.reliableSources.fr[1]).toMatch(/\[À COMPLÉTER\s:\snuméro de téléphone\]/u);
  });

  it('allows attribution only when the assessment does and every threat is high confidence', () => {
    expect(planFor([threat()], assessment({ attributionMayBeStated: true })).attributionMayBeStated).toBe(
      false,
    );
    const high = threat({ source: { actor: 'foreign-state', name: 'Storm-1516', confidence: 'high' } });
    expect(planFor([high], assessment({ attributionMayBeStated: true })).attributionMayBeStated).toBe(true);
    expect(planFor([high], assessment({ attributionMayBeStated: false })).attributionMayBeStated).toBe(false);
  });

  it('refuses an empty list of threats', () => {
    expect(() => buildPlan([], election, assessment(), { asOf: AS_OF })).toThrow(/at least one threat/);
  });
});
