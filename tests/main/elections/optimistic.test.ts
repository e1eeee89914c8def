// Elections are optimistic like every other record: a save carries the version the person opened; a stale
// one is refused by the service with "X changed this election while you were editing", who X is (the
// signed-in account, never a request field) and both versions, and nothing is written. A new election
// never replaces one with its id. The import and STIX paths keep writing elections as before.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ElectionDetail } from '../../../src/shared/domain/elections';
import type { Election } from '../../../src/shared/domain/workspace';
import type { AppErrorShape } from '../../../src/shared/errors';
import { applyEditsOnTop, differingFields } from '../../../src/shared/domain/conflict-diff';
import { openTestApp, type Acting, type TestApp } from '../../helpers/db';
import { ADMIN } from '../../helpers/people';
import { election, workspace } from '../../fixtures/mini-workspace';

let app: TestApp;
let dana: Acting;

async function refusal(promise: Promise<unknown>): Promise<AppErrorShape> {
  try {
    await promise;
  } catch (err) {
    return (err as { envelope: AppErrorShape }).envelope;
  }
  throw new Error('expected the call to be refused');
}

const auditCount = () => app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

beforeEach(async () => {
  app = await openTestApp();
  dana = await app.person('Dana Roy', ['analyst']);
  await app.call('elections:save', { election });
});

describe('an election save carries the version it started from', () => {
  it('opens at version 1, made by the signed-in account', async () => {
    const opened = await app.call<ElectionDetail>('elections:get', { id: election.id });
    expect(opened.election).toEqual(election);
    expect(opened.meta).toMatchObject({ version: 1, changedBy: ADMIN.name, deletedAt: null });
  });

  it('refuses a stale save with who changed it and both versions, writes nothing, then applies mine on top', async () => {
    const opened = await app.call<ElectionDetail>('elections:get', { id: election.id });
    await dana.call('elections:save', {
      election: { ...opened.election, name: 'Dana’s name' },
      expectedVersion: opened.meta.version,
    });
    const audited = auditCount();
    const mine: Election = { ...opened.election, candidates: ['Marie Tremblay', 'John Okafor', 'Ana Silva'] };
    const refused = await refusal(
      app.call('elections:save', { election: mine, expectedVersion: opened.meta.version }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /^Dana Roy changed this election while you were editing \(it is now at version 2; you started from version 1\)\. Nothing was saved/,
    );
    expect(refused.conflict).toMatchObject({
      kind: 'election',
      id: election.id,
      changedBy: 'Dana Roy',
      theirs: { version: 2, record: { name: 'Dana’s name', candidates: election.candidates } },
      yours: { version: 1, record: { name: election.name, candidates: mine.candidates } },
    });
    expect(
      differingFields(refused.conflict!.theirs.record, refused.conflict!.yours.record).map((d) => d.path),
    ).toEqual(['candidates', 'name']);
    // Nothing written: Dana's version stands, no audit entry.
    const now = await app.call<ElectionDetail>('elections:get', { id: election.id });
    expect(now.meta.version).toBe(2);
    expect(now.election.candidates).toEqual(election.candidates);
    expect(auditCount()).toBe(audited);
    // Apply mine on top: Dana's name kept, the added candidate over it, saved from version 2.
    const merged = applyEditsOnTop(opened.election, refused.conflict!.theirs.record as Election, mine);
    await app.call('elections:save', { election: merged, expectedVersion: 2 });
    const saved = await app.call<ElectionDetail>('elections:get', { id: election.id });
    expect(saved.election).toMatchObject({ name: 'Dana’s name', candidates: mine.candidates });
    expect(saved.meta).toMatchObject({ version: 3, changedBy: ADMIN.name });
  });

  it('never lets a new election replace one with its id', async () => {
    const refused = await refusal(
      dana.call('elections:save', { election: { ...election, name: 'Another election' } }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/already an election with id el-test/);
    expect((await app.call<ElectionDetail>('elections:get', { id: election.id })).election.name).toBe(
      election.name,
    );
  });

  it('refuses a save to a deleted election, and to one that does not exist', async () => {
    const opened = await app.call<ElectionDetail>('elections:get', { id: election.id });
    await dana.call('elections:delete', { id: election.id });
    const deleted = await refusal(
      app.call('elections:save', { election: opened.election, expectedVersion: opened.meta.version }),
    );
    expect(deleted.code).toBe('conflict');
    expect(deleted.message).toMatch(/was deleted while you were editing/);
    const missing = await refusal(
      app.call('elections:save', { election: { ...election, id: 'el-nowhere' }, expectedVersion: 1 }),
    );
    expect(missing.code).toBe('not-found');
  });

  it('moves the version on an import, so that an editor opened before it meets the conflict', async () => {
    const opened = await app.call<ElectionDetail>('elections:get', { id: election.id });
    await dana.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace([]), elections: [{ ...election, name: 'Imported name' }] }),
    });
    const after = await app.call<ElectionDetail>('elections:get', { id: election.id });
    expect(after.meta).toMatchObject({ version: 2, changedBy: 'Dana Roy' });
    const refused = await refusal(
      app.call('elections:save', { election: opened.election, expectedVersion: opened.meta.version }),
    );
    expect(refused.conflict).toMatchObject({
      kind: 'election',
      theirs: { version: 2 },
      yours: { version: 1 },
    });
  });
});
