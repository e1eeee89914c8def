// Suggesting clusters through the service reads the log as columns from the covering index (no threat
// objects) and names only the threats it returns: on a busy, seeded log it must give exactly what the pure
// function gives on the whole threats, in the same order, with the same reasons.
import { describe, expect, it } from 'vitest';
import { suggestClusters } from '../../../src/main/assessment/suggest-clusters';
import type { ClusterSuggestionView } from '../../../src/shared/domain/decision';
import type { Threat } from '../../../src/shared/domain/workspace';
import { openTestApp } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';

/** mulberry32: the same log for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function busyLog(n: number, seed: number): Threat[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sources = [
    'Maple Truth Network',
    'maple truth network!',
    '@VoterWatch',
    'Harbour Insider',
    undefined,
  ];
  const regions = ['North Shore', 'north shore', 'Capital', 'Lakeside', 'Old Town'];
  const channels = ['facebook', 'x', 'Telegram', 'telegram', 'sms'];
  const claims = [
    'Mail-in ballots posted after Friday will not count',
    'Your mail-in ballot will not count if posted after Friday',
    'Polling stations close at noon',
    'Voting machines were hacked overnight',
    undefined,
  ];
  const start = Date.parse('2027-04-14T00:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const name = pick(sources);
    return threat(`R-${i}`, {
      title: `Threat ${i}`,
      purpose: pick(['mislead-voting-process', 'suppress-turnout', 'polarize'] as const),
      type: pick(['disinformation', 'misinformation'] as const),
      target: {
        kind: pick(['general-public', 'community'] as const),
        description: pick(['Voters', 'Seniors']),
      },
      // Many share a second, so ties in time are broken the same way on both paths.
      time: { firstSeen: new Date(start + Math.floor(r() * 40) * 3_600_000 * 6).toISOString() },
      place: {
        level: 'regional',
        regions: [pick(regions), ...(r() < 0.3 ? [pick(regions)] : [])],
        channels: [pick(channels), ...(r() < 0.5 ? [pick(channels), pick(channels)] : [])],
        languages: ['en'],
      },
      source: { actor: 'unknown', confidence: 'low', ...(name ? { name } : {}) },
      ...(pick(claims) ? { falseClaim: pick(claims.filter(Boolean)) } : { falseClaim: undefined }),
    });
  }).map((t) => JSON.parse(JSON.stringify(t)) as Threat);
}

describe('cluster suggestions through the service', () => {
  it('equal the pure function on the whole threats, in order, with the same reasons and titles', async () => {
    const app = openTestApp();
    const log = busyLog(400, 14);
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ format: 'threshold-workspace/1', elections: [election], threats: log }),
    });
    for (const windowDays of [2, 14]) {
      const viaService = await app.call<ClusterSuggestionView[]>('assessment:suggestClusters', {
        electionId: election.id,
        windowDays,
        limit: 500,
      });
      const pure = suggestClusters(log, { windowDays, limit: 500 });
      expect(viaService.length).toBeGreaterThan(10);
      expect(viaService.map(({ threatIds, reasons, score }) => ({ threatIds, reasons, score }))).toEqual(
        pure,
      );
      for (const s of viaService)
        for (const id of s.threatIds) expect(s.titles[id]).toBe(`Threat ${id.slice(2)}`);
    }
  });
});
