// STIX 2.1 export: validates against OASIS's schemas, deterministic ids, TLP 2.0 markings,
// the mapping of each part of a threat, and classified notes never leaving.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TLP_LEVELS } from '../../../src/shared/domain/stix';
import type { Threat } from '../../../src/shared/domain/workspace';
import {
  buildBundle,
  campaignClusters,
  incidentId,
  type StixBundle,
} from '../../../src/main/stix/build-bundle';
import { TLP2_EXTENSION_ID, TLP2_MARKING_IDS } from '../../../src/main/stix/tlp';
import { uuidv5 } from '../../../src/main/stix/uuid';
import type { StixExportResult } from '../../../src/shared/domain/stix';
import { arbThreat } from '../../helpers/arbitraries';
import { openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { threat, workspace } from '../../fixtures/mini-workspace';
import { validateBundle } from './validator';

type Obj = Record<string, unknown> & { type: string; id: string };

async function sampleApp(): Promise<TestApp> {
  const app = openTestApp({ clock: steppingClock('2027-05-10T12:00:00.000Z') });
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

describe('uuidv5', () => {
  it('matches the RFC test vector', () => {
    // RFC 9562 / Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

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
    // Another database holding the same threats gives the same object ids.
    const other = await sampleApp();
    const third = await exportBundle(other);
    expect(third.bundle.objects.map((o) => o.id).sort()).toEqual(
      first.bundle.objects.map((o) => o.id).sort(),
    );
    expect(byId(first.bundle, incidentId('lk27-001'))).toMatchObject({
      type: 'incident',
      external_references: [{ source_name: 'threshold', external_id: 'lk27-001' }],
    });
    expect(incidentId('lk27-001')).toBe(`incident--${uuidv5('incident:lk27-001')}`);
  });

  it('maps a threat to an incident with its notes, places, actor, opinion and DISARM techniques', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app);
    const inc = byId(bundle, incidentId('lk27-004'))!;
    expect(inc).toMatchObject({
      type: 'incident',
      x_threshold_purpose: expect.any(String),
      x_threshold_breakout: expect.any(Number),
    });
    const rels = ofType(bundle, 'relationship').filter((r) => r.source_ref === inc.id);

    // Actor: a foreign state becomes a threat-actor of type nation-state, with the attribution confidence.
    const attributed = rels
      .filter((r) => r.relationship_type === 'attributed-to')
      .map((r) => ({ rel: r, target: byId(bundle, String(r.target_ref))! }));
    const actor = attributed.find((a) => a.target.type === 'threat-actor')!;
    expect(actor.target).toMatchObject({ name: 'Republic of Varnia', threat_actor_types: ['nation-state'] });
    expect(actor.rel.confidence).toEqual(expect.any(Number));

    // Places: one location per region, targeted by the incident.
    const targets = rels
      .filter((r) => r.relationship_type === 'targets')
      .map((r) => byId(bundle, String(r.target_ref))!);
    expect(targets.length).toBeGreaterThan(0);
    for (const loc of targets)
      expect(loc).toMatchObject({
        type: 'location',
        administrative_area: expect.any(String),
        region: loc.name,
      });

    // DISARM techniques: attack-patterns with an external reference.
    const used = rels
      .filter((r) => r.relationship_type === 'uses')
      .map((r) => byId(bundle, String(r.target_ref))!);
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
    expect(notes.map((n) => `${String(n.x_threshold_note_kind)}:${String(n.lang ?? '')}`).sort()).toEqual(
      expect.arrayContaining(['facts:', 'false-claim:', 'facts:fr']),
    );

    // A domestic source is an identity, not a threat-actor.
    const domestic = byId(bundle, incidentId('lk27-003'))!;
    const domesticActor = ofType(bundle, 'relationship')
      .filter((r) => r.source_ref === domestic.id && r.relationship_type === 'attributed-to')
      .map((r) => byId(bundle, String(r.target_ref))!);
    expect(domesticActor).toEqual([
      expect.objectContaining({ type: 'identity', identity_class: 'unknown', x_threshold_actor: 'domestic' }),
    ]);
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
        (o) => (o.object_refs as string[])[0] === incidentId(id),
      )!;
      expect(opinion, id).toMatchObject({ opinion: expected[level], x_threshold_level: level });
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
    expect([...(campaign.x_threshold_threat_ids as string[])].sort()).toEqual([
      'lk27-006',
      'lk27-007',
      'lk27-008',
      'lk27-009',
      'lk27-010',
      'lk27-011',
    ]);
    const members = ofType(bundle, 'relationship').filter(
      (r) => r.target_ref === campaign.id && r.relationship_type === 'attributed-to',
    );
    expect(members.map((r) => r.source_ref).sort()).toEqual(
      ['lk27-006', 'lk27-007', 'lk27-008', 'lk27-009', 'lk27-010', 'lk27-011'].map(incidentId).sort(),
    );
    const toActor = ofType(bundle, 'relationship').find((r) => r.source_ref === campaign.id)!;
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
    ).toEqual([incidentId('lk27-001'), incidentId('lk27-002')].sort());
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
    expect(ofType(filtered.bundle, 'incident').every((i) => i.x_threshold_purpose === 'polarize')).toBe(true);
  });

  it('writes regions with a country when one is given', async () => {
    const app = await sampleApp();
    const { bundle } = await exportBundle(app, { country: 'ca' });
    const locations = ofType(bundle, 'location');
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l).toMatchObject({ country: 'CA', administrative_area: l.name });
    expect(locations.some((l) => 'region' in l)).toBe(false);
    expect(validateBundle(bundle)).toEqual([]);
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
    const app = openTestApp();
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
    const shared = JSON.stringify(buildBundle([row], { tlp: 'clear' }));
    expect(shared).not.toContain('Republic of Nowhere');
    expect(shared).not.toContain('foreign-state');
    expect(shared).toContain('"x_threshold_attribution_withheld":true');
    // Shared with partners under TLP:AMBER, it is stated with its confidence.
    const amber = buildBundle([row], { tlp: 'amber' });
    expect(amber.objects.find((o) => o.type === 'threat-actor')).toMatchObject({
      name: 'Republic of Nowhere',
    });
    expect(
      amber.objects.find((o) => o.type === 'relationship' && o.relationship_type === 'attributed-to'),
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
