// suggestClusters: finds the proxy campaign in a mixed log for a person to confirm, without merging
// threats that only happen to share a region, a channel or a period.
import { say } from '../../../src/shared/i18n/explain';
import { translatorFor } from '../../../src/shared/i18n/message-text';

import { describe, expect, it } from 'vitest';
import { suggestClusters } from '../../../src/main/assessment/engine';
import type { Threat } from '../../../src/shared/domain/workspace';
import { daysBeforePolling, threat } from './build';

const en = translatorFor('en');

const proxy = [0, 6, 12, 18, 24, 29].map((d, i) =>
  threat({
    id: `proxy-${i + 1}`,
    purpose: 'polarize',
    type: 'disinformation',
    target: { kind: 'community', description: 'Punjabi-speaking voters in Surrey' },
    time: { firstSeen: daysBeforePolling(60 - d) },
    place: { level: 'local', regions: ['Surrey'], channels: [i % 2 ? 'maple-truth.example' : 'Facebook'] },
    source: {
      actor: 'foreign-proxy',
      name: i === 3 ? 'maple truth network' : 'Maple Truth Network',
      confidence: 'moderate',
    },
    reach: { breakout: 1 },
    falseClaim: [
      'Temples are telling newcomers how to vote',
      'Newcomers must show a passport',
      'Gurdwaras organise buses',
      'Voters are paid',
      'Ballots are printed abroad',
      'Officials ignore complaints',
    ][i],
  }),
);

const mailIn = [2, 3, 5].map((d, i) =>
  threat({
    id: `mail-${i + 1}`,
    purpose: 'mislead-voting-process',
    type: 'misinformation',
    time: { firstSeen: daysBeforePolling(d) },
    place: { level: 'national', channels: [['X', 'TikTok', 'Telegram'][i]!] },
    source: { actor: 'unknown', name: `@account${i}`, confidence: 'low' },
    reach: { breakout: 2 },
    falseClaim: [
      'Mail-in ballots posted after Friday will not count',
      'Your mail-in ballot will not count if posted after Friday!',
      'Ballots mailed after Friday are thrown away and will not count',
    ][i],
  }),
);

// Unrelated: the same region or channel or period, nothing else in common.
const noise: Threat[] = Array.from({ length: 12 }, (_, i) =>
  threat({
    id: `noise-${i + 1}`,
    purpose: (['discredit-candidate', 'polarize', 'other', 'intimidate'] as const)[i % 4],
    type: 'other',
    target: { kind: 'candidate-or-party', description: `candidate ${i}` },
    time: { firstSeen: daysBeforePolling(58 - i * 4) },
    place: {
      level: 'local',
      regions: [i % 2 ? 'Surrey' : 'Ontario'],
      channels: [i % 3 ? 'Facebook' : `forum-${i}`],
    },
    source: { actor: 'domestic', name: `Person ${i}`, confidence: 'high' },
    falseClaim: [
      'The mayor sold the hospital',
      'Road repairs stopped in June',
      'Taxes will triple next year',
      'Schools close on Mondays',
      'Transit fares become free',
      'Rent control ends soon',
      'The bridge is unsafe',
      'Police budgets were cut in half',
      'Water is contaminated downtown',
      'Libraries ban French books',
      'Parks will be sold to developers',
      'Snow removal was privatised',
    ][i],
  }),
);

// The same source, long after the campaign: outside the window.
const late = threat({
  id: 'late-1',
  source: { actor: 'foreign-proxy', name: 'Maple Truth Network', confidence: 'moderate' },
  time: { firstSeen: '2027-06-01T00:00:00Z' },
});

const ids = (ts: Threat[]) => ts.map((t) => t.id).sort();

describe('suggestClusters', () => {
  const log = [
    ...noise.slice(0, 6),
    ...proxy.slice(0, 3),
    ...mailIn,
    late,
    ...noise.slice(6),
    ...proxy.slice(3),
  ];
  const suggestions = suggestClusters(log, { windowDays: 14 });

  it('finds the six-article proxy campaign, with its reasons', () => {
    const found = suggestions.find((s) => s.threatIds.some((id) => id.startsWith('proxy-')));
    expect(found).toBeDefined();
    expect([...found!.threatIds].sort()).toEqual(ids(proxy));
    expect(found!.threatIds).toEqual(proxy.map((t) => t.id)); // in time order
    expect(found!.reasons.map((r) => say(en, r))).toEqual(
      expect.arrayContaining([
        'same source: Maple Truth Network',
        'same target: Punjabi-speaking voters in Surrey (community)',
        'same region: Surrey',
      ]),
    );
  });

  it('finds the overlapping mail-in claims as a separate cluster', () => {
    const found = suggestions.find((s) => s.threatIds.some((id) => id.startsWith('mail-')));
    expect([...found!.threatIds].sort()).toEqual(ids(mailIn));
    expect(found!.reasons.map((r) => say(en, r)).join(' ')).toMatch(
      /overlapping false claims: .*(count|friday|mail)/,
    );
    // The same reasons in French.
    expect(found!.reasons.map((r) => say(translatorFor('fr'), r)).join(' ')).toMatch(
      /allégations fausses qui se recoupent/,
    );
  });

  it('does not merge unrelated threats', () => {
    for (const s of suggestions) {
      const groups = new Set(s.threatIds.map((id) => id.split('-')[0]));
      expect(groups.size, JSON.stringify(s)).toBe(1);
      expect(groups.has('noise'), JSON.stringify(s)).toBe(false);
      expect(s.threatIds).not.toContain('late-1');
    }
    expect(suggestions.map((s) => s.reasons)).toHaveLength(2);
  });

  it('respects the window and the minimum size', () => {
    expect(suggestClusters(proxy, { windowDays: 3 })).toEqual([]);
    expect(suggestClusters(mailIn, { windowDays: 14, minSize: 4 })).toEqual([]);
    expect(
      suggestClusters(
        [
          ...proxy,
          ...proxy.map((t) => ({ ...t, id: `${t.id}b`, time: { firstSeen: '2027-09-01T00:00:00Z' } })),
        ],
        { windowDays: 14 },
      ),
    ).toHaveLength(2);
  });

  it('cuts very long runs of one key into clusters of at most maxSize', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      threat({
        id: `m-${i}`,
        source: { actor: 'unknown', name: 'Busy', confidence: 'low' },
        time: { firstSeen: new Date(Date.UTC(2026, 5, 1, i)).toISOString() },
      }),
    );
    const s = suggestClusters(many, { windowDays: 1, maxSize: 20 });
    expect(s.map((x) => x.threatIds.length)).toEqual([20, 20, 10]);
  });
});
