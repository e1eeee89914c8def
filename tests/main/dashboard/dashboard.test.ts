// The dashboard's series: aggregated in SQL, zero-filled time buckets, the election's critical
// window, and every number equal to what the log shows for the same filter (so a click lands
// on exactly the threats a bar counts).
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DashboardData } from '../../../src/shared/domain/dashboard';
import type { ThreatFilter, ThreatPage } from '../../../src/shared/domain/threat-log';
import { bucketEnd, bucketList, bucketStart, chooseBucket } from '../../../src/main/dashboard/buckets';
import { dashboardSeries } from '../../../src/main/dashboard/service';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { createContext } from '../../../src/main/services';
import { ThreatStore } from '../../../src/main/threats/store';
import { arbElection, arbThreat } from '../../helpers/arbitraries';
import { ASSETS_DIR, openTestApp, tempDir, type TestApp } from '../../helpers/db';
import { election, threat, workspace } from '../../fixtures/mini-workspace';

async function logTotal(app: TestApp, filter: ThreatFilter): Promise<number> {
  return (await app.call<ThreatPage>('threats:list', { filter, limit: 1 })).total;
}

describe('time buckets', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(bucketStart('2027-05-12', 'week')).toBe('2027-05-10'); // a Wednesday
    expect(bucketStart('2027-05-10', 'week')).toBe('2027-05-10'); // a Monday
    expect(bucketStart('2027-05-16', 'week')).toBe('2027-05-10'); // a Sunday
    expect(bucketEnd('2027-05-10', 'week')).toBe('2027-05-16');
    expect(bucketStart('2027-02-17', 'month')).toBe('2027-02-01');
    expect(bucketEnd('2028-02-01', 'month')).toBe('2028-02-29');
    expect(bucketList('2027-05-12', '2027-05-25', 'week')).toEqual([
      { start: '2027-05-10', end: '2027-05-16' },
      { start: '2027-05-17', end: '2027-05-23' },
      { start: '2027-05-24', end: '2027-05-30' },
    ]);
  });

  it('chooses days, weeks or months by the length of the range, and never too many bars', () => {
    expect(chooseBucket('auto', '2027-04-01', '2027-05-31')).toBe('day');
    expect(chooseBucket('auto', '2027-01-01', '2027-12-31')).toBe('week');
    expect(chooseBucket('auto', '2020-01-01', '2027-12-31')).toBe('month');
    expect(chooseBucket('day', '2024-01-01', '2027-12-31')).toBe('week');
    expect(chooseBucket('day', '2020-01-01', '2027-12-31')).toBe('month');
    expect(
      bucketList('2000-01-01', '2027-12-31', chooseBucket('week', '2000-01-01', '2027-12-31')).length,
    ).toBeLessThanOrEqual(400);
  });
});

