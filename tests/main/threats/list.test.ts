import { describe, expect, it } from 'vitest';
import type { Facets, ThreatPage } from '../../../src/shared/domain/threat-log';
import { openTestApp } from '../../helpers/db';
import { election, threat, workspace } from '../../fixtures/mini-workspace';

async function logWith() {
  const app = openTestApp();
  const threats = [
    threat('A', {
      title: 'Robocalls give wrong polling date',
      purpose: 'suppress-turnout',
      type: 'disinformation',
      time: { firstSeen: '2027-05-01T10:00:00Z' },
      place: { level: 'regional', regions: ['North Shore'], channels: ['robocall'] },
      reach: { breakout: 2 },
      source: { actor: 'foreign-proxy', confidence: 'moderate', name: 'Northern Lights Media Group' },
    }),
    threat('B', {
      title: 'Fausse date du scrutin',
      summary: 'Des messages annoncent une élection reportée.',
      falseClaim: 'Le scrutin est reporté.',
      purpose: 'mislead-voting-process',
      type: 'misinformation',
      time: { firstSeen: '2027-05-03T10:00:00Z' },
      place: { level: 'local', regions: ['Eastern Townships'], channels: ['facebook'] },
      reach: { breakout: 4 },
    }),
    threat('C', {
      title: 'Leaked voter registry',
      purpose: 'undermine-results',
      type: 'hack-and-leak',
      time: { firstSeen: '2027-05-05T10:00:00-04:00' },
      place: { level: 'national', channels: ['telegram', 'website'] },
      reach: { breakout: 5 },
      classifiedNotes: [{ classification: 'TOP SECRET', text: 'x' }],
    }),
  ];
  await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace(threats)) });
  return app;
}

const ids = (page: ThreatPage) => page.rows.map((r) => r.id);

