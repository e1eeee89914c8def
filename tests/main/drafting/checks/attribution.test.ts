import { describe, expect, it } from 'vitest';
import { assessment, checkContext, threat } from '../fixtures';
import { checksOf, draftOf, flagged } from './draft-of';
import { runChecks } from '../../../../src/main/drafting';

const named = threat({
  source: { actor: 'foreign-state', name: 'Storm-1516 (Russia-linked)', confidence: 'moderate' },
});

describe('attribution', () => {
  it('flags the actor’s name and foreign countries when confidence is below high', () => {
    const ctx = checkContext([named], assessment({ attributionMayBeStated: false }));
    const text = 'Storm-1516 accounts, run from Russia and amplified by Chinese state media, spread it.';
    expect(flagged('attribution', text, 'en', ctx)).toEqual(['Storm-1516', 'Russia', 'Chinese']);
    expect(checksOf('attribution', text, 'en', ctx).every((c) => c.severity === 'error')).toBe(true);
  });

  it('flags country names and demonyms in French', () => {
    const ctx = checkContext([named]);
    expect(flagged('attribution', 'Des comptes liés à la Russie et au régime iranien.', 'fr', ctx)).toEqual([
      'Russie',
      'iranien',
    ]);
  });

  it('is an error on phrases that imply who is behind it ("a foreign state-linked network")', () => {
    const ctx = checkContext([named]);
    const c = checksOf('attribution', 'It comes from a foreign state-linked network.', 'en', ctx);
    expect(c.map((x) => [x.severity, x.message.id, x.message.params?.text])).toEqual([
      ['error', 'checks:attribution.implied', 'foreign state'],
    ]);
    expect(flagged('attribution', 'Un réseau lié à un État est en cause.', 'fr', ctx)).toEqual([
      'lié à un État',
    ]);
  });

  it('allows all of it when attribution may be stated and confidence is high', () => {
    const high = threat({ source: { actor: 'foreign-state', name: 'Storm-1516', confidence: 'high' } });
    const ctx = checkContext([high], assessment({ attributionMayBeStated: true }));
    expect(checksOf('attribution', 'Storm-1516, run from Russia, spread it.', 'en', ctx)).toEqual([]);
    // …but not when the assessment withheld it (a gate), even at high confidence.
    expect(
      checksOf(
        'attribution',
        'Run from Russia.',
        'en',
        checkContext([high], assessment({ attributionMayBeStated: false })),
      ),
    ).toHaveLength(1);
  });

  it('does not flag the election’s own country, neutral text, or our media contact’s name', () => {
    const ctx = checkContext([named]);
    expect(checksOf('attribution', 'Voters across Canada can vote by mail.', 'en', ctx)).toEqual([]);
    const d = draftOf({ en: [{ text: 'Jordan Blake\nmedia@example.org', kind: 'media-contact' }] });
    expect(runChecks(d, ctx).filter((c) => c.id === 'attribution')).toEqual([]);
  });
});
