// The partner directory's handlers on a real database: create, edit with history, soft delete
// and undo, restore, record a contact (audited), validation with clear messages, who to notify.
import { describe, expect, it } from 'vitest';
import type {
  Partner,
  PartnerDetail,
  PartnerToNotify,
  PartnerVersion,
} from '../../../src/shared/domain/partners';
import { openTestApp, steppingClock } from '../../helpers/db';
import { threat, workspace } from '../../fixtures/mini-workspace';

const meta: Omit<Partner, 'id'> = {
  name: 'Meta — Election integrity',
  kind: 'platform',
  handles: ['facebook', 'instagram'],
  channels: ['email', 'phone'],
  languages: ['en', 'fr'],
  roles: [
    {
      role: 'Escalation',
      primary: {
        name: 'Hannah K.',
        affiliation: 'Public policy',
        phone: '+1 416 555 0111',
        email: 'escalations@meta.example',
      },
      backup: { name: 'Luc A.', email: 'luc@meta.example' },
    },
  ],
  notify: [{ types: ['inauthentic-behaviour'] }],
};

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return (
      err as {
        envelope: { code: string; message: string; problems?: { where: string; message: string }[] };
      }
    ).envelope;
  }
  throw new Error('expected the call to fail');
}

/** The services, acting as Amara Nwosu (an analyst). */
async function app() {
  const a = await openTestApp({ clock: steppingClock('2027-04-01T12:00:00.000Z') });
  const amara = await a.person('Amara Nwosu', ['analyst']);
  return { db: a.db, ctx: a.ctx, call: amara.call, dispatch: amara.dispatch };
}

