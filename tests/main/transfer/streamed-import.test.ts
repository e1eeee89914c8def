// The streamed import through its channels (begin, pieces, end or cancel), as the app and the CLI use
// it: a file read in pieces of any size is written in batches inside one transaction that nothing else
// sees or joins until the end; a cancel, a problem in the last threat, or an import left idle leaves
// nothing; the log is "locked" meanwhile, and free again after.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { IMPORT_BATCH } from '../../../src/main/transfer/import-session';
import { threatsToCsv } from '../../../src/main/transfer/csv';
import type { ImportProgress, ImportReport } from '../../../src/shared/domain/transfer';
import type { ThreatDetail } from '../../../src/shared/domain/threat-log';
import type { Threat } from '../../../src/shared/domain/workspace';
import { openTestApp, type TestApp } from '../../helpers/db';
import { databaseFingerprint } from '../../helpers/snapshot';
import { election, threat, workspace } from '../../fixtures/mini-workspace';

const many = (n: number, from = 0): Threat[] =>
  Array.from({ length: n }, (_, i) =>
    threat(`S-${from + i}`, {
      title: `Streamed threat ${from + i} 😀`,
      summary: `Line one\nline "two", with a comma`,
      time: { firstSeen: new Date(Date.UTC(2027, 4, 1, 0, i)).toISOString() },
    }),
  );

