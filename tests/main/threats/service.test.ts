import { describe, expect, it } from 'vitest';
import type { ThreatDetail, ThreatPage, ThreatVersion } from '../../../src/shared/domain/threat-log';
import { openTestApp, steppingClock } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { omit } from '../../../src/shared/collections';

async function seeded() {
  const app = await (await openTestApp({ clock: steppingClock() })).as('Ana Duarte', ['analyst']);
  await app.call('elections:save', { election });
  return app;
}

describe('threat log: create, edit with history, soft delete', () => {
  it('creates a threat with an id in the style of its election when none is given', async () => {
    const app = await seeded();
    const input = omit(threat('x'), 'id');
    const created = await app.call<ThreatDetail>('threats:create', { threat: input });
    // The election has no numbered threats yet: its own series starts.
    expect(created.threat.id).toBe(`${election.id}-001`);
    await app.call('threats:create', { threat: threat('ab-007') });
    await app.call('threats:create', { threat: threat('ab-012') });
    // After ab-007 and ab-012 (the most common series) comes ab-013.
    expect((await app.call<ThreatDetail>('threats:create', { threat: input })).threat.id).toBe('ab-013');
    expect(created.meta.version).toBe(1);
    expect(created.meta.changedBy).toBe('Ana Duarte');
  });

  it('refuses a threat for an election that does not exist, with the field named', async () => {
    const app = await seeded();
    const result = await app.dispatch('threats:create', { threat: threat('T-9', { electionId: 'nope' }) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/no election with id nope/);
      expect(result.error.problems?.[0]?.where).toBe('$.threat.electionId');
    }
  });

  it('keeps every previous version, whole, and restores one', async () => {
    const app = await seeded();
    const withNote = threat('T-1', {
      classifiedNotes: [{ classification: 'SECRET', text: 'Source ORCHID reports coordination.' }],
    });
    await app.call('threats:create', { threat: withNote });
    await app.call('threats:update', { threat: { ...withNote, title: 'Second title' }, expectedVersion: 1 });
    await app.call('threats:update', {
      threat: { ...withNote, title: 'Third title', classifiedNotes: [] },
      expectedVersion: 2,
    });

    const history = await app.call<ThreatVersion[]>('threats:history', { id: 'T-1' });
    expect(history.map((v) => [v.version, v.threat.title, v.current])).toEqual([
      [3, 'Third title', true],
      [2, 'Second title', false],
      [1, withNote.title, false],
    ]);
    expect(history[2]!.threat.classifiedNotes).toEqual(withNote.classifiedNotes);
    expect(history[2]!.change).toBe('created');

    const restored = await app.call<ThreatDetail>('threats:restoreVersion', { id: 'T-1', version: 1 });
    expect(restored.meta.version).toBe(4);
    expect(restored.threat).toEqual(withNote);
    expect(restored.meta.lastChange).toBe('restored version 1');
  });

  it('refuses an edit made against a stale version and keeps the newer one', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:update', { threat: threat('T-1', { title: 'Newer' }), expectedVersion: 1 });
    const result = await app.dispatch('threats:update', {
      threat: threat('T-1', { title: 'Stale' }),
      expectedVersion: 1,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('conflict');
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-1' })).threat.title).toBe('Newer');
  });

  it('does not make a new version when nothing changed', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    const same = await app.call<ThreatDetail>('threats:update', {
      threat: threat('T-1'),
      expectedVersion: 1,
    });
    expect(same.meta.version).toBe(1);
  });

  it('soft-deletes, hides from the log, lists among deleted, and undoes', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:create', { threat: threat('T-2') });
    const deleted = await app.call<ThreatDetail>('threats:delete', { id: 'T-1' });
    expect(deleted.meta.deletedAt).not.toBeNull();

    const live = await app.call<ThreatPage>('threats:list', {});
    expect(live.rows.map((r) => r.id)).toEqual(['T-2']);
    const bin = await app.call<ThreatPage>('threats:list', { filter: { deleted: true } });
    expect(bin.rows.map((r) => r.id)).toEqual(['T-1']);

    const editDeleted = await app.dispatch('threats:update', {
      threat: threat('T-1', { title: 'x' }),
      expectedVersion: deleted.meta.version,
    });
    expect(editDeleted.ok).toBe(false);

    await app.call('threats:undelete', { id: 'T-1' });
    const back = await app.call<ThreatPage>('threats:list', {});
    expect(back.total).toBe(2);
    const history = await app.call<ThreatVersion[]>('threats:history', { id: 'T-1' });
    expect(history.map((v) => v.change)).toEqual(['undeleted', 'deleted', 'created']);
  });

  it('records each change in the audit log, which verifies', async () => {
    const app = await seeded();
    await app.call('threats:create', { threat: threat('T-1') });
    await app.call('threats:delete', { id: 'T-1' });
    const { entries } = await app.call<{ entries: { action: string; actor: string }[] }>('audit:list', {
      subject: 'threat:T-1',
    });
    expect(entries.map((e) => e.action)).toEqual(['threat.deleted', 'threat.created']);
    expect(entries[0]!.actor).toBe('Ana Duarte');
    expect((await app.call<{ ok: boolean }>('audit:verify', {})).ok).toBe(true);
  });
});
