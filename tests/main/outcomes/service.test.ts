// Outcome observations on a real database: validation with clear errors (nothing changed), history of
// every version, soft delete and undo, and an audit entry for each write naming who acted.
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../src/shared/domain/audit';
import type { OutcomeDetail, OutcomeVersion } from '../../../src/shared/domain/outcomes';
import { openTestApp, steppingClock } from '../../helpers/db';
import { threat, workspace } from '../../fixtures/mini-workspace';

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return (err as { envelope: { code: string; message: string; problems?: { where: string }[] } }).envelope;
  }
  throw new Error('expected the call to fail');
}

async function app() {
  const a = openTestApp({ clock: steppingClock('2027-05-20T12:00:00.000Z') });
  a.ctx.settings.set('identity', { name: 'Amara Nwosu', role: 'Analyst' });
  await a.call('workspace:import', {
    format: 'json',
    content: JSON.stringify(workspace([threat('T-1'), threat('T-2')])),
  });
  return a;
}

const observed = {
  date: '2027-05-14',
  reach: { breakout: 2, estimatedAudience: 12000, trend: 'declining' },
  stillSpreading: true,
  platformActions: ['labelled', 'reduced'],
  mediaPickup: 'some',
  partnerFeedback: 'The platform confirmed the label.',
  note: 'Fewer shares since the correction.',
};

const outcomeRows = (a: Awaited<ReturnType<typeof app>>) =>
  a.db.prepare('SELECT count(*) FROM outcomes').pluck().get() as number;

describe('outcome observations', () => {
  it('records an observation on a threat, lists it, audited as the person acting', async () => {
    const a = await app();
    const added = await a.call<OutcomeDetail>('outcomes:add', { threatId: 'T-1', outcome: observed });
    expect(added.outcome).toMatchObject({ threatId: 'T-1', ...observed });
    expect(added.outcome.id).toMatch(/^O-20270520-[0-9a-f]{6}$/);
    expect(added.meta).toMatchObject({ version: 1, lastChange: 'created', changedBy: 'Amara Nwosu' });
    const list = await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-1' });
    expect(list).toEqual([added]);
    expect(await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-2' })).toEqual([]);
    const audit = await a.call<AuditPage>('audit:list', { subject: 'threat:T-1' });
    expect(audit.entries.find((e) => e.action === 'outcome.recorded')).toMatchObject({
      actor: 'Amara Nwosu',
      role: 'Analyst',
      details: { outcome: added.outcome.id, date: '2027-05-14', breakout: 2, trend: 'declining' },
    });
  });

  it('lists a threat’s observations by date, whatever order they were recorded in', async () => {
    const a = await app();
    await a.call('outcomes:add', { threatId: 'T-1', outcome: { ...observed, date: '2027-05-18' } });
    await a.call('outcomes:add', { threatId: 'T-1', outcome: { ...observed, date: '2027-05-13' } });
    const list = await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-1' });
    expect(list.map((d) => d.outcome.date)).toEqual(['2027-05-13', '2027-05-18']);
  });

  it('refuses bad input with a located, clear error and changes nothing', async () => {
    const a = await app();
    const cases: [unknown, RegExp | string][] = [
      [{ ...observed, reach: { ...observed.reach, breakout: 7 } }, 'outcome.reach.breakout'],
      [{ ...observed, reach: { breakout: 2, trend: 'rising' } }, 'outcome.reach.trend'],
      [{ ...observed, platformActions: ['none', 'removed'] }, 'outcome.platformActions'],
      [{ ...observed, platformActions: ['banned'] }, 'outcome.platformActions'],
      [{ ...observed, date: '2027-02-30' }, 'outcome.date'],
      [{ ...observed, surprise: 1 }, 'outcome'],
    ];
    for (const [outcome, where] of cases) {
      const e = await errorOf(a.call('outcomes:add', { threatId: 'T-1', outcome }));
      expect(e.code).toBe('invalid-request');
      expect(JSON.stringify(e.problems)).toContain(where);
    }
    const future = await errorOf(
      a.call('outcomes:add', { threatId: 'T-1', outcome: { ...observed, date: '2027-06-01' } }),
    );
    expect(future).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/in the future/),
    });
    const early = await errorOf(
      a.call('outcomes:add', { threatId: 'T-1', outcome: { ...observed, date: '2027-05-01' } }),
    );
    expect(early.message).toMatch(/before the threat was first seen \(2027-05-12\)/);
    expect(await errorOf(a.call('outcomes:add', { threatId: 'T-404', outcome: observed }))).toMatchObject({
      code: 'not-found',
    });
    expect(outcomeRows(a)).toBe(0);
  });

  it('keeps every version: edit, delete, undo; refuses a stale edit and a move to another threat', async () => {
    const a = await app();
    const added = await a.call<OutcomeDetail>('outcomes:add', { threatId: 'T-1', outcome: observed });
    const edited = await a.call<OutcomeDetail>('outcomes:update', {
      outcome: { ...added.outcome, reach: { ...added.outcome.reach, breakout: 1 } },
      expectedVersion: 1,
    });
    expect(edited.meta.version).toBe(2);
    const same = await a.call<OutcomeDetail>('outcomes:update', {
      outcome: edited.outcome,
      expectedVersion: 2,
    });
    expect(same.meta.version).toBe(2);
    expect(
      await errorOf(
        a.call('outcomes:update', { outcome: { ...edited.outcome, note: 'late' }, expectedVersion: 1 }),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect(
      await errorOf(
        a.call('outcomes:update', { outcome: { ...edited.outcome, threatId: 'T-2' }, expectedVersion: 2 }),
      ),
    ).toMatchObject({ code: 'invalid-request' });

    const deleted = await a.call<OutcomeDetail>('outcomes:delete', { id: added.outcome.id });
    expect(deleted.meta.deletedAt).not.toBeNull();
    expect(await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-1' })).toEqual([]);
    expect((await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-1', deleted: true })).length).toBe(
      1,
    );
    await a.call('outcomes:undelete', { id: added.outcome.id });

    const history = await a.call<OutcomeVersion[]>('outcomes:history', { id: added.outcome.id });
    expect(history.map((v) => [v.version, v.change, v.current])).toEqual([
      [4, 'undeleted', true],
      [3, 'deleted', false],
      [2, 'edited', false],
      [1, 'created', false],
    ]);
    expect(history.at(-1)!.outcome.reach.breakout).toBe(2);
    expect(history[0]!.outcome.reach.breakout).toBe(1);
    expect(a.db.prepare('SELECT count(*) FROM outcomes').pluck().get()).toBe(1);

    const actions = (await a.call<AuditPage>('audit:list', { subject: 'threat:T-1' })).entries
      .map((e) => e.action)
      .filter((x) => x.startsWith('outcome.'));
    expect(actions.sort()).toEqual([
      'outcome.deleted',
      'outcome.edited',
      'outcome.recorded',
      'outcome.undeleted',
    ]);
    expect((await a.call<{ ok: boolean }>('audit:verify', {})).ok).toBe(true);
  });

  it('loads the sample workspace with observations on the threats that got a response', async () => {
    const a = openTestApp();
    const report = await a.call<{ outcomes: { created: number } }>('workspace:loadSample');
    expect(report.outcomes.created).toBeGreaterThanOrEqual(5);
    const leak = await a.call<OutcomeDetail[]>('outcomes:list', { threatId: 'lk27-004' });
    expect(leak.map((d) => d.outcome.reach.breakout)).toEqual([4, 3, 2]);
  });
});
