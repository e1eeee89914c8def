// Outcome observations in the workspace file: exported with the threats they are about (whole workspace,
// one election, a selection), imported by both import paths inside the import's one transaction, versioned
// and audited like partners; an observation of a threat that is neither in the file nor in the workspace, or
// a malformed one, is refused with its place in the file and nothing is written. Exports stay valid against
// the interchange schema (assets/schema/workspace.schema.json).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../src/shared/domain/audit';
import type { Outcome, OutcomeDetail, OutcomeVersion } from '../../../src/shared/domain/outcomes';
import type { ExportResult, ImportReport } from '../../../src/shared/domain/transfer';
import type { Workspace } from '../../../src/shared/domain/workspace';
import { applyImport } from '../../../src/main/transfer/apply-import';
import { LevelKeeper } from '../../../src/main/assessment/levels';
import { PolicyInForce } from '../../../src/main/assessment/policy-store';
import { ElectionRepository } from '../../../src/main/elections/repository';
import { ThreatStore } from '../../../src/main/threats/store';
import { ASSETS_DIR, openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { election, threat, workspace } from '../../fixtures/mini-workspace';

const other = { ...election, id: 'el-other', name: 'Other By-election' };

const outcomes: Outcome[] = [
  {
    id: 'O-1',
    threatId: 'T-1',
    date: '2027-05-14',
    reach: { breakout: 2, estimatedAudience: 12000, trend: 'declining' },
    stillSpreading: true,
    platformActions: ['labelled', 'reduced'],
    mediaPickup: 'some',
    partnerFeedback: 'The platform confirmed the label.',
    note: 'Fewer shares since the correction.',
  },
  { id: 'O-2', threatId: 'T-1', date: '2027-05-16', reach: { breakout: 1, trend: 'stable' } },
  { id: 'O-3', threatId: 'X-1', date: '2027-05-15', reach: { breakout: 4, trend: 'growing' } },
];

/** Two elections, three threats (X-1 in the other election), three observations. */
function file(extra: Partial<Workspace> & Record<string, unknown> = {}) {
  return {
    ...workspace([threat('T-1'), threat('T-2'), threat('X-1', { electionId: other.id })]),
    elections: [election, other],
    outcomes,
    ...extra,
  };
}

async function importJson(app: TestApp, content: unknown, fileName = 'ws.json') {
  return app.call<ImportReport>('workspace:import', {
    format: 'json',
    content: JSON.stringify(content),
    fileName,
  });
}

async function exportJson(app: TestApp, opts: Record<string, unknown> = {}) {
  const result = await app.call<ExportResult>('workspace:export', { format: 'json', ...opts });
  return JSON.parse(result.content) as Record<string, unknown> & { outcomes?: Outcome[] };
}

async function observations(app: TestApp, threatId: string) {
  return (await app.call<OutcomeDetail[]>('outcomes:list', { threatId })).map((d) => d.outcome);
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return (err as { envelope: { code: string; message: string; problems?: { where: string }[] } }).envelope;
  }
  throw new Error('expected the call to fail');
}

