// STIX 2.1 import: Threshold's own bundles come back as the same threats; other bundles map as
// well as they can; anything that is not a STIX 2.1 bundle is refused with a located error,
// and nothing is written.
import { describe, expect, it } from 'vitest';
import type { StixExportResult } from '../../../src/shared/domain/stix';
import type { ThreatDetail } from '../../../src/shared/domain/threat-log';
import type { ImportReport } from '../../../src/shared/domain/transfer';
import type { Threat, Workspace } from '../../../src/shared/domain/workspace';
import fs from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR, openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { threat, workspace, election } from '../../fixtures/mini-workspace';
import { bestPracticeProblems } from './best-practice';
import { validateBundle, validateSchemas } from './validator';
import { omit } from '../../../src/shared/collections';

const MARKER = 'OSPREY-5521-CLASSIFIED';

async function sampleApp(): Promise<TestApp> {
  const app = await openTestApp({ clock: steppingClock('2027-05-10T12:00:00.000Z') });
  await app.call('workspace:loadSample', {});
  return app;
}

/** A database with the sample's elections and nothing else. */
async function electionsOnly(): Promise<TestApp> {
  const app = await openTestApp({ clock: steppingClock('2027-05-11T12:00:00.000Z') });
  const sample = JSON.parse(
    fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8'),
  ) as Workspace;
  await app.call('workspace:import', { format: 'json', content: JSON.stringify({ ...sample, threats: [] }) });
  return app;
}

const withoutNotes = (t: Threat): Threat => omit(t, 'classifiedNotes') as Threat;

