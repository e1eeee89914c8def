// Partners in the workspace file (a first-class `partners` field: export(import(x)) == x),
// the sample directory, and the migration that adds them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import type { ExportResult, ImportReport } from '../../../src/shared/domain/transfer';
import type { Partner, PartnerDetail } from '../../../src/shared/domain/partners';
import { PartnersFileSchema } from '../../../src/shared/domain/partners';
import { ASSETS_DIR, openTestApp, steppingClock, tempDir } from '../../helpers/db';
import { workspace } from '../../fixtures/mini-workspace';
import { omit } from '../../../src/shared/collections';

const partners: Partner[] = [
  {
    id: 'p-ea',
    name: 'Elections authority',
    kind: 'election-authority',
    roles: [
      {
        role: 'Operations',
        primary: { name: 'Claire', phone: '+1 613 555 0101' },
        backup: { name: 'Raj', email: 'raj@ea.example' },
      },
    ],
    notify: [{ purposes: ['mislead-voting-process'], note: 'Voting process' }],
    contactLog: [{ date: '2027-03-01', by: 'Amara', channel: 'phone' }],
    x_custom: { kept: true },
  },
  { id: 'p-tiktok', name: 'TikTok', kind: 'platform', handles: ['tiktok'], roles: [] },
];

async function exported(app: ReturnType<typeof openTestApp>) {
  const result = await app.call<ExportResult>('workspace:export', { format: 'json' });
  return omit(JSON.parse(result.content) as Record<string, unknown>, 'exportedAt');
}

describe('partners in the workspace file', () => {
  it('round-trips: export(import(x)) == x', async () => {
    const app = openTestApp({ clock: steppingClock() });
    const x = { ...workspace(), partners };
    const report = await app.call<ImportReport>('workspace:import', {
      format: 'json',
      content: JSON.stringify(x),
    });
    expect(report.partners).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await app.call<PartnerDetail[]>('partners:list', {})).map((p) => p.partner.id).sort()).toEqual([
      'p-ea',
      'p-tiktok',
    ]);
    expect(await exported(app)).toEqual(x);
    // Not kept as an unknown extra field any more.
    const extra = app.db.prepare("SELECT value FROM settings WHERE key = 'workspace.extra'").pluck().get() as
      string | undefined;
    expect(extra === undefined || !('partners' in (JSON.parse(extra) as object))).toBe(true);
    // Again: unchanged.
    expect(
      (await app.call<ImportReport>('workspace:import', { format: 'json', content: JSON.stringify(x) }))
        .partners,
    ).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('keeps an empty list, and leaves the field out when there never was one', async () => {
    const withEmpty = openTestApp();
    await withEmpty.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace(), partners: [] }),
    });
    expect(await exported(withEmpty)).toEqual({ ...workspace(), partners: [] });
    const without = openTestApp();
    await without.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    expect(await exported(without)).toEqual(workspace());
  });

  it('updates partners on re-import (keeping history) and brings back a deleted one', async () => {
    const app = openTestApp({ clock: steppingClock() });
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace(), partners }),
    });
    await app.call('partners:delete', { id: 'p-tiktok' });
    const changed = [{ ...partners[0]!, name: 'Elections Lakeshore' }, partners[1]!];
    const report = await app.call<ImportReport>('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace(), partners: changed }),
    });
    expect(report.partners).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect((await app.call<PartnerDetail>('partners:get', { id: 'p-ea' })).meta.version).toBe(2);
    expect((await app.call<PartnerDetail>('partners:get', { id: 'p-tiktok' })).meta.deletedAt).toBeNull();
  });

  it('refuses invalid partners with their place in the file, and imports nothing', async () => {
    const app = openTestApp();
    const bad = {
      ...workspace(),
      partners: [
        partners[0],
        { ...partners[1], roles: [{ role: 'Desk', primary: { name: 'X', email: 'nope' } }] },
        partners[0],
      ],
    };
    await expect(
      app.call('workspace:import', { format: 'json', content: JSON.stringify(bad), fileName: 'ws.json' }),
    ).rejects.toThrow(
      /ws\.json cannot be imported: \$\.partners\[1\]\.roles\[0\]\.primary\.email: must be an email address/,
    );
    const dup = { ...workspace(), partners: [partners[0], partners[0]] };
    await expect(
      app.call('workspace:import', { format: 'json', content: JSON.stringify(dup) }),
    ).rejects.toThrow(/\$\.partners\[1\]\.id: repeats the id p-ea of \$\.partners\[0\]/);
    expect(app.db.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(0);
    expect(app.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(0);
  });

  it('leaves partners out of a selection export', async () => {
    const app = openTestApp();
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace(), partners }),
    });
    const result = await app.call<ExportResult>('workspace:export', { format: 'json', ids: ['T-1'] });
    expect(JSON.parse(result.content)).not.toHaveProperty('partners');
  });
});

describe('the sample directory', () => {
  it('is valid and loads with the sample, atomically and audited', async () => {
    const file = JSON.parse(
      fs.readFileSync(path.join(ASSETS_DIR, 'sample-partners.json'), 'utf8'),
    ) as unknown;
    expect(PartnersFileSchema.safeParse(file).success).toBe(true);
    const app = openTestApp();
    const report = await app.call<ImportReport>('workspace:loadSample', {});
    expect(report.partners).toEqual({ created: 13, updated: 0, unchanged: 0 });
    // The sample's outcome observations load after the directory, in their own entry.
    expect(app.ctx.audit.list({ limit: 2 }).find((e) => e.action === 'partners.imported')).toMatchObject({
      action: 'partners.imported',
      details: { file: 'sample-partners.json' },
    });
    const kinds = new Set((await app.call<PartnerDetail[]>('partners:list', {})).map((p) => p.partner.kind));
    expect([...kinds].sort()).toEqual([
      'civil-society',
      'election-authority',
      'media',
      'other',
      'party-security',
      'platform',
      'police',
      'security-agency',
    ]);
  });
});

describe('migration 0050 (partners)', () => {
  it('adds the partner tables to a database at the previous version, keeping its data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const index = MIGRATIONS.findIndex((m) => m.name === 'partners');
    const previous = MIGRATIONS.slice(0, index);
    const old = openDatabase(file, { migrations: previous });
    expect(old.pragma('user_version', { simple: true })).toBe(previous[previous.length - 1]!.version);
    old
      .prepare(
        'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES ' +
          "('e1', '{}', 'E', '2027-05-17', 'now', 'now')",
      )
      .run();
    closeDatabase(old);

    const db = openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(50);
    expect(db.prepare('SELECT id FROM elections').pluck().all()).toEqual(['e1']);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'partner%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['partner_versions', 'partners']);
    db.prepare(
      'INSERT INTO partners (id, doc, name, kind, last_change, created_at, updated_at) VALUES ' +
        "('p', '{}', 'P', 'other', 'created', 'now', 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          'INSERT INTO partners (id, doc, name, kind, last_change, created_at, updated_at) VALUES ' +
            "('p', '{}', 'P', 'other', 'created', 'now', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    closeDatabase(db);
  });
});