const count = (app: TestApp, table: string) =>
  app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('outcome observations in the workspace file', () => {
  it('round-trips: export, import into a fresh database, the same observations, versioned and audited', async () => {
    const source = await openTestApp({ clock: steppingClock('2027-05-20T12:00:00.000Z') });
    await importJson(source, workspace([threat('T-1'), threat('T-2')]));
    // Recorded by hand, then edited: the export carries the observation as it stands.
    const added = await source.call<OutcomeDetail>('outcomes:add', {
      threatId: 'T-1',
      outcome: { date: '2027-05-14', reach: { breakout: 2, trend: 'declining' }, note: 'First look.' },
    });
    await source.call('outcomes:update', {
      outcome: { ...added.outcome, note: 'First look, after the label.' },
      expectedVersion: 1,
    });
    await source.call('outcomes:add', {
      threatId: 'T-2',
      outcome: { date: '2027-05-15', reach: { breakout: 3, trend: 'stable' }, platformActions: ['none'] },
    });
    const exported = await exportJson(source);
    expect(exported.outcomes).toEqual([
      { ...added.outcome, note: 'First look, after the label.' },
      expect.objectContaining({ threatId: 'T-2', date: '2027-05-15' }),
    ]);

    const fresh = await openTestApp({ clock: steppingClock('2027-05-21T12:00:00.000Z') });
    const report = await importJson(fresh, exported, 'from-source.json');
    expect(report.outcomes).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await observations(fresh, 'T-1')).toEqual(await observations(source, 'T-1'));
    expect(await observations(fresh, 'T-2')).toEqual(await observations(source, 'T-2'));
    // Each observation is a record of its own with a first version saying it was imported, by whom.
    const versions = await fresh.call<OutcomeVersion[]>('outcomes:history', { id: added.outcome.id });
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, change: 'imported', changedBy: fresh.name, current: true }),
    ]);
    const audit = await fresh.call<AuditPage>('audit:list', {});
    expect(audit.entries.find((e) => e.action === 'workspace.imported')?.details).toMatchObject({
      file: 'from-source.json',
      outcomes: { created: 2, updated: 0, unchanged: 0 },
    });
    // Exported again: the same document (but its date).
    const again = await exportJson(fresh);
    expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });

    // The same file again changes nothing; a changed observation is a new version.
    expect((await importJson(fresh, exported)).outcomes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const edited = {
      ...exported,
      outcomes: exported.outcomes!.map((o) => (o.threatId === 'T-2' ? { ...o, note: 'Quiet now.' } : o)),
    };
    expect((await importJson(fresh, edited)).outcomes).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const t2 = (await fresh.call<OutcomeDetail[]>('outcomes:list', { threatId: 'T-2' }))[0]!;
    expect(t2.meta.version).toBe(2);
    expect(t2.outcome.note).toBe('Quiet now.');
  });

  it('exports the observations of the exported threats only: one election, a selection', async () => {
    const app = await openTestApp();
    await importJson(app, file());
    expect((await exportJson(app)).outcomes?.map((o) => o.id)).toEqual(['O-1', 'O-3', 'O-2']);
    expect((await exportJson(app, { electionId: election.id })).outcomes?.map((o) => o.id)).toEqual([
      'O-1',
      'O-2',
    ]);
    expect((await exportJson(app, { electionId: other.id })).outcomes?.map((o) => o.id)).toEqual(['O-3']);
    expect((await exportJson(app, { ids: ['X-1', 'T-2'] })).outcomes?.map((o) => o.id)).toEqual(['O-3']);
    // A deleted observation is not exported; threats without observations leave the field out.
    await app.call('outcomes:delete', { id: 'O-3' });
    expect(await exportJson(app, { electionId: other.id })).not.toHaveProperty('outcomes');
  });

  it('imports observations listed before the threats they are about (the streamed import, in pieces)', async () => {
    const app = await openTestApp();
    const { format, outcomes: first, ...rest } = file();
    // Written in this order: the observations come before the elections and threats.
    const text = JSON.stringify({ format, outcomes: first, ...rest });
    expect(text.indexOf('"outcomes"')).toBeLessThan(text.indexOf('"threats"'));
    const importId = (
      await app.call<{ importId: string }>('workspace:importBegin', { format: 'json', fileName: 'w.json' })
    ).importId;
    for (let at = 0; at < text.length; at += 97)
      await app.call('workspace:importChunk', { importId, text: text.slice(at, at + 97) });
    const report = await app.call<ImportReport>('workspace:importEnd', { importId });
    expect(report.outcomes).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await observations(app, 'T-1')).map((o) => o.id)).toEqual(['O-1', 'O-2']);
    expect(await observations(app, 'X-1')).toEqual([outcomes[2]]);
  });

  it('takes an observation of a threat already in the workspace', async () => {
    const app = await openTestApp();
    await importJson(app, workspace([threat('T-1')]));
    const report = await importJson(app, { ...workspace([]), outcomes: [outcomes[0]] });
    expect(report.outcomes).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await observations(app, 'T-1')).toEqual([outcomes[0]]);
  });

  it('refuses an observation of a threat neither in the file nor in the workspace, and imports nothing', async () => {
    const app = await openTestApp();
    const bad = file({ outcomes: [outcomes[0], { ...outcomes[1], threatId: 'T-404' }] });
    const err = await errorOf(importJson(app, bad));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(
      /ws\.json cannot be imported: \$\.outcomes\[1\]\.threatId: no threat with id T-404 in the file or the workspace/,
    );
    expect(err.problems?.map((p) => p.where)).toEqual(['$.outcomes[1].threatId']);
    for (const table of ['threats', 'elections', 'outcomes', 'outcome_versions'])
      expect(count(app, table)).toBe(0);
  });

  it('refuses a malformed observation with its path, a repeated id, or one moved to another threat; nothing is written', async () => {
    const app = await openTestApp();
    const malformed = file({
      outcomes: [outcomes[0], { ...outcomes[1], reach: { breakout: 9, trend: 'stable' }, extra: 1 }],
    });
    const err = await errorOf(importJson(app, malformed));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(/\$\.outcomes\[1\]\.reach\.breakout: must be 1 to 6/);
    expect(err.problems?.map((p) => p.where)).toContain('$.outcomes[1]');
    expect(count(app, 'threats')).toBe(0);
    expect(count(app, 'outcomes')).toBe(0);

    const notAList = await errorOf(importJson(app, file({ outcomes: { id: 'O-1' } })));
    expect(notAList.message).toMatch(/\$\.outcomes: must be a list of outcome observations/);

    const repeated = await errorOf(importJson(app, file({ outcomes: [outcomes[0], outcomes[0]] })));
    expect(repeated.message).toMatch(/\$\.outcomes\[1\]\.id: repeats the id O-1 of \$\.outcomes\[0\]/);
    expect(count(app, 'threats')).toBe(0);

    await importJson(app, file());
    const moved = await errorOf(
      importJson(app, file({ outcomes: [{ ...outcomes[0], threatId: 'T-2' }] }), 'moved.json'),
    );
    expect(moved.message).toMatch(/\$\.outcomes\[0\]\.threatId: O-1 is an observation of T-1/);
    expect((await observations(app, 'T-2')).length).toBe(0);
  });

  it('writes outcomes given to the non-streamed import (applyImport) in its transaction, or nothing', async () => {
    const app = await openTestApp();
    const db = app.db;
    const scoring = new LevelKeeper(
      app.ctx,
      new ThreatStore(db),
      new ElectionRepository(db),
      new PolicyInForce(db),
    );
    const batch = {
      format: 'json' as const,
      fileName: 'batch.json',
      content: '{}',
      elections: [election],
      threats: [threat('T-1')],
      outcomes: [outcomes[0]!, outcomes[1]!],
    };
    // As the signed-in administrator, as a channel would.
    const asAdmin = <T>(fn: () => T) => app.host.actAs(app.caller.session, 'log.write', fn);
    expect(() =>
      asAdmin(() =>
        applyImport(app.ctx, scoring, { ...batch, outcomes: [{ ...outcomes[0]!, threatId: 'T-404' }] }),
      ),
    ).toThrow(/\$\.outcomes\[0\]\.threatId: no threat with id T-404/);
    expect(count(app, 'threats')).toBe(0);
    const report = asAdmin(() => applyImport(app.ctx, scoring, batch));
    expect(report.outcomes).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(app.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'workspace.imported',
      details: { outcomes: { created: 2, updated: 0, unchanged: 0 } },
    });
    expect((await observations(app, 'T-1')).map((o) => o.id)).toEqual(['O-1', 'O-2']);
  });

  it('writes exports that the interchange schema accepts, and the schema describes an observation', async () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(ASSETS_DIR, 'schema', 'workspace.schema.json'), 'utf8'),
    ) as { properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('outcomes');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const app = await openTestApp();
    await importJson(app, file());
    const exported = await exportJson(app);
    expect(exported.outcomes).toHaveLength(3);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    // The schema refuses what the import refuses.
    for (const bad of [
      { ...outcomes[0], reach: { breakout: 9, trend: 'stable' } },
      { ...outcomes[0], platformActions: ['banned'] },
      { ...outcomes[0], date: '14 May 2027' },
      { ...outcomes[0], surprise: true },
      { id: 'O-9', date: '2027-05-14', reach: { breakout: 2, trend: 'stable' } },
    ])
      expect(validate({ ...exported, outcomes: [bad] }), JSON.stringify(bad)).toBe(false);
  });
});
