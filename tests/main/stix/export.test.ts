// STIX 2.1 export: validates against OASIS's schemas and the validator's strict best practice, kept
// UUIDv4 ids, TLP 2.0 markings, the extension, the organisation's authorship, the mapping of each part
// of a threat, and classified notes never leaving.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TLP_LEVELS } from '../../../src/shared/domain/stix';
import type { Threat } from '../../../src/shared/domain/workspace';
import { buildBundle, campaignClusters, type StixBundle } from '../../../src/main/stix/build-bundle';
import { TLP2_EXTENSION_ID, TLP2_MARKING_IDS } from '../../../src/main/stix/tlp';
import type { StixExportResult } from '../../../src/shared/domain/stix';
import { arbThreat } from '../../helpers/arbitraries';
import { openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { threat, workspace } from '../../fixtures/mini-workspace';
import { validateBundle } from './validator';

type Obj = Record<string, unknown> & { type: string; id: string };

async function sampleApp(): Promise<TestApp> {
  const app = await openTestApp({ clock: steppingClock('2027-05-10T12:00:00.000Z') });
  await app.call('workspace:loadSample', {});
  return app;
}

async function exportBundle(
  app: TestApp,
  req: Record<string, unknown> = {},
): Promise<{ result: StixExportResult; bundle: StixBundle & { objects: Obj[] } }> {
  const result = await app.call<StixExportResult>('stix:export', req);
  return { result, bundle: JSON.parse(result.content) as StixBundle & { objects: Obj[] } };
}

const ofType = (b: { objects: Obj[] }, type: string) => b.objects.filter((o) => o.type === type);
const byId = (b: { objects: Obj[] }, id: string) => b.objects.find((o) => o.id === id);
/** The incident of a threat (its external reference names the threat). */
const incidentOf = (b: { objects: Obj[] }, threatId: string): Obj => {
  const found = ofType(b, 'incident').find((o) =>
    (o.external_references as { source_name: string; external_id: string }[]).some(
      (r) => r.source_name === 'threshold' && r.external_id === threatId,
    ),
  );
  if (!found) throw new Error(`no incident for ${threatId}`);
  return found;
};
/** Threshold's extension properties of an object. */
const ext = (b: { objects: Obj[] }, o: Obj): Record<string, unknown> => {
  const def = ofType(b, 'extension-definition')[0]!;
  return ((o.extensions as Record<string, Record<string, unknown>> | undefined) ?? {})[def.id] ?? {};
};

describe('STIX export of the sample', () => {
  it.each(TLP_LEVELS)('validates against the official STIX 2.1 schemas under TLP:%s', async (tlp) => {
    const app = await sampleApp();
    const { result, bundle } = await exportBundle(app, { tlp });
    expect(validateBundle(bundle)).toEqual([]);
    expect(result.tlp).toBe(tlp);
    expect(result.threats).toBe(34);
    expect(result.objects).toBe(bundle.objects.length);
    expect(result.fileName).toMatch(new RegExp(`^threshold-stix-\\d{4}-\\d{2}-\\d{2}-tlp-${tlp}\\.json$`));
  });

  it('writes the official TLP 2.0 marking definition and marks every object with it', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app, { tlp: 'green' });
    expect(bundle.objects[0]).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:GREEN',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'green',
        },
      },
    });
    expect(ofType(bundle, 'marking-definition')).toHaveLength(1);
    for (const o of bundle.objects.slice(1))
      expect(o.object_marking_refs, o.id).toEqual([TLP2_MARKING_IDS.green]);
    expect(TLP2_EXTENSION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d');
  });

  it('defaults to TLP:AMBER', async () => {
    const app = await sampleApp();
    const { result, bundle } = await exportBundle(app);
    expect(result.tlp).toBe('amber');
    expect(bundle.objects[0]!.id).toBe(TLP2_MARKING_IDS.amber);
  });

  it('gives the same ids, and the same bundle, on every export', async () => {
    const app = await sampleApp();
    const first = await exportBundle(app);
    const second = await exportBundle(app);
    expect(second.result.content).toBe(first.result.content);
    expect(incidentOf(first.bundle, 'lk27-001')).toMatchObject({
      type: 'incident',
      external_references: [{ source_name: 'threshold', external_id: 'lk27-001' }],
    });
    // Random (version 4) ids, kept in the database: another database holding the same threats gives
    // other ids, and an edit keeps the incident's.
    const other = await sampleApp();
    const third = await exportBundle(other);
    expect(incidentOf(third.bundle, 'lk27-001').id).not.toBe(incidentOf(first.bundle, 'lk27-001').id);
    const kept = app.db
      .prepare("SELECT stix_id FROM stix_ids WHERE type = 'incident' AND key = 'lk27-001'")
      .pluck()
      .get();
    expect(kept).toBe(incidentOf(first.bundle, 'lk27-001').id);
    const detail = await app.call<{ threat: Threat; meta: { version: number } }>('threats:get', {
      id: 'lk27-001',
    });
    await app.call('threats:update', {
      threat: { ...detail.threat, title: `${detail.threat.title} (edited)` },
      expectedVersion: detail.meta.version,
    });
    const afterEdit = await exportBundle(app);
    expect(incidentOf(afterEdit.bundle, 'lk27-001')).toMatchObject({
      id: incidentOf(first.bundle, 'lk27-001').id,
      name: expect.stringContaining('(edited)'),
    });
    expect(afterEdit.bundle.id).not.toBe(first.bundle.id);
    for (const o of [afterEdit.bundle, ...afterEdit.bundle.objects])
      expect(o.id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(validateBundle(afterEdit.bundle)).toEqual([]);
  });

  it('keeps the ids it gives in the transaction of the export, audited', async () => {
    const app = await sampleApp();
    const before = app.db.prepare('SELECT count(*) FROM stix_ids').pluck().get() as number;
    expect(before).toBe(0);
    const { bundle } = await exportBundle(app, { tlp: 'green' });
    const rows = app.db.prepare('SELECT count(*) FROM stix_ids').pluck().get() as number;
    // Every id in the bundle but the official TLP marking's is kept (the bundle's own too), beside the
    // rows that date the versions of the organisation's identity and of the extension's schema.
    const kept = app.db
      .prepare("SELECT stix_id FROM stix_ids WHERE type NOT LIKE '%-version'")
      .pluck()
      .all() as string[];
    expect(rows).toBe(kept.length + 2);
    expect(new Set(kept)).toEqual(
      new Set([bundle.id, ...bundle.objects.filter((o) => o.type !== 'marking-definition').map((o) => o.id)]),
    );
    expect(app.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'stix.exported',
      details: expect.objectContaining({ bundle: bundle.id, newIds: rows }),
    });
    // A second export gives no new id.
    await exportBundle(app, { tlp: 'green' });
    expect(app.db.prepare('SELECT count(*) FROM stix_ids').pluck().get()).toBe(rows);
    expect(app.ctx.audit.list({ limit: 1 })[0]).toMatchObject({
      details: expect.objectContaining({ newIds: 0 }),
    });
  });

  it("writes every object as the organisation's, with Threshold's properties in an extension it defines", async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app);
    const org = bundle.objects[1]!;
    expect(org).toMatchObject({
      type: 'identity',
      identity_class: 'organization',
      name: 'Elections Lakeshore',
      created_by_ref: org.id,
    });
    for (const o of bundle.objects.slice(1)) expect(o.created_by_ref, o.id).toBe(org.id);
    const [def, ...more] = ofType(bundle, 'extension-definition');
    expect(more).toEqual([]);
    expect(def).toMatchObject({
      created_by_ref: org.id,
      version: '1.0.0',
      extension_types: ['property-extension'],
      schema: expect.stringContaining('"$schema":"https://json-schema.org/draft/2020-12/schema"'),
    });
    expect(JSON.stringify(bundle)).not.toMatch(/"x_/);
    expect(ext(bundle, incidentOf(bundle, 'lk27-004'))).toMatchObject({
      extension_type: 'property-extension',
      purpose: expect.any(String),
      breakout: expect.any(Number),
      election_id: 'lakeshore-2027',
    });
  });

  it('writes each election as a report of its incidents, carrying the election', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app);
    const reports = ofType(bundle, 'report');
    expect(reports.map((r) => ext(bundle, r).election)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'lakeshore-2027', polling_day: '2027-05-17' }),
        expect.objectContaining({ id: 'harrowgate-ward4-2027' }),
      ]),
    );
    const lakeshore = reports.find(
      (r) => (ext(bundle, r).election as { id: string }).id === 'lakeshore-2027',
    )!;
    const members = ofType(bundle, 'incident').filter((i) => ext(bundle, i).election_id === 'lakeshore-2027');
    expect([...(lakeshore.object_refs as string[])].sort()).toEqual(members.map((m) => m.id).sort());
  });

  it('maps a threat to an incident with its notes, places, actor, opinion and DISARM techniques', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app);
    const inc = incidentOf(bundle, 'lk27-004');
    expect(ext(bundle, inc)).toMatchObject({ purpose: expect.any(String), breakout: expect.any(Number) });
    const rels = ofType(bundle, 'relationship').filter((r) => r.source_ref === inc.id);

    // Every link from an incident is related-to (STIX 2.1 suggests none from an incident), saying what it means.
    expect(new Set(rels.map((r) => r.relationship_type))).toEqual(new Set(['related-to']));
    const saying = (words: string) => rels.filter((r) => String(r.description).startsWith(words));

    // Actor: a foreign state becomes a threat-actor of type nation-state, with the attribution confidence.
    const attributed = saying('Attributed to').map((r) => ({
      rel: r,
      target: byId(bundle, String(r.target_ref))!,
    }));
    const actor = attributed.find((a) => a.target.type === 'threat-actor')!;
    expect(actor.target).toMatchObject({ name: 'Republic of Varnia', threat_actor_types: ['nation-state'] });
    expect(actor.rel.confidence).toEqual(expect.any(Number));

    // Places: without a country or a region, no location (the extension keeps the places).
    expect(saying('Targets')).toEqual([]);
    expect(ext(bundle, inc).regions).toEqual(expect.arrayContaining([expect.any(String)]));

    // DISARM techniques: attack-patterns with an external reference.
    const used = saying('Uses the technique').map((r) => byId(bundle, String(r.target_ref))!);
    expect(
      used.map((u) => (u.external_references as { source_name: string; external_id: string }[])[0]),
    ).toEqual(
      expect.arrayContaining([
        { source_name: 'DISARM', external_id: 'T0089' },
        { source_name: 'DISARM', external_id: 'T0115' },
      ]),
    );

    // Claims and facts: notes pointing at the incident, in English and French.
    const notes = ofType(bundle, 'note').filter((n) => (n.object_refs as string[]).includes(inc.id));
    expect(notes.map((n) => `${String(ext(bundle, n).note_kind)}:${String(n.lang ?? '')}`).sort()).toEqual(
      expect.arrayContaining(['facts:', 'false-claim:', 'facts:fr']),
    );

    // A domestic source is an identity, not a threat-actor.
    const domestic = incidentOf(bundle, 'lk27-003');
    const domesticActor = ofType(bundle, 'relationship')
      .filter((r) => r.source_ref === domestic.id && String(r.description).startsWith('Attributed to'))
      .map((r) => byId(bundle, String(r.target_ref))!);
    expect(domesticActor).toEqual([expect.objectContaining({ type: 'identity', identity_class: 'unknown' })]);
    expect(ext(bundle, domesticActor[0]!).actor).toBe('domestic');
  });

  it('writes the current level as an opinion, explained', async () => {
    const app = await sampleApp();
    const levels = app.db.prepare('SELECT id, level FROM threats WHERE level IS NOT NULL').all() as {
      id: string;
      level: string;
    }[];
    expect(levels.length).toBeGreaterThan(0);
    const { bundle } = await exportBundle(app);
    const expected = {
      monitor: 'neutral',
      'engage-privately': 'agree',
      'speak-publicly': 'strongly-agree',
    } as Record<string, string>;
    for (const { id, level } of levels) {
      const opinion = ofType(bundle, 'opinion').find(
        (o) => (o.object_refs as string[])[0] === incidentOf(bundle, id).id,
      )!;
      expect(opinion, id).toMatchObject({ opinion: expected[level] });
      expect(ext(bundle, opinion).level).toBe(level);
      expect(String(opinion.explanation)).toContain(level.replace('-', ' '));
    }
  });

  it('groups related threats sharing an actor into a campaign', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app);
    const campaign = ofType(bundle, 'campaign').find((c) =>
      String(c.name).startsWith('Northern Lights Media Group'),
    )!;
    expect(campaign).toBeDefined();
    expect([...(ext(bundle, campaign).threat_ids as string[])].sort()).toEqual([
      'lk27-006',
      'lk27-007',
      'lk27-008',
      'lk27-009',
      'lk27-010',
      'lk27-011',
    ]);
    const members = ofType(bundle, 'relationship').filter(
      (r) => r.target_ref === campaign.id && r.relationship_type === 'related-to',
    );
    expect(members.map((r) => r.source_ref).sort()).toEqual(
      ['lk27-006', 'lk27-007', 'lk27-008', 'lk27-009', 'lk27-010', 'lk27-011']
        .map((id) => incidentOf(bundle, id).id)
        .sort(),
    );
    // A campaign is attributed to its threat actor: a relationship the specification suggests.
    const toActor = ofType(bundle, 'relationship').find((r) => r.source_ref === campaign.id)!;
    expect(toActor.relationship_type).toBe('attributed-to');
    expect(byId(bundle, String(toActor.target_ref))).toMatchObject({
      type: 'threat-actor',
      name: 'Northern Lights Media Group',
    });
  });

  it('exports a selection, or the threats matching a log filter', async () => {
    const app = await sampleApp();
    const selection = await exportBundle(app, { ids: ['lk27-001', 'lk27-002'] });
    expect(
      ofType(selection.bundle, 'incident')
        .map((o) => o.id)
        .sort(),
    ).toEqual(
      [incidentOf(selection.bundle, 'lk27-001').id, incidentOf(selection.bundle, 'lk27-002').id].sort(),
    );
    expect(validateBundle(selection.bundle)).toEqual([]);
    const filtered = await exportBundle(app, {
      filter: { purpose: ['polarize'] },
      electionId: 'lakeshore-2027',
    });
    const expected = app.db
      .prepare(
        "SELECT count(*) FROM threats WHERE purpose = 'polarize' AND election_id = 'lakeshore-2027' " +
          'AND deleted_at IS NULL',
      )
      .pluck()
      .get() as number;
    expect(filtered.result.threats).toBe(expected);
    expect(
      ofType(filtered.bundle, 'incident').every((i) => ext(filtered.bundle, i).purpose === 'polarize'),
    ).toBe(true);
    expect(validateBundle(filtered.bundle)).toEqual([]);
  });

  it('writes places as locations with a country or a region-ov region, the place as administrative_area', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app, { country: 'ca' });
    const locations = ofType(bundle, 'location');
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l).toMatchObject({ country: 'CA', administrative_area: l.name });
    expect(locations.some((l) => 'region' in l)).toBe(false);
    expect(validateBundle(bundle)).toEqual([]);

    const both = await exportBundle(app, { country: 'CA', region: 'northern-america' });
    for (const l of ofType(both.bundle, 'location'))
      expect(l).toMatchObject({ country: 'CA', region: 'northern-america', administrative_area: l.name });
    expect(validateBundle(both.bundle)).toEqual([]);

    const regionOnly = await exportBundle(app, { region: 'northern-america' });
    const inc = incidentOf(regionOnly.bundle, 'lk27-004');
    const places = ofType(regionOnly.bundle, 'relationship')
      .filter((r) => r.source_ref === inc.id && String(r.description).startsWith('Targets'))
      .map((r) => byId(regionOnly.bundle, String(r.target_ref))!);
    expect(places.map((p) => p.administrative_area).sort()).toEqual(
      [...(ext(regionOnly.bundle, inc).regions as string[])].sort(),
    );
    for (const l of places) expect(l).toMatchObject({ region: 'northern-america' });
    expect(validateBundle(regionOnly.bundle)).toEqual([]);

    // A region outside the vocabulary is refused.
    await expect(app.call('stix:export', { region: 'Capital Region' })).rejects.toThrow(/region/);
  });

  it('is audited', async () => {
    const app = await sampleApp();
    await exportBundle(app, { tlp: 'red' });
    const entry = app.ctx.audit.list({ limit: 1 })[0]!;
    expect(entry).toMatchObject({
      action: 'stix.exported',
      details: expect.objectContaining({ tlp: 'red', threats: 34 }),
    });
  });
});