/** Cuts a text into pieces of the given sizes, cycling through them. */
function pieces(text: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

async function begin(app: TestApp, format: 'json' | 'csv' = 'json', fileName = 'big.json') {
  return (await app.call<{ importId: string }>('workspace:importBegin', { format, fileName })).importId;
}

async function streamIn(
  app: TestApp,
  text: string,
  sizes: readonly number[],
  format: 'json' | 'csv' = 'json',
) {
  const importId = await begin(app, format);
  let last: ImportProgress | undefined;
  for (const piece of pieces(text, sizes))
    last = await app.call<ImportProgress>('workspace:importChunk', { importId, text: piece });
  const report = await app.call<ImportReport>('workspace:importEnd', { importId });
  return { report, last };
}

describe('the streamed import', () => {
  it('imports a file sent in pieces of any size exactly as the same file in one piece, audited with its hash', async () => {
    const threats = many(IMPORT_BATCH * 2 + 37);
    const text = JSON.stringify(workspace(threats), null, 1);
    const streamed = await openTestApp();
    const { report, last } = await streamIn(streamed, text, [1, 7, 4096, 333, 65536]);
    expect(report.threats).toEqual({ created: threats.length, updated: 0, unchanged: 0 });
    expect(last).toEqual({ bytes: Buffer.byteLength(text), elections: 1, threats: threats.length });
    const whole = await openTestApp();
    await whole.call('workspace:import', { format: 'json', content: text, fileName: 'big.json' });
    // The same log (levels, search, history), whichever way it came in; only the audit times differ.
    const detail = (app: TestApp, id: string) =>
      app.call<ThreatDetail>('threats:get', { id }).then((d) => ({ threat: d.threat, level: d.meta.level }));
    for (const id of ['S-0', `S-${IMPORT_BATCH}`, `S-${threats.length - 1}`])
      expect(await detail(streamed, id)).toEqual(await detail(whole, id));
    expect(await detail(streamed, 'S-3')).toEqual({ threat: threats[3], level: expect.any(String) });
    const audit = streamed.db
      .prepare("SELECT json_extract(details, '$.sha256') FROM audit_log WHERE action = 'workspace.imported'")
      .pluck()
      .get();
    expect(audit).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('streams CSV too, with quoted line breaks and characters cut between pieces', async () => {
    const threats = many(450);
    const csv = threatsToCsv(threats);
    const app = await openTestApp();
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace([])) });
    const { report } = await streamIn(app, csv, [5, 1, 999, 17], 'csv');
    expect(report.threats.created).toBe(450);
    expect((await app.call<ThreatDetail>('threats:get', { id: 'S-449' })).threat).toEqual(threats[449]);
  });

  it('writes nothing anyone else can see before the end, and locks every other channel meanwhile', async () => {
    const app = await openTestApp();
    const before = databaseFingerprint(app.db);
    const text = JSON.stringify(workspace(many(IMPORT_BATCH * 3)));
    const importId = await begin(app);
    const half = pieces(text, [Math.ceil(text.length / 2)]);
    await app.call('workspace:importChunk', { importId, text: half[0] });
    // Batches have been written inside the transaction: another connection still sees none of them.
    const other = openDatabase(app.file, { readonly: true, check: 'none', key: app.key });
    expect(other.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(0);
    closeDatabase(other);
    for (const [channel, payload] of [
      ['threats:list', {}],
      ['app:info', {}],
      ['elections:save', { election: { ...election, id: 'el-other' } }],
      ['workspace:import', { format: 'json', content: JSON.stringify(workspace([])) }],
      ['workspace:importBegin', { format: 'json', fileName: 'second.json' }],
    ] as const) {
      const r = await app.dispatch(channel, payload);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) {
        expect(r.error.code, channel).toBe('locked');
        expect(r.error.message).toMatch(/An import of big\.json is in progress/);
      }
    }
    await app.call('workspace:importChunk', { importId, text: half[1] });
    await app.call('workspace:importEnd', { importId });
    expect(databaseFingerprint(app.db)).not.toBe(before);
    expect((await app.call<{ total: number }>('threats:list', {})).total).toBe(IMPORT_BATCH * 3);
  });

  it('leaves nothing when cancelled, or when the last threat is wrong, and frees the log', async () => {
    const app = await openTestApp();
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(workspace([threat('T-OLD')])),
    });
    const before = databaseFingerprint(app.db);
    const text = JSON.stringify(workspace(many(IMPORT_BATCH * 2 + 5)));

    const cancelled = await begin(app);
    for (const piece of pieces(text, [4096]).slice(0, -3))
      await app.call('workspace:importChunk', { importId: cancelled, text: piece });
    expect(await app.call('workspace:importCancel', { importId: cancelled })).toEqual({ cancelled: true });
    expect(databaseFingerprint(app.db)).toBe(before);
    const again = await app.dispatch('workspace:importChunk', { importId: cancelled, text: '' });
    expect(!again.ok && again.error.code).toBe('not-found');

    const bad = JSON.stringify(
      workspace([...many(IMPORT_BATCH * 2), threat('S-BAD', { time: { firstSeen: 'yesterday' } })]),
    );
    const importId = await begin(app);
    let failure: { code: string; message: string; problems?: { where: string }[] } | undefined;
    for (const piece of pieces(bad, [8192])) {
      const r = await app.dispatch('workspace:importChunk', { importId, text: piece });
      if (!r.ok) {
        failure = r.error;
        break;
      }
    }
    if (!failure) {
      const r = await app.dispatch('workspace:importEnd', { importId });
      failure = r.ok ? undefined : r.error;
    }
    expect(failure?.code).toBe('import-invalid');
    expect(failure?.problems?.[0]?.where).toBe(`$.threats[${IMPORT_BATCH * 2}].time.firstSeen`);
    expect(failure?.message).toMatch(/Nothing was imported/);
    expect(databaseFingerprint(app.db)).toBe(before);
    // The log is free again.
    expect((await app.call<{ total: number }>('threats:list', {})).total).toBe(1);
  });

  it('cancels an import left idle, so that the log is never locked for good', async () => {
    const app = await openTestApp();
    const before = databaseFingerprint(app.db);
    // Services as createHandlers builds them, with a short idle time.
    const { StreamedImports } = await import('../../../src/main/workspace/imports');
    const { openImport } = await import('../../../src/main/workspace/service');
    const levels = { scorer: () => () => ({ level: 'monitor' as const, score: 0 }) };
    const imports = new StreamedImports(app.ctx, levels, openImport, { idleMs: 50 });
    const { importId } = imports.begin('json', 'left.json');
    imports.chunk(importId, JSON.stringify(workspace(many(3))).slice(0, 200));
    // However late the timer fires on a busy machine (the test's timeout guards against never).
    while (app.db.inTransaction) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(() => imports.chunk(importId, '')).toThrow(/has ended/);
    expect(databaseFingerprint(app.db)).toBe(before);
  });

  it('accepts elections after the threats that name them, and says which are missing at the end', async () => {
    const app = await openTestApp();
    const later = `{"format":"threshold-workspace/1","threats":${JSON.stringify(many(3))},"elections":[${JSON.stringify(election)}]}`;
    const { report } = await streamIn(app, later, [50]);
    expect(report).toMatchObject({ elections: { created: 1 }, threats: { created: 3 } });
    // Scored with the election's calendar, like any other import.
    const fresh = await openTestApp();
    await fresh.call('workspace:import', { format: 'json', content: JSON.stringify(workspace(many(3))) });
    const level = (a: TestApp) => a.call<ThreatDetail>('threats:get', { id: 'S-1' }).then((d) => d.meta);
    expect((await level(app)).level).toBe((await level(fresh)).level);
    expect((await level(app)).score).toBe((await level(fresh)).score);

    const missing = await app.dispatch('workspace:import', {
      format: 'json',
      content: `{"format":"threshold-workspace/1","threats":${JSON.stringify([threat('S-X', { electionId: 'nowhere' })])},"elections":[]}`,
    });
    expect(!missing.ok && missing.error.problems?.[0]).toMatchObject({
      where: '$.threats[0].electionId',
      message: 'no election with id nowhere in the file or the workspace',
    });
  });

  it('imports a STIX 2.1 bundle sent through the same channels', async () => {
    const source = await openTestApp();
    await source.call('workspace:import', { format: 'json', content: JSON.stringify(workspace(many(4))) });
    const exported = await source.call<{ content: string }>('stix:export', { filter: {}, tlp: 'clear' });
    const app = await openTestApp();
    await app.call('elections:save', { election });
    const { report } = await streamIn(app, exported.content, [100]);
    expect(report.format).toBe('stix');
    expect(report.threats.created).toBe(4);
  });
});