describe('partners', () => {
  it('creates, lists and gets a partner, audited', async () => {
    const a = await app();
    const created = await a.call<PartnerDetail>('partners:create', { partner: meta });
    expect(created.partner.id).toBe('p-meta-election-integrity');
    expect(created.meta).toMatchObject({
      version: 1,
      lastChange: 'created',
      changedBy: 'Amara Nwosu',
      deletedAt: null,
    });
    expect(created.lastContacted).toBeNull();
    expect((await a.call<PartnerDetail[]>('partners:list', {})).map((p) => p.partner.name)).toEqual([
      'Meta — Election integrity',
    ]);
    expect(await a.call('partners:get', { id: created.partner.id })).toEqual(created);
    expect(a.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'partner.created',
      subject: `partner:${created.partner.id}`,
      actor: 'Amara Nwosu',
    });
    // A second organisation with the same name gets its own id.
    const again = await a.call<PartnerDetail>('partners:create', { partner: meta });
    expect(again.partner.id).not.toBe(created.partner.id);
    expect(
      await errorOf(a.call('partners:create', { partner: { ...meta, id: created.partner.id } })),
    ).toMatchObject({ code: 'conflict' });
  });

  it('refuses invalid partners with clear, located messages', async () => {
    const a = await app();
    const bad = {
      ...meta,
      kind: 'newspaper',
      roles: [
        { role: '', primary: { name: 'No way to reach' } },
        { role: 'Desk', primary: { name: 'X', email: 'not-an-email', phone: 'call me' } },
      ],
      notify: [{ minBreakout: 9 }],
    };
    const error = await errorOf(a.call('partners:create', { partner: bad }));
    expect(error.code).toBe('invalid-request');
    const where = Object.fromEntries((error.problems ?? []).map((p) => [p.where, p.message]));
    expect(where['$.partner.kind']).toMatch(/election-authority/);
    expect(where['$.partner.roles[0].role']).toBe('must not be empty');
    expect(where['$.partner.roles[0].primary.phone']).toBe(
      'needs at least one way to reach them: a phone, a secure line or an email',
    );
    expect(where['$.partner.roles[1].primary.email']).toBe('must be an email address like name@example.org');
    expect(where['$.partner.roles[1].primary.phone']).toMatch(/must be a phone number/);
    expect(where['$.partner.notify[0].minBreakout']).toBe('must be between 1 and 6');
  });

  it('edits with history, refuses stale versions, soft-deletes, undoes and restores', async () => {
    const a = await app();
    const { partner } = await a.call<PartnerDetail>('partners:create', { partner: meta });
    const edited = await a.call<PartnerDetail>('partners:update', {
      partner: { ...partner, name: 'Meta' },
      expectedVersion: 1,
    });
    expect(edited.meta.version).toBe(2);
    expect(
      await errorOf(
        a.call('partners:update', { partner: { ...partner, name: 'Stale' }, expectedVersion: 1 }),
      ),
    ).toMatchObject({ code: 'conflict' });
    // Saving the same document changes nothing.
    expect(
      (await a.call<PartnerDetail>('partners:update', { partner: edited.partner, expectedVersion: 2 })).meta
        .version,
    ).toBe(2);

    const deleted = await a.call<PartnerDetail>('partners:delete', { id: partner.id });
    expect(deleted.meta.deletedAt).not.toBeNull();
    expect(await a.call<PartnerDetail[]>('partners:list', {})).toEqual([]);
    expect(
      (await a.call<PartnerDetail[]>('partners:list', { deleted: true })).map((p) => p.partner.id),
    ).toEqual([partner.id]);
    expect(
      await errorOf(a.call('partners:update', { partner: edited.partner, expectedVersion: 3 })),
    ).toMatchObject({ code: 'conflict', message: expect.stringMatching(/undo the delete/) });
    // Nothing is hard-deleted: the row is still there.
    expect(a.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(1);

    await a.call('partners:undelete', { id: partner.id });
    const history = await a.call<PartnerVersion[]>('partners:history', { id: partner.id });
    expect(history.map((v) => [v.version, v.change])).toEqual([
      [4, 'undeleted'],
      [3, 'deleted'],
      [2, 'edited'],
      [1, 'created'],
    ]);
    const restored = await a.call<PartnerDetail>('partners:restoreVersion', { id: partner.id, version: 1 });
    expect(restored.partner.name).toBe(meta.name);
    expect(restored.meta).toMatchObject({ version: 5, lastChange: 'restored version 1' });
    expect(a.ctx.audit.list({ subject: `partner:${partner.id}` }).map((e) => e.action)).toEqual([
      'partner.restored',
      'partner.undeleted',
      'partner.deleted',
      'partner.edited',
      'partner.created',
    ]);
  });

  it('records contacts: the last contact date follows, each one audited', async () => {
    const a = await app();
    const { partner } = await a.call<PartnerDetail>('partners:create', { partner: meta });
    const first = await a.call<PartnerDetail>('partners:recordContact', {
      id: partner.id,
      date: '2027-03-01',
      channel: 'phone',
      note: 'Walked through escalation.',
    });
    expect(first.lastContacted).toBe('2027-03-01');
    expect(first.partner.contactLog).toEqual([
      { date: '2027-03-01', by: 'Amara Nwosu', channel: 'phone', note: 'Walked through escalation.' },
    ]);
    // Who made the contact is the signed-in account: a typed name is refused and nothing is recorded.
    const typed = await errorOf(
      a.call('partners:recordContact', { id: partner.id, date: '2027-02-01', by: 'Peter L.' }),
    );
    expect(typed.code).toBe('invalid-request');
    expect((await a.call<PartnerDetail>('partners:get', { id: partner.id })).partner.contactLog).toHaveLength(
      1,
    );
    const older = await a.call<PartnerDetail>('partners:recordContact', {
      id: partner.id,
      date: '2027-02-01',
    });
    expect(older.lastContacted).toBe('2027-03-01');
    expect(older.meta.lastChange).toBe('contact recorded (2027-02-01)');
    expect(a.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'partner.contacted',
      details: expect.objectContaining({ date: '2027-02-01', by: 'Amara Nwosu' }),
    });
    const future = await errorOf(a.call('partners:recordContact', { id: partner.id, date: '2030-01-01' }));
    expect(future).toMatchObject({
      code: 'invalid-request',
      problems: [{ where: '$.date', message: 'must not be in the future' }],
    });
    expect(await errorOf(a.call('partners:recordContact', { id: 'nope', date: '2027-03-01' }))).toMatchObject(
      { code: 'not-found' },
    );
  });

  it('answers who to notify about threats, by id or given whole', async () => {
    const a = await app();
    await a.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(
        workspace([threat('T-1'), threat('T-2', { place: { level: 'local', channels: ['telegram'] } })]),
      ),
    });
    await a.call('partners:create', { partner: meta });
    await a.call('partners:create', {
      partner: {
        name: 'Elections authority',
        kind: 'election-authority',
        roles: [],
        notify: [{ purposes: ['mislead-voting-process'] }],
      },
    });
    const byId = await a.call<PartnerToNotify[]>('partners:forThreats', { ids: ['T-1'] });
    expect(byId.map((p) => [p.name, p.reasons.map((r) => r.source)])).toEqual([
      ['Elections authority', ['rule']],
      ['Meta — Election integrity', ['handles']],
    ]);
    const cluster = await a.call<PartnerToNotify[]>('partners:forThreats', {
      threats: [
        threat('X-1', {
          purpose: 'polarize',
          type: 'inauthentic-behaviour',
          place: { level: 'online-only' },
        }),
      ],
    });
    expect(cluster.map((p) => p.name)).toEqual(['Meta — Election integrity']);
    expect(await errorOf(a.call('partners:forThreats', { ids: ['T-404'] }))).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('T-404'),
    });
    // A deleted partner is not notified.
    const all = await a.call<PartnerDetail[]>('partners:list', {});
    await a.call('partners:delete', { id: all.find((p) => p.partner.kind === 'platform')!.partner.id });
    expect(
      (await a.call<PartnerToNotify[]>('partners:forThreats', { ids: ['T-1'] })).map((p) => p.name),
    ).toEqual(['Elections authority']);
  });
});