describe('what never leaves', () => {
  const MARKER = 'ZEBRA-7731-CLASSIFIED';

  it('never exports a classified note', async () => {
    const app = await openTestApp();
    await app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(
        workspace([
          threat('T-1', {
            classifiedNotes: [
              { classification: 'SECRET', text: `Source report ${MARKER} names the operator.` },
            ],
          }),
          threat('T-2', {
            classifiedNotes: [{ classification: 'PROTECTED', text: `Second ${MARKER}` }],
            relatedIds: ['T-1'],
            source: { actor: 'foreign-state', name: 'Varnia', confidence: 'high' },
          }),
        ]),
      ),
    });
    // The notes are in the database…
    expect(JSON.stringify(await app.call('threats:get', { id: 'T-1' }))).toContain(MARKER);
    for (const tlp of TLP_LEVELS) {
      const { result, bundle } = await exportBundle(app, { tlp });
      // …and never in any bundle.
      expect(result.content).not.toContain(MARKER);
      expect(result.content).not.toMatch(/classified/i);
      expect(validateBundle(bundle)).toEqual([]);
    }
  });

  it('drops classified notes even when a caller hands them to the builder (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbThreat(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...TLP_LEVELS),
        (threats, tlp) => {
          const input = threats.map((t, i) => ({
            threat: {
              ...t,
              classifiedNotes: [{ classification: 'SECRET' as const, text: `${MARKER}-${i}` }],
            } as Threat,
            createdAt: '2027-01-01T00:00:00.000Z',
            updatedAt: '2027-01-02T00:00:00.000Z',
            level: null,
            score: null,
          }));
          const bundle = buildBundle(input, { tlp });
          expect(JSON.stringify(bundle)).not.toContain(MARKER);
          expect(validateBundle(bundle)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not state a low-confidence attribution in a public (TLP:CLEAR) bundle', () => {
    const t = threat('T-9', {
      source: { actor: 'foreign-state', name: 'Republic of Nowhere', confidence: 'low' },
    });
    const row = {
      threat: t,
      createdAt: '2027-05-01T00:00:00.000Z',
      updatedAt: '2027-05-01T00:00:00.000Z',
      level: null,
      score: null,
    };
    const publicBundle = buildBundle([row], { tlp: 'clear' });
    expect(validateBundle(publicBundle)).toEqual([]);
    // (The extension's definition lists every actor kind in its schema: what matters is the objects.)
    const shared = JSON.stringify(publicBundle.objects.filter((o) => o.type !== 'extension-definition'));
    expect(shared).not.toContain('Republic of Nowhere');
    expect(shared).not.toContain('foreign-state');
    expect(shared).toContain('"attribution_withheld":true');
    // Shared with partners under TLP:AMBER, it is stated with its confidence.
    const amber = buildBundle([row], { tlp: 'amber' });
    expect(amber.objects.find((o) => o.type === 'threat-actor')).toMatchObject({
      name: 'Republic of Nowhere',
    });
    expect(
      amber.objects.find(
        (o) => o.type === 'relationship' && String(o.description).startsWith('Attributed to'),
      ),
    ).toMatchObject({ confidence: 15 });
  });
});

describe('campaign clusters', () => {
  it('joins related threats only when they share the actor', () => {
    const a = threat('A', {
      relatedIds: ['B', 'C'],
      source: { actor: 'foreign-proxy', name: 'Network X', confidence: 'moderate' },
    });
    const b = threat('B', {
      relatedIds: ['A'],
      source: { actor: 'foreign-proxy', name: 'network x ', confidence: 'high' },
    });
    const c = threat('C', {
      relatedIds: ['A'],
      source: { actor: 'foreign-proxy', name: 'Someone else', confidence: 'high' },
    });
    const d = threat('D', { source: { actor: 'foreign-proxy', name: 'Network X', confidence: 'high' } });
    expect(campaignClusters([a, b, c, d]).map((g) => g.map((t) => t.id))).toEqual([['A', 'B']]);
  });
});
