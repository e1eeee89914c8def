// Pre-election readiness gaps (pure), and the readiness channel over the sample.
import { describe, expect, it } from 'vitest';
import type { Partner, ReadinessReport } from '../../../src/shared/domain/partners';
import { readinessGaps, staleBefore } from '../../../src/main/partners/readiness';
import { openTestApp } from '../../helpers/db';

const person = { name: 'A Person', phone: '+1 613 555 0100' };
const partner = (id: string, overrides: Partial<Partner> = {}): Partner => ({
  id,
  name: id,
  kind: 'other',
  roles: [{ role: 'Main', primary: person, backup: person }],
  ...overrides,
});

describe('readinessGaps', () => {
  const base = { channels: [], regions: [], pollingDay: '2027-05-17', asOf: '2027-05-01', staleDays: 60 };

  it('flags channels and regions with threats but no partner, busiest first', () => {
    const gaps = readinessGaps({
      ...base,
      partners: [
        {
          partner: partner('meta', { handles: ['Facebook'], regions: ['North Shore'] }),
          lastContacted: '2027-04-30',
        },
      ],
      channels: [
        { name: 'facebook', threats: 9 },
        { name: 'telegram', threats: 2 },
        { name: 'wechat', threats: 5 },
      ],
      regions: [
        { name: 'North Shore', threats: 3 },
        { name: 'Ferrier Islands', threats: 4 },
      ],
    });
    expect(gaps).toEqual([
      { kind: 'channel-without-partner', channel: 'wechat', threats: 5 },
      { kind: 'channel-without-partner', channel: 'telegram', threats: 2 },
      { kind: 'region-without-partner', region: 'Ferrier Islands', threats: 4 },
    ]);
  });

  it('does not count a partner with no one to call as coverage, and flags it', () => {
    const gaps = readinessGaps({
      ...base,
      partners: [{ partner: partner('x', { handles: ['x'], roles: [] }), lastContacted: '2027-04-30' }],
      channels: [{ name: 'x', threats: 1 }],
    });
    expect(gaps.map((g) => g.kind)).toEqual(['channel-without-partner', 'partner-without-contacts']);
  });

  it('flags every role without a backup', () => {
    const p = partner('p', {
      roles: [
        { role: 'Escalation', primary: person },
        { role: 'Comms', primary: person, backup: person },
        { role: 'Legal', primary: person },
      ],
    });
    const gaps = readinessGaps({ ...base, partners: [{ partner: p, lastContacted: '2027-04-30' }] });
    expect(gaps).toEqual([
      { kind: 'role-without-backup', partnerId: 'p', partnerName: 'p', role: 'Escalation' },
      { kind: 'role-without-backup', partnerId: 'p', partnerName: 'p', role: 'Legal' },
    ]);
  });

  it('flags relationships not refreshed within the days before polling day', () => {
    const partners = [
      { partner: partner('fresh'), lastContacted: '2027-03-02' },
      { partner: partner('edge'), lastContacted: '2027-03-01' },
      { partner: partner('old'), lastContacted: '2026-12-01' },
      { partner: partner('never'), lastContacted: null },
    ];
    expect(staleBefore('2027-05-01', '2027-05-17', 60)).toBe('2027-03-02');
    const gaps = readinessGaps({ ...base, partners });
    expect(gaps).toEqual([
      {
        kind: 'stale-relationship',
        partnerId: 'edge',
        partnerName: 'edge',
        lastContacted: '2027-03-01',
        daysSince: 61,
      },
      {
        kind: 'stale-relationship',
        partnerId: 'old',
        partnerName: 'old',
        lastContacted: '2026-12-01',
        daysSince: 151,
      },
      {
        kind: 'stale-relationship',
        partnerId: 'never',
        partnerName: 'never',
        lastContacted: null,
        daysSince: null,
      },
    ]);
    // After polling day, it is judged against polling day itself.
    expect(staleBefore('2027-07-01', '2027-05-17', 60)).toBe('2027-03-18');
    // More days allowed, fewer gaps.
    expect(
      readinessGaps({ ...base, partners, staleDays: 200 }).map((g) => (g as { partnerId: string }).partnerId),
    ).toEqual(['never']);
  });
});

describe('partners:readiness over the sample', () => {
  it('lists the sample’s gaps', async () => {
    const app = await openTestApp({ clock: () => new Date('2026-11-25T12:00:00Z') });
    await app.call('workspace:loadSample', {});
    // Without an election, the next polling day's (the ward by-election, in March).
    expect(await app.call<ReadinessReport>('partners:readiness', {})).toMatchObject({
      electionId: 'harrowgate-ward4-2027',
      pollingDay: '2027-03-08',
    });
    const report = await app.call<ReadinessReport>('partners:readiness', { electionId: 'lakeshore-2027' });
    expect(report).toMatchObject({
      electionId: 'lakeshore-2027',
      pollingDay: '2027-05-17',
      asOf: '2026-11-25',
      staleDays: 60,
      staleBefore: '2026-09-26',
      partners: 13,
    });
    const byKind = (k: string) => report.gaps.filter((g) => g.kind === k);
    expect(
      byKind('channel-without-partner')
        .map((g) => (g as { channel: string }).channel)
        .sort(),
    ).toEqual(['telegram', 'wechat']);
    expect(byKind('region-without-partner').map((g) => (g as { region: string }).region)).toEqual([
      'Ferrier Islands',
    ]);
    expect(byKind('role-without-backup').map((g) => (g as { partnerId: string }).partnerId)).toContain('p-x');
    expect(
      byKind('stale-relationship')
        .map((g) => (g as { partnerId: string }).partnerId)
        .sort(),
    ).toEqual(['p-returning-pinewood', 'p-telecom', 'p-tiktok', 'p-x']);

    // Judged later, with a shorter window, more relationships are stale.
    const later = await app.call<ReadinessReport>('partners:readiness', {
      electionId: 'lakeshore-2027',
      asOf: '2027-05-10',
      staleDays: 30,
    });
    expect(later.gaps.filter((g) => g.kind === 'stale-relationship')).toHaveLength(13);
    // The other election has its own regions and channels.
    const ward = await app.call<ReadinessReport>('partners:readiness', {
      electionId: 'harrowgate-ward4-2027',
    });
    expect(
      ward.gaps
        .filter((g) => g.kind === 'region-without-partner')
        .map((g) => (g as { region: string }).region),
    ).toEqual(['Harrowgate Ward 4']);
  });

  it('keeps the stale-days setting, audited', async () => {
    const app = await openTestApp();
    expect(await app.call('partners:settings', {})).toEqual({ staleDays: 60 });
    expect(await app.call('partners:saveSettings', { staleDays: 45 })).toEqual({ staleDays: 45 });
    expect((await app.call<ReadinessReport>('partners:readiness', {})).staleDays).toBe(45);
    expect(app.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'partners.settings',
      details: { staleDays: 45, was: 60 },
    });
    await expect(app.call('partners:saveSettings', { staleDays: 0 })).rejects.toThrow(/at least 1 day/);
  });
});