async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; problems?: { where: string; message: string }[] }> {
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

describe('Threshold bundles, back again', () => {
  it('imports every exported threat as it was (classified notes excepted: they never leave)', async () => {
    const source = await sampleApp();
    const { content } = await source.call<StixExportResult>('stix:export', { tlp: 'amber' });
    const target = await electionsOnly();
    const report = await target.call<ImportReport>('stix:import', { content, fileName: 'bundle.json' });
    expect(report).toMatchObject({ format: 'stix', threats: { created: 34, updated: 0, unchanged: 0 } });
    expect(report.warnings.join(' ')).toContain('TLP:AMBER');
    const ids = source.db.prepare('SELECT id FROM threats ORDER BY rowid').pluck().all() as string[];
    for (const id of ids) {
      const before = (await source.call<ThreatDetail>('threats:get', { id })).threat;
      const after = (await target.call<ThreatDetail>('threats:get', { id })).threat;
      expect(after, id).toEqual(withoutNotes(before));
    }
  });

  it('imports into a fresh database, creating the elections the bundle carries', async () => {
    const source = await sampleApp();
    const { content } = await source.call<StixExportResult>('stix:export', { tlp: 'green' });
    const fresh = await openTestApp({ clock: steppingClock('2027-05-12T12:00:00.000Z') });
    expect(fresh.db.prepare('SELECT count(*) FROM elections').pluck().get()).toBe(0);
    const report = await fresh.call<ImportReport>('stix:import', { content, fileName: 'bundle.json' });
    expect(report).toMatchObject({ threats: { created: 34 }, elections: { created: 2 } });
    const elections = await fresh.call<{ id: string; name: string; pollingDay: string }[]>('elections:list');
    expect(elections.map((e) => [e.id, e.pollingDay]).sort()).toEqual([
      ['harrowgate-ward4-2027', '2027-03-08'],
      ['lakeshore-2027', '2027-05-17'],
    ]);
    for (const id of ['lk27-001', 'lk27-004']) {
      const before = (await source.call<ThreatDetail>('threats:get', { id })).threat;
      expect((await fresh.call<ThreatDetail>('threats:get', { id })).threat, id).toEqual(
        withoutNotes(before),
      );
    }
    // The incidents keep the ids the partner gave them: a re-export names them the same way.
    const again = JSON.parse(
      (await fresh.call<StixExportResult>('stix:export', { tlp: 'green' })).content,
    ) as { objects: { type: string; id: string }[] };
    expect(validateBundle(again)).toEqual([]);
    const incidents = (b: { objects: { type: string; id: string }[] }) =>
      b.objects
        .filter((o) => o.type === 'incident')
        .map((o) => o.id)
        .sort();
    expect(incidents(again)).toEqual(
      incidents(JSON.parse(content) as { objects: { type: string; id: string }[] }),
    );
    // An election the workspace has is never overwritten by a bundle's.
    const renamed = content.replaceAll(
      '"name": "Lakeshore Provincial General Election 2027"',
      '"name": "Renamed"',
    );
    expect(renamed).not.toBe(content);
    const third = await openTestApp({ clock: steppingClock('2027-05-13T12:00:00.000Z') });
    await third.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({
        ...(JSON.parse(fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8')) as Workspace),
        threats: [],
      }),
    });
    const kept = await third.call<ImportReport>('stix:import', { content: renamed });
    expect(kept.elections).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(
      (await third.call<{ id: string; name: string }[]>('elections:list')).find(
        (e) => e.id === 'lakeshore-2027',
      )?.name,
    ).toBe('Lakeshore Provincial General Election 2027');
  });

  it('reads bundles written before the extension (top-level x_threshold_* properties) the same way', async () => {
    const source = await sampleApp();
    const { content } = await source.call<StixExportResult>('stix:export', { tlp: 'amber' });
    const bundle = JSON.parse(content) as { objects: Record<string, unknown>[] };
    const definition = bundle.objects.find((o) => o.type === 'extension-definition')!;
    // As Threshold wrote them before: each extension property as x_threshold_<name>, no definition.
    const legacy = {
      ...bundle,
      objects: bundle.objects
        .filter((o) => o !== definition)
        .map((o) => {
          const extensions = (o.extensions ?? {}) as Record<string, Record<string, unknown>>;
          const own = extensions[definition.id as string];
          if (!own) return o;
          const others = omit(extensions, definition.id as string);
          const props = omit(own, 'extension_type');
          const out: Record<string, unknown> = {
            ...o,
            extensions: Object.keys(others).length ? others : undefined,
          };
          for (const [k, v] of Object.entries(props)) out[`x_threshold_${k}`] = v;
          return out;
        }),
    };
    expect(JSON.stringify(legacy)).toContain('"x_threshold_breakout"');
    expect(JSON.stringify(legacy)).not.toContain(definition.id as string);
    const target = await electionsOnly();
    const report = await target.call<ImportReport>('stix:import', { content: JSON.stringify(legacy) });
    expect(report.threats.created).toBe(34);
    for (const id of ['lk27-001', 'lk27-004', 'lk27-009']) {
      const before = (await source.call<ThreatDetail>('threats:get', { id })).threat;
      expect((await target.call<ThreatDetail>('threats:get', { id })).threat, id).toEqual(
        withoutNotes(before),
      );
    }
  });

  it('updates the same ids on re-import, and keeps what the log holds that a bundle cannot carry', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(
        workspace([
          threat('T-1', { classifiedNotes: [{ classification: 'SECRET', text: `Report ${MARKER}` }] }),
          threat('T-2'),
        ]),
      ),
    });
    const { content } = await app.call<StixExportResult>('stix:export', {});
    expect(content).not.toContain(MARKER);

    const again = await app.call<ImportReport>('stix:import', { content });
    expect(again.threats).toEqual({ created: 0, updated: 0, unchanged: 2 });

    // A partner's edit of the bundle comes back as a new version of the same threat.
    const edited = content.replace(
      '"name": "Mail-in ballot rumour T-1"',
      '"name": "Mail-in ballot rumour T-1 (revised)"',
    );
    expect(edited).not.toBe(content);
    const report = await app.call<ImportReport>('stix:import', { content: edited });
    expect(report.threats).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const t1 = await app.call<ThreatDetail>('threats:get', { id: 'T-1' });
    expect(t1.threat.title).toBe('Mail-in ballot rumour T-1 (revised)');
    expect(t1.meta.version).toBe(2);
    expect(t1.threat.classifiedNotes).toEqual([{ classification: 'SECRET', text: `Report ${MARKER}` }]);
    expect((await app.call<unknown[]>('threats:history', { id: 'T-1' })).length).toBe(2);
  });

  it('is detected by the ordinary workspace import', async () => {
    const source = await sampleApp();
    const { content } = await source.call<StixExportResult>('stix:export', { ids: ['lk27-001'] });
    const target = await electionsOnly();
    const report = await target.call<ImportReport>('workspace:import', {
      format: 'json',
      content,
      fileName: 'from-partner.json',
    });
    expect(report).toMatchObject({ format: 'stix', threats: { created: 1 } });
    expect((await target.call<ThreatDetail>('threats:get', { id: 'lk27-001' })).threat.electionId).toBe(
      'lakeshore-2027',
    );
    const audit = target.ctx.audit.list({ limit: 1 })[0]!;
    expect(audit).toMatchObject({
      action: 'workspace.imported',
      details: expect.objectContaining({ format: 'stix', file: 'from-partner.json' }),
    });
  });

  it('keeps the log’s attribution when a public bundle withheld it', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(
        workspace([threat('T-1', { source: { actor: 'foreign-state', name: 'Varnia', confidence: 'low' } })]),
      ),
    });
    const { content } = await app.call<StixExportResult>('stix:export', { tlp: 'clear' });
    expect(content).not.toContain('Varnia');
    const report = await app.call<ImportReport>('stix:import', { content });
    expect(report.threats.unchanged).toBe(1);
    expect((await app.call<ThreatDetail>('threats:get', { id: 'T-1' })).threat.source).toEqual({
      actor: 'foreign-state',
      name: 'Varnia',
      confidence: 'low',
    });
  });
});

