// `threshold partners …`, `threshold export --format stix` and `threshold import bundle.json`, in-process
// on temporary databases holding the sample workspace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { ReadinessReport } from '../../src/shared/domain/partners';
import { TLP2_MARKING_IDS } from '../../src/main/stix/tlp';
import { ASSETS_DIR, openTestApp, tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { validateBundle } from '../main/stix/validator';

let dir: string;
let db: string;

beforeEach(async () => {
  dir = tempDir('threshold-cli-eco-');
  const app = await openTestApp({ file: path.join(dir, 'sample.db') });
  await app.call('workspace:loadSample');
  app.close();
  db = app.file;
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: cliEnv(), cwd: dir };
  const code = await main([...argv, '--db', db], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('threshold partners', () => {
  it('lists the directory', async () => {
    const r = await run(['partners']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/p-elections-lakeshore\s+election-authority\s+Elections Lakeshore/);
    expect(r.out).toContain('13 partners');
    const asJson = await run(['partners', 'list', '--json']);
    expect((JSON.parse(asJson.out) as unknown[]).length).toBe(13);
  });

  it('shows the readiness gaps', async () => {
    const r = await run(['partners', 'readiness', '--election', 'lakeshore-2027', '--as-of', '2026-11-25']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Readiness for lakeshore-2027 \(polling day 2027-05-17\) as of 2026-11-25/);
    expect(r.out).toContain('No partner handles telegram');
    expect(r.out).toContain('No partner covers Ferrier Islands');
    expect(r.out).toContain('X — Government affairs: "Escalation" has no backup contact.');
    expect(r.out).toContain('TikTok — Trust and safety: never contacted.');
    const asJson = JSON.parse(
      (
        await run([
          'partners',
          'readiness',
          '--election',
          'lakeshore-2027',
          '--as-of',
          '2026-11-25',
          '--stale-days',
          '400',
          '--json',
        ])
      ).out,
    ) as ReadinessReport;
    expect(asJson.staleDays).toBe(400);
    expect(
      asJson.gaps
        .filter((g) => g.kind === 'stale-relationship')
        .map((g) => (g as { partnerId: string }).partnerId)
        .sort(),
    ).toEqual(['p-returning-pinewood', 'p-telecom', 'p-tiktok']);
    expect((await run(['partners', 'readiness', '--stale-days', 'soon'])).code).toBe(2);
  });

  it('says who to notify about threats and how to reach them', async () => {
    const r = await run(['partners', 'notify', 'lk27-001']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /Elections Lakeshore \(election-authority\) — lk27-001: purpose mislead-voting-process/,
    );
    expect(r.out).toMatch(/Meta — Election integrity team \(platform\) — lk27-001: channel facebook/);
    expect(r.out).toMatch(/Election-day operations: Claire Beaumont, \+1 613 555 0101, secure ELK-OPS-01/);
    const missing = await run(['partners', 'notify', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope');
  });

  it('records a contact', async () => {
    const r = await run([
      'partners',
      'contacted',
      'p-tiktok',
      '--date',
      '2026-11-20',
      '--channel',
      'email',
      '--note',
      'Named a backup.',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Recorded a contact with TikTok — Trust and safety on 2026-11-20.');
    const list = JSON.parse((await run(['partners', '--json'])).out) as {
      id: string;
      lastContacted: string | null;
    }[];
    expect(list.find((p) => p.id === 'p-tiktok')!.lastContacted).toBe('2026-11-20');
    expect((await run(['partners', 'frobnicate'])).code).toBe(2);
    // Who made the contact is the signed-in person; a typed name is not an option.
    expect((await run(['partners', 'contacted', 'p-tiktok', '--by', 'Someone Else'])).code).toBe(2);
  });
});

describe('threshold export --format stix / import bundle.json', () => {
  it('writes a valid bundle under the chosen TLP (amber by default) and reads it back', async () => {
    const amber = await run(['export', '--format', 'stix', '--out', 'amber.json']);
    expect(amber.code, amber.err).toBe(0);
    expect(amber.err).toMatch(/Wrote 34 threats to .*amber\.json \(STIX 2\.1, TLP:AMBER\)/);
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'amber.json'), 'utf8')) as {
      type: string;
      objects: { id: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects[0]!.id).toBe(TLP2_MARKING_IDS.amber);
    expect(validateBundle(bundle)).toEqual([]);

    const red = await run([
      'export',
      '--format',
      'stix',
      '--tlp',
      'red',
      '--election',
      'harrowgate-ward4-2027',
    ]);
    expect(red.code, red.err).toBe(0);
    const redBundle = JSON.parse(red.out) as { objects: { id: string; type: string }[] };
    expect(redBundle.objects[0]!.id).toBe(TLP2_MARKING_IDS.red);
    expect(redBundle.objects.filter((o) => o.type === 'incident')).toHaveLength(3);

    expect((await run(['export', '--format', 'stix', '--tlp', 'purple'])).code).toBe(2);
    expect((await run(['export', '--format', 'json', '--tlp', 'red'])).code).toBe(2);

    // Into a database that has the elections but not the threats.
    const fresh = await openTestApp({ file: path.join(dir, 'fresh.db') });
    const sample = JSON.parse(
      fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8'),
    ) as Record<string, unknown>;
    await fresh.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...sample, threats: [] }),
    });
    fresh.close();
    db = fresh.file;
    const imported = await run(['import', 'amber.json']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe(
      'Imported amber.json (STIX 2.1 bundle): threats 34 new, 0 updated, 0 unchanged; elections ' +
        '0 new, 0 updated, 0 unchanged.',
    );
    expect(imported.err).toContain('TLP:AMBER');
    const again = await run(['import', 'amber.json', '--election', 'lakeshore-2027', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ format: 'stix', threats: { created: 0 } });
  });

  it('writes every kind of bundle strict-valid: TLP levels, an election, a country and a region', async () => {
    for (const args of [
      ['--tlp', 'clear'],
      ['--tlp', 'green', '--election', 'lakeshore-2027'],
      ['--country', 'CA'],
      ['--tlp', 'red', '--country', 'CA', '--region', 'northern-america'],
      ['--region', 'northern-america'],
    ]) {
      const r = await run(['export', '--format', 'stix', ...args]);
      expect(r.code, r.err).toBe(0);
      expect(validateBundle(JSON.parse(r.out)), args.join(' ')).toEqual([]);
    }
    const bad = await run(['export', '--format', 'stix', '--region', 'Capital Region']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--region must be one of africa, /);
    expect((await run(['export', '--format', 'csv', '--region', 'europe'])).code).toBe(2);
  });

  it('imports into a fresh database: the elections the bundle carries, or the new one named', async () => {
    expect((await run(['export', '--format', 'stix', '--out', 'ours.json'])).code).toBe(0);
    const fresh = await openTestApp({ file: path.join(dir, 'fresh.db') });
    fresh.close();
    db = fresh.file;
    const ours = await run(['import', 'ours.json']);
    expect(ours.code, ours.err).toBe(0);
    expect(ours.out).toBe(
      'Imported ours.json (STIX 2.1 bundle): threats 34 new, 0 updated, 0 unchanged; elections ' +
        '2 new, 0 updated, 0 unchanged.',
    );

    // A partner's bundle that does not say its election: the command asks for one.
    const partner = JSON.parse(fs.readFileSync(path.join(dir, 'ours.json'), 'utf8')) as {
      objects: Record<string, unknown>[];
    };
    const incident = partner.objects.find((o) => o.type === 'incident')!;
    const bare = {
      type: 'bundle',
      id: 'bundle--0f1e2d3c-4b5a-4968-8776-655443322110',
      objects: [
        { ...incident, created_by_ref: undefined, extensions: undefined, object_marking_refs: undefined },
      ],
    };
    fs.writeFileSync(path.join(dir, 'partner.json'), JSON.stringify(bare));
    const other = await openTestApp({ file: path.join(dir, 'other.db') });
    other.close();
    db = other.file;
    const asked = await run(['import', 'partner.json']);
    expect(asked.code).toBe(1);
    expect(asked.err).toContain('partner.json does not say which election its incidents belong to');
    expect(asked.err).toContain(
      'Say which: threshold import partner.json --election ID (an election of the workspace), or a new one: ' +
        '--new-election ID --election-name NAME --jurisdiction TEXT --polling-day YYYY-MM-DD.',
    );
    expect(asked.err).not.toContain('the workspace has no election');
    const half = await run(['import', 'partner.json', '--new-election', 'ns-2027']);
    expect(half.code).toBe(2);
    expect(half.err).toContain('a new election needs --election-name, --jurisdiction, --polling-day as well');
    const named = await run([
      'import',
      'partner.json',
      '--new-election',
      'ns-2027',
      '--election-name',
      'North Shore Municipal Election 2027',
      '--jurisdiction',
      'North Shore',
      '--polling-day',
      '2027-10-25',
    ]);
    expect(named.code, named.err).toBe(0);
    expect(named.out).toContain('threats 1 new');
    expect(named.out).toContain('elections 1 new');
  });

  it('refuses a STIX 2.0 bundle with its location', async () => {
    fs.writeFileSync(
      path.join(dir, 'old.json'),
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--00000001-1111-4111-8111-111111111111',
        spec_version: '2.0',
        objects: [],
      }),
    );
    const r = await run(['import', 'old.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/old\.json cannot be imported as a STIX 2\.1 bundle/);
    expect(r.err).toMatch(/\$\.spec_version: a bundle with a spec_version \("2\.0"\) is a STIX 2\.0 bundle/);
    expect((await run(['import', 'old.json', '--format', 'csv', '--election', 'x'])).code).toBe(2);
  });
});