describe('threat log queries', () => {
  it('sorts by first seen (UTC, whatever the offset) both ways, and by other columns', async () => {
    const app = await logWith();
    expect(ids(await app.call('threats:list', {}))).toEqual(['C', 'B', 'A']);
    expect(ids(await app.call('threats:list', { sort: { field: 'firstSeen', direction: 'asc' } }))).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(ids(await app.call('threats:list', { sort: { field: 'breakout', direction: 'desc' } }))).toEqual([
      'C',
      'B',
      'A',
    ]);
    expect(ids(await app.call('threats:list', { sort: { field: 'title', direction: 'asc' } }))).toEqual([
      'B',
      'C',
      'A',
    ]);
  });

  it('filters by enums, region, channel, date range and classification', async () => {
    const app = await logWith();
    expect(
      ids(await app.call('threats:list', { filter: { purpose: ['suppress-turnout', 'undermine-results'] } })),
    ).toEqual(['C', 'A']);
    expect(ids(await app.call('threats:list', { filter: { actor: ['foreign-proxy'] } }))).toEqual(['A']);
    expect(ids(await app.call('threats:list', { filter: { region: 'north shore' } }))).toEqual(['A']);
    expect(ids(await app.call('threats:list', { filter: { channel: 'telegram' } }))).toEqual(['C']);
    expect(ids(await app.call('threats:list', { filter: { from: '2027-05-02', to: '2027-05-03' } }))).toEqual(
      ['B'],
    );
    expect(ids(await app.call('threats:list', { filter: { classified: true } }))).toEqual(['C']);
    expect(ids(await app.call('threats:list', { filter: { breakout: [2, 4] } }))).toEqual(['B', 'A']);
    expect(
      ids(await app.call('threats:list', { filter: { electionId: election.id, type: ['hack-and-leak'] } })),
    ).toEqual(['C']);
  });

  it('searches the full text, with prefixes and without accents', async () => {
    const app = await logWith();
    expect(ids(await app.call('threats:list', { filter: { search: 'robocall' } }))).toEqual(['A']);
    expect(ids(await app.call('threats:list', { filter: { search: 'regist' } }))).toEqual(['C']);
    expect(ids(await app.call('threats:list', { filter: { search: 'election reportee' } }))).toEqual(['B']);
    expect(ids(await app.call('threats:list', { filter: { search: 'Northern Lights' } }))).toEqual(['A']);
    expect(ids(await app.call('threats:list', { filter: { search: '"); DROP TABLE threats; --' } }))).toEqual(
      [],
    );
    expect((await app.call<ThreatPage>('threats:list', {})).total).toBe(3);
  });

  it('pages through the log without loading it whole', async () => {
    const app = await logWith();
    const page = await app.call<ThreatPage>('threats:list', { offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(ids(page)).toEqual(['B']);
    const bad = await app.dispatch('threats:list', { limit: 100000 });
    expect(bad.ok).toBe(false);
  });

  it('reports the regions and channels in use for the filters', async () => {
    const app = await logWith();
    const facets = await app.call<Facets>('threats:facets', {});
    expect(facets.regions).toEqual(['Eastern Townships', 'North Shore']);
    expect(facets.channels).toEqual(['facebook', 'robocall', 'telegram', 'website']);
  });

  it('leaves out the values only deleted threats or other elections use, and counts per election', async () => {
    const app = await logWith();
    const other = { ...election, id: 'el-other', name: 'Other' };
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({
        format: 'threshold-workspace/1',
        elections: [other],
        threats: [
          threat('D', {
            electionId: 'el-other',
            place: { level: 'local', regions: ['Lakeside'], channels: ['sms'] },
          }),
          threat('E', {
            place: { level: 'local', regions: ['north shore', 'Gone'], channels: ['Robocall', 'fax'] },
          }),
        ],
      }),
    });
    await app.call('threats:delete', { id: 'E' });
    await app.call('threats:delete', { id: 'A' });
    const all = await app.call<Facets>('threats:facets', {});
    expect(all).toEqual({
      regions: ['Eastern Townships', 'Lakeside'],
      channels: ['facebook', 'sms', 'telegram', 'website'],
      total: 3,
      deleted: 2,
    });
    expect(await app.call<Facets>('threats:facets', { electionId: election.id })).toEqual({
      regions: ['Eastern Townships'],
      channels: ['facebook', 'telegram', 'website'],
      total: 2,
      deleted: 2,
    });
    await app.call('threats:undelete', { id: 'E' });
    const back = await app.call<Facets>('threats:facets', { electionId: election.id });
    // One entry per value whatever its case: the first in sort order.
    expect(back.regions.map((r) => r.toLowerCase())).toEqual(['eastern townships', 'gone', 'north shore']);
    expect(back.channels.map((c) => c.toLowerCase())).toEqual([
      'facebook',
      'fax',
      'robocall',
      'telegram',
      'website',
    ]);
  });

  it('keeps the search index in step with edits', async () => {
    const app = await logWith();
    await app.call('threats:update', {
      threat: threat('A', { title: 'Ballot boxes photographed' }),
      expectedVersion: 1,
    });
    expect(ids(await app.call('threats:list', { filter: { search: 'robocalls' } }))).toEqual([]);
    expect(ids(await app.call('threats:list', { filter: { search: 'photographed' } }))).toEqual(['A']);
  });

  it('searches deleted threats in the deleted view, and live ones again once undeleted', async () => {
    const app = await logWith();
    await app.call('threats:delete', { id: 'A' });
    expect(ids(await app.call('threats:list', { filter: { search: 'robocalls' } }))).toEqual([]);
    expect(ids(await app.call('threats:list', { filter: { search: 'robocalls', deleted: true } }))).toEqual([
      'A',
    ]);
    expect(ids(await app.call('threats:list', { filter: { search: 'registry', deleted: true } }))).toEqual(
      [],
    );
    await app.call('threats:undelete', { id: 'A' });
    expect(ids(await app.call('threats:list', { filter: { search: 'robocalls' } }))).toEqual(['A']);
  });

  it('counts a search alone and a search with filters alike', async () => {
    const app = await logWith();
    const alone = await app.call<ThreatPage>('threats:list', { filter: { search: 'claim' } });
    const withFilter = await app.call<ThreatPage>('threats:list', {
      filter: { search: 'claim', classified: false },
    });
    expect(alone.total).toBe(alone.rows.length);
    expect(withFilter.total).toBe(withFilter.rows.length);
    expect(withFilter.rows.every((r) => r.classification === null)).toBe(true);
  });

  it('re-importing a deleted threat brings it back once, findable once', async () => {
    const app = await logWith();
    await app.call('threats:delete', { id: 'A' });
    const ws = workspace([threat('A', { title: 'Robocalls again', summary: 'Robocalls return.' })]);
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(ws) });
    const page = await app.call<ThreatPage>('threats:list', { filter: { search: 'robocalls' } });
    expect(page.total).toBe(1);
    expect(ids(page)).toEqual(['A']);
  });
});