const UUID = (n: number) => `${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`;
const T0 = '2027-05-12T10:00:00.000Z';

function foreignBundle(extra: Record<string, unknown>[] = []) {
  return {
    type: 'bundle',
    id: `bundle--${UUID(1)}`,
    objects: [
      {
        type: 'incident',
        spec_version: '2.1',
        id: `incident--${UUID(2)}`,
        created: T0,
        modified: T0,
        name: 'Coordinated posts impersonating the returning officer',
        description: 'Accounts posing as the returning officer posted wrong polling-place addresses.',
        object_marking_refs: ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'],
      },
      {
        type: 'threat-actor',
        spec_version: '2.1',
        id: `threat-actor--${UUID(3)}`,
        created: T0,
        modified: T0,
        name: 'Varnian Information Bureau',
        threat_actor_types: ['nation-state'],
      },
      {
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${UUID(4)}`,
        created: T0,
        modified: T0,
        relationship_type: 'attributed-to',
        source_ref: `incident--${UUID(2)}`,
        target_ref: `threat-actor--${UUID(3)}`,
        confidence: 80,
      },
      {
        type: 'location',
        spec_version: '2.1',
        id: `location--${UUID(5)}`,
        created: T0,
        modified: T0,
        name: 'North Shore',
        region: 'northern-america',
      },
      {
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${UUID(6)}`,
        created: T0,
        modified: T0,
        relationship_type: 'targets',
        source_ref: `incident--${UUID(2)}`,
        target_ref: `location--${UUID(5)}`,
      },
      {
        type: 'attack-pattern',
        spec_version: '2.1',
        id: `attack-pattern--${UUID(7)}`,
        created: T0,
        modified: T0,
        name: 'Impersonate existing entity',
        external_references: [{ source_name: 'DISARM', external_id: 'T0099' }],
      },
      {
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${UUID(8)}`,
        created: T0,
        modified: T0,
        relationship_type: 'uses',
        source_ref: `incident--${UUID(2)}`,
        target_ref: `attack-pattern--${UUID(7)}`,
      },
      {
        type: 'note',
        spec_version: '2.1',
        id: `note--${UUID(9)}`,
        created: T0,
        modified: T0,
        content: 'Analyst comment',
        object_refs: [`incident--${UUID(2)}`],
      },
      ...extra,
    ],
  };
}

describe('other producers’ bundles', () => {
  it('maps incidents to threats with sensible defaults', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace([])) });
    const bundle = foreignBundle();
    // Valid STIX 2.1, written as many tools write it: links from the incident that the specification
    // does not suggest, no author. Threshold reads it all the same.
    expect(validateSchemas(bundle)).toEqual([]);
    expect(bestPracticeProblems(bundle).join('\n')).toMatch(
      /incident attributed-to threat-actor is not a suggested relationship[\s\S]*no created_by_ref/,
    );
    const report = await app.call<ImportReport>('stix:import', {
      content: JSON.stringify(bundle),
      fileName: 'partner.json',
    });
    expect(report.threats.created).toBe(1);
    expect(report.warnings.join(' ')).toMatch(/TLP:AMBER/);
    expect(report.warnings.join(' ')).toMatch(/Breakout/);
    expect(report.warnings.join(' ')).toMatch(/1 note was not imported/);
    const t = (await app.call<ThreatDetail>('threats:get', { id: `stix-${UUID(2)}` })).threat;
    expect(t).toMatchObject({
      electionId: election.id,
      title: 'Coordinated posts impersonating the returning officer',
      summary: 'Accounts posing as the returning officer posted wrong polling-place addresses.',
      purpose: 'other',
      type: 'other',
      time: { firstSeen: T0 },
      place: { level: 'regional', regions: ['North Shore'] },
      source: { actor: 'foreign-state', name: 'Varnian Information Bureau', confidence: 'high' },
      reach: { breakout: 1 },
      status: 'new',
      disarmTechniques: ['T0099'],
    });
  });

  it('asks which election a bundle without one belongs to, in a fresh database, and creates the one named', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    const content = JSON.stringify(foreignBundle());
    const error = await errorOf(app.call('stix:import', { content, fileName: 'partner.json' }));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/partner\.json does not say which election its incidents belong to/);
    expect(error.message).not.toMatch(/the workspace has no election/);
    expect(error.problems?.[0]?.message).toBe('which election do these incidents belong to?');
    expect(app.db.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(0);
    expect(app.db.prepare('SELECT count(*) FROM stix_ids').pluck().get()).toBe(0);

    const newElection = {
      id: 'ns-2027',
      name: 'North Shore Municipal Election 2027',
      jurisdiction: 'North Shore',
      pollingDay: '2027-10-25',
    };
    const report = await app.call<ImportReport>('stix:import', {
      content,
      fileName: 'partner.json',
      newElection,
    });
    expect(report).toMatchObject({ threats: { created: 1 }, elections: { created: 1 } });
    expect((await app.call<ThreatDetail>('threats:get', { id: `stix-${UUID(2)}` })).threat.electionId).toBe(
      'ns-2027',
    );
    // The partner's incident id is kept (it is a UUIDv4): Threshold's export names it the same way.
    const out = JSON.parse((await app.call<StixExportResult>('stix:export', {})).content) as {
      objects: { type: string; id: string }[];
    };
    expect(out.objects.filter((o) => o.type === 'incident').map((o) => o.id)).toEqual([
      `incident--${UUID(2)}`,
    ]);
    expect(validateBundle(out)).toEqual([]);
    // A bad new election is refused by the contract, and nothing is written.
    const bad = await errorOf(
      app.call('stix:import', { content, newElection: { ...newElection, id: 'x2', pollingDay: 'soon' } }),
    );
    expect(bad.code).toBe('invalid-request');
    expect(await app.call<unknown[]>('elections:list')).toHaveLength(1);
  });

  it('records incidents under the election whose period contains them, or the one named', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    const other = {
      ...election,
      id: 'el-other',
      name: 'Other',
      pollingDay: '2030-01-10',
      writIssued: '2029-12-01',
      advanceVotingStart: undefined,
      resultsCertified: undefined,
    };
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify({ ...workspace([]), elections: [other, election] }),
    });
    await app.call('stix:import', { content: JSON.stringify(foreignBundle()) });
    expect((await app.call<ThreatDetail>('threats:get', { id: `stix-${UUID(2)}` })).threat.electionId).toBe(
      election.id,
    );
    await app.call('stix:import', { content: JSON.stringify(foreignBundle()), electionId: 'el-other' });
    expect((await app.call<ThreatDetail>('threats:get', { id: `stix-${UUID(2)}` })).threat.electionId).toBe(
      'el-other',
    );
  });
});

describe('what is refused', () => {
  async function refused(content: string) {
    const app = await openTestApp();
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace([])) });
    const error = await errorOf(app.call('stix:import', { content, fileName: 'b.json' }));
    expect(app.db.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(0);
    return error;
  }

  it('refuses a STIX 2.0 bundle, saying where', async () => {
    const error = await refused(JSON.stringify({ ...foreignBundle(), spec_version: '2.0' }));
    expect(error.code).toBe('import-invalid');
    expect(error.problems?.[0]).toMatchObject({ where: '$.spec_version' });
    expect(error.message).toMatch(/STIX 2\.0 bundle; Threshold reads STIX 2\.1/);
  });

  it('refuses objects that are not STIX 2.1, and writes nothing (the valid incident neither)', async () => {
    const b = foreignBundle();
    delete (b.objects[1] as Record<string, unknown>).spec_version;
    const error = await refused(JSON.stringify(b));
    expect(error.problems).toEqual([
      expect.objectContaining({
        where: '$.objects[1].spec_version',
        message: expect.stringMatching(/missing/),
      }),
    ]);
  });

  it('refuses a bundle that is not one', async () => {
    expect((await refused('{"type": "bundle", "id": "bundle--x", "objects": []}')).problems?.[0]?.where).toBe(
      '$.id',
    );
    expect((await refused(JSON.stringify({ ...foreignBundle(), objects: [] }))).problems?.[0]?.where).toBe(
      '$.objects',
    );
    expect((await refused('[1, 2]')).problems?.[0]?.where).toBe('$');
    expect((await refused('{ "type": "bundle", ')).code).toBe('import-invalid');
    const badId = foreignBundle();
    (badId.objects[0] as Record<string, unknown>).id = 'note--00000002-1111-4111-8111-111111111111';
    expect((await refused(JSON.stringify(badId))).problems?.[0]).toMatchObject({ where: '$.objects[0].id' });
    const noIncident = { ...foreignBundle(), objects: foreignBundle().objects.slice(1) };
    expect((await refused(JSON.stringify(noIncident))).message).toMatch(/has no incident/);
    const badTime = foreignBundle();
    (badTime.objects[0] as Record<string, unknown>).created = '2027-05-12 10:00';
    expect((await refused(JSON.stringify(badTime))).problems?.[0]).toMatchObject({
      where: '$.objects[0].created',
    });
  });

  it('refuses a bundle with nowhere to record its incidents', async () => {
    const app = await openTestApp();
    const error = await errorOf(app.call('stix:import', { content: JSON.stringify(foreignBundle()) }));
    expect(error.message).toMatch(/no election/);
  });
});

describe('the validator itself', () => {
  it('refuses what the official schemas refuse', () => {
    const good = foreignBundle();
    expect(validateSchemas(good)).toEqual([]);
    const noName = structuredClone(good);
    delete (noName.objects[0] as Record<string, unknown>).name;
    expect(validateSchemas(noName).join('\n')).toMatch(/incident--.*name/);
    const loc = structuredClone(good);
    delete (loc.objects[3] as Record<string, unknown>).region;
    expect(validateSchemas(loc).length).toBeGreaterThan(0);
    const seconds = structuredClone(good);
    (seconds.objects[1] as Record<string, unknown>).created = '2027-05-12T10:00:00Z';
    expect(validateSchemas(seconds).length).toBeGreaterThan(0);
    const emptyList = structuredClone(good);
    (emptyList.objects[0] as Record<string, unknown>).labels = [];
    expect(validateSchemas(emptyList).length).toBeGreaterThan(0);
  });
});