describe('dashboard:series', () => {
  it('counts by type over time, purpose, target, region, channel and level', async () => {
    const app = await openTestApp();
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(
        workspace([
          threat('T-1', { time: { firstSeen: '2027-05-10T08:00:00Z' } }),
          threat('T-2', {
            time: { firstSeen: '2027-05-10T23:30:00-04:00' },
            type: 'impersonation',
            place: { level: 'regional', regions: ['Cedar Valley'], channels: ['telegram'] },
          }),
          threat('T-3', {
            time: { firstSeen: '2027-05-14T08:00:00Z' },
            purpose: 'polarize',
            target: { kind: 'media' },
          }),
        ]),
      ),
    });
    const d = await app.call<DashboardData>('dashboard:series', { electionId: election.id, bucket: 'day' });
    expect(d.total).toBe(3);
    expect(d.calendar).toEqual({
      advanceVotingStart: '2027-05-07',
      pollingDay: '2027-05-17',
      resultsCertified: '2027-05-24',
    });
    // The timeline covers the threats and the critical window (advance voting → certification).
    expect(d.overTime.buckets[0]!.start).toBe('2027-05-07');
    expect(d.overTime.buckets.at(-1)!.start).toBe('2027-05-24');
    const day = (s: string) => d.overTime.buckets.findIndex((b) => b.start === s);
    const disinformation = d.overTime.series.find((s) => s.key === 'disinformation')!.counts;
    expect(disinformation[day('2027-05-10')]).toBe(1);
    expect(disinformation[day('2027-05-14')]).toBe(1);
    // 23:30 at UTC−4 is the next day in UTC, as the log's date filter counts it.
    expect(d.overTime.series.find((s) => s.key === 'impersonation')!.counts[day('2027-05-11')]).toBe(1);
    expect(d.overTime.series.map((s) => s.key)).toEqual(['disinformation', 'impersonation']);
    expect(d.byPurpose.find((c) => c.key === 'polarize')!.count).toBe(1);
    expect(d.byPurpose).toHaveLength(9);
    expect(d.byTargetKind.find((c) => c.key === 'media')!.count).toBe(1);
    expect(d.byRegion.top).toEqual([
      { key: 'North Shore', count: 2 },
      { key: 'Cedar Valley', count: 1 },
    ]);
    expect(d.byChannel.top.map((c) => c.key)).toEqual(['facebook', 'x', 'telegram']);
    expect(d.byLevel.map((c) => c.key)).toEqual([
      'monitor',
      'engage-privately',
      'speak-publicly',
      'unassessed',
    ]);
    expect(d.byLevel.reduce((n, c) => n + c.count, 0)).toBe(3);

    const week = await app.call<DashboardData>('dashboard:series', {
      electionId: election.id,
      from: '2027-05-10',
      to: '2027-05-16',
      bucket: 'week',
    });
    expect(week.overTime.buckets).toEqual([{ start: '2027-05-10', end: '2027-05-16' }]);
    expect(week.overTime.series.find((s) => s.key === 'disinformation')!.counts).toEqual([2]);
    expect(week.total).toBe(3);
  });

  it('refuses a range that ends before it starts, and an unknown election', async () => {
    const app = await openTestApp();
    await expect(app.call('dashboard:series', { from: '2027-05-10', to: '2027-05-01' })).rejects.toThrow(
      /start date must not be after the end date/,
    );
    await expect(app.call('dashboard:series', { electionId: 'nope' })).rejects.toThrow(
      /no election with id nope/,
    );
  });

  it('agrees with the log for every bar (property)', async () => {
    const app = await openTestApp();
    await fc.assert(
      fc.asyncProperty(
        arbElection({ id: 'e1', from: '2027-04-01', to: '2027-06-30' }),
        fc.array(arbThreat({ electionId: 'e1', from: '2027-03-01T00:00:00Z', to: '2027-07-31T23:59:59Z' }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        async (e, threats, bucket) => {
          app.db.exec(
            'DELETE FROM classified_notes; DELETE FROM threat_regions; DELETE FROM threat_channels; ' +
              'DELETE FROM threats_fts; DELETE FROM threat_versions; DELETE FROM threats;',
          );
          const unique = [...new Map(threats.map((t) => [t.id, t])).values()];
          await app.call('workspace:import', {
            format: 'json',
            content: JSON.stringify({ format: 'threshold-workspace/1', elections: [e], threats: unique }),
          });
          const d = await app.call<DashboardData>('dashboard:series', { electionId: 'e1', bucket });
          expect(d.total).toBe(unique.length);
          for (const s of d.overTime.series) {
            for (const [i, count] of s.counts.entries()) {
              if (count === 0) continue;
              const b = d.overTime.buckets[i]!;
              expect(await logTotal(app, { electionId: 'e1', type: [s.key], from: b.start, to: b.end })).toBe(
                count,
              );
            }
          }
          expect(d.overTime.series.flatMap((s) => s.counts).reduce((a, b) => a + b, 0)).toBe(unique.length);
          for (const c of d.byPurpose)
            expect(await logTotal(app, { electionId: 'e1', purpose: [c.key] })).toBe(c.count);
          for (const c of d.byLevel)
            expect(await logTotal(app, { electionId: 'e1', level: [c.key] })).toBe(c.count);
          for (const c of d.byRegion.top)
            expect(await logTotal(app, { electionId: 'e1', region: c.key })).toBe(c.count);
          for (const c of d.byChannel.top)
            expect(await logTotal(app, { electionId: 'e1', channel: c.key })).toBe(c.count);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('work awaiting', () => {
  it('counts threats needing a decision, from the decision records', async () => {
    const app = await openTestApp();
    await app.call('workspace:loadSample', {});
    const pending = app.db
      .prepare(
        "SELECT id, level FROM threats WHERE election_id = 'lakeshore-2027' AND level IN ('engage-privately', " +
          "'speak-publicly') AND deleted_at IS NULL",
      )
      .all() as { id: string; level: 'engage-privately' | 'speak-publicly' }[];
    expect(pending.length).toBeGreaterThan(0);
    const before = await app.call<DashboardData>('dashboard:series', { electionId: 'lakeshore-2027' });
    expect(before.decisionsAwaiting).toEqual({ count: pending.length, basis: 'decisions' });
    const { id, level } = pending[0]!;
    await app.call('assessment:save', {
      threatIds: [id],
      decision: {
        recommendedLevel: level,
        level,
        rationale: 'Agreed by the panel.',
        // Speaking publicly takes a fresh signature.
        passphrase: app.passphrase,
      },
    });
    const after = await app.call<DashboardData>('dashboard:series', { electionId: 'lakeshore-2027' });
    expect(after.decisionsAwaiting.count).toBe(pending.length - 1);
  });

  it('counts drafts not yet approved, for the election', async () => {
    const app = await openTestApp();
    await app.call('workspace:loadSample', {});
    expect((await app.call<DashboardData>('dashboard:series', {})).draftsAwaiting).toBe(0);
    const now = '2027-05-01T00:00:00.000Z';
    app.db
      .prepare(
        'INSERT INTO comm_plans (id, election_id, cluster, threat_ids, version, created_at, ' +
          'updated_at) VALUES (?, ?, 0, ?, 1, ?, ?)',
      )
      .run('plan-1', 'lakeshore-2027', '["lk27-001"]', now, now);
    const draft = app.db.prepare(
      'INSERT INTO drafts (id, plan_id, template, version, status, created_at, updated_at, ' +
        'deleted_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
    );
    draft.run('d-1', 'plan-1', 'public-statement', 'draft', now, now, null);
    draft.run('d-2', 'plan-1', 'media-lines', 'reviewed', now, now, null);
    draft.run('d-3', 'plan-1', 'social-post', 'approved', now, now, null);
    draft.run('d-4', 'plan-1', 'briefing-note', 'draft', now, now, now);
    expect(
      (await app.call<DashboardData>('dashboard:series', { electionId: 'lakeshore-2027' })).draftsAwaiting,
    ).toBe(2);
    expect(
      (await app.call<DashboardData>('dashboard:series', { electionId: 'harrowgate-ward4-2027' }))
        .draftsAwaiting,
    ).toBe(0);
  });

  it('still answers on a database without the assessment and drafting tables', () => {
    const dir = tempDir();
    const file = path.join(dir, 'partial.db');
    // The threat log as today's store reads it (0130 keeps the scores apart), with none of the assessment,
    // drafting or outcome tables that came between.
    const db = openDatabase(file, {
      migrations: MIGRATIONS.filter((m) => m.version <= 20 || m.name === 'threat-scores'),
    });
    try {
      const ctx = createContext(db, { dbPath: file, assetsDir: ASSETS_DIR, mode: 'cli', appVersion: 'test' });
      const at = '2027-05-01T00:00:00.000Z';
      db.prepare(
        'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES ' +
          '(?, ?, ?, ?, ?, ?)',
      ).run(election.id, JSON.stringify(election), election.name, election.pollingDay, at, at);
      const repo = new ThreatStore(db);
      repo.insert(threat('T-1', { status: 'new' }), { change: 'created', by: null, at });
      repo.insert(threat('T-2', { status: 'responded' }), { change: 'created', by: null, at });
      repo.setLevel('T-1', 'speak-publicly', 80);
      repo.setLevel('T-2', 'engage-privately', 50);
      const d = dashboardSeries(ctx, { electionId: election.id, bucket: 'auto' });
      expect(d.decisionsAwaiting).toEqual({ count: 1, basis: 'status' });
      expect(d.draftsAwaiting).toBeNull();
      // Responses and their effect: T-2 is marked responded, with no outcome table to look in yet.
      expect(d.responses).toMatchObject({ responded: 1, reach: { fell: 0, didNotFall: 0, noOutcome: 1 } });
      expect(d.byLevel).toEqual([
        { key: 'monitor', count: 0 },
        { key: 'engage-privately', count: 1 },
        { key: 'speak-publicly', count: 1 },
        { key: 'unassessed', count: 0 },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});
