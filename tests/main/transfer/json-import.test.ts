import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, ExportResult } from '../../../src/shared/domain/transfer';
import type { ThreatPage, ThreatVersion } from '../../../src/shared/domain/threat-log';
import type { Workspace } from '../../../src/shared/domain/workspace';
import { ASSETS_DIR, openTestApp } from '../../helpers/db';
import { databaseFingerprint } from '../../helpers/snapshot';
import { threat, workspace } from '../../fixtures/mini-workspace';
import { omit } from '../../../src/shared/collections';
import type { OrganisationProfile } from '../../../src/shared/domain/organisation';
import { PROFILE } from '../../fixtures/organisation';

async function importJson(app: ReturnType<typeof openTestApp>, doc: unknown) {
  return app.dispatch('workspace:import', {
    format: 'json',
    content: typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2),
    fileName: 'ws.json',
  });
}

describe('JSON workspace import', () => {
  it('imports elections and threats and reports what it did', async () => {
    const app = openTestApp();
    const result = await importJson(app, workspace());
    expect(result.ok).toBe(true);
    const report = (result as { value: ImportReport }).value;
    expect(report.elections).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.threats).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('says exactly where a file is wrong, and changes nothing', async () => {
    const app = openTestApp();
    await importJson(app, workspace());
    const before = databaseFingerprint(app.db);

    const bad = workspace([
      threat('T-1', { title: 'changed' }),
      threat('T-3', { source: { actor: 'martian' as never, confidence: 'high' } }),
    ]);
    const result = await importJson(app, bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('import-invalid');
      expect(result.error.problems?.[0]?.where).toBe('$.threats[1].source.actor');
      expect(result.error.message).toContain('$.threats[1].source.actor');
      expect(result.error.message).toContain('Nothing was imported');
    }
    expect(databaseFingerprint(app.db)).toBe(before);
  });

  it('takes the organisation block as the profile, or says where it is wrong and changes nothing', async () => {
    const app = openTestApp();
    const ok = await importJson(app, { ...workspace(), organisation: PROFILE });
    expect(ok.ok).toBe(true);
    expect(await app.call<OrganisationProfile>('profile:get')).toEqual(PROFILE);
    const before = databaseFingerprint(app.db);
    const bad = await importJson(app, {
      ...workspace([threat('T-1', { title: 'changed' })]),
      organisation: { ...PROFILE, name: { en: 'Elections Lakeshore' }, mediaContact: { email: 'sam@' } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.problems?.map((p) => p.where)).toEqual(
        expect.arrayContaining(['$.organisation.name.fr', '$.organisation.mediaContact.email']),
      );
    expect(databaseFingerprint(app.db)).toBe(before);
    expect(await app.call<OrganisationProfile>('profile:get')).toEqual(PROFILE);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const app = openTestApp();
    const text = '{\n  "format": "threshold-workspace/1",\n  "elections": [,]\n}';
    const result = await importJson(app, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems?.[0]?.where).toBe('line 3, column 17');
  });

  it('refuses duplicate ids, unknown elections and prototype-pollution keys without writing', async () => {
    const app = openTestApp();
    const before = databaseFingerprint(app.db);
    const dup = await importJson(app, workspace([threat('T-1'), threat('T-1')]));
    expect(!dup.ok && dup.error.problems?.[0]).toMatchObject({ where: '$.threats[1].id' });
    const orphan = await importJson(app, { ...workspace([threat('T-1', { electionId: 'ghost' })]) });
    expect(!orphan.ok && orphan.error.problems?.[0]).toMatchObject({ where: '$.threats[0].electionId' });
    const polluted = await importJson(
      app,
      '{"format":"threshold-workspace/1","elections":[],"threats":[],"__proto__":{"admin":true}}',
    );
    expect(polluted.ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(databaseFingerprint(app.db)).toBe(before);
  });

  it('updates on re-import of the same ids instead of duplicating, keeping history', async () => {
    const app = openTestApp();
    await importJson(app, workspace());
    const again = await importJson(
      app,
      workspace([
        threat('T-1', { title: 'Updated title' }),
        threat('T-2', { title: 'Fake polling station change', purpose: 'suppress-turnout' }),
      ]),
    );
    expect(again.ok && again.value).toMatchObject({
      threats: { created: 0, updated: 1, unchanged: 1 },
      elections: { unchanged: 1 },
    });
    const page = await app.call<ThreatPage>('threats:list', {});
    expect(page.total).toBe(2);
    const history = await app.call<ThreatVersion[]>('threats:history', { id: 'T-1' });
    expect(history.map((v) => v.threat.title)).toEqual(['Updated title', threat('T-1').title]);
  });

  it('round-trips the sample workspace: export(import(x)) keeps every field of x', async () => {
    const sample = JSON.parse(
      fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8'),
    ) as Workspace;
    const app = openTestApp();
    const imported = await importJson(app, sample);
    expect(imported.ok).toBe(true);
    const exported = await app.call<ExportResult>('workspace:export', { format: 'json' });
    const back = JSON.parse(exported.content) as Workspace;
    expect(omit(back, 'exportedAt')).toEqual(omit(sample, 'exportedAt'));
  });

  it('keeps unknown fields at every level and empty lists', async () => {
    const app = openTestApp();
    const odd = {
      ...workspace([
        threat('T-1', {
          classifiedNotes: [],
          facts: [],
          target: { kind: 'media', futureField: 1 } as never,
          customTop: { a: [1, 2] },
        } as never),
      ]),
      generator: 'another tool',
    };
    await importJson(app, odd);
    const back = JSON.parse(
      (await app.call<ExportResult>('workspace:export', { format: 'json' })).content,
    ) as Record<string, unknown>;
    delete back.exportedAt;
    expect(back).toEqual(odd);
  });

  it('leaves classified notes out of an export when asked', async () => {
    const app = openTestApp();
    await importJson(
      app,
      workspace([
        threat('T-1', { classifiedNotes: [{ classification: 'SECRET', text: 'Human source ORCHID.' }] }),
      ]),
    );
    const out = await app.call<ExportResult>('workspace:export', {
      format: 'json',
      includeClassified: false,
    });
    expect(out.content).not.toContain('ORCHID');
    const full = await app.call<ExportResult>('workspace:export', { format: 'json' });
    expect(full.content).toContain('ORCHID');
  });
});
