// Adding a field to a threat is one entry in the field table (and, for a column, its migration): here a
// whole number `reach.platforms` is added to the table alone, and flows through the columns and the
// log's rows, JSON import and export, CSV, STIX both ways, and the threat form's model.
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import type { ThreatField } from '../../../src/shared/domain/threat-fields';

const PLATFORMS: ThreatField = {
  path: 'reach.platforms',
  kind: 'int',
  column: 'platforms',
  row: 'platforms',
  form: 'platforms',
  stix: 'platforms',
};

vi.mock('../../../src/shared/domain/threat-fields', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/shared/domain/threat-fields')>();
  return { ...original, THREAT_FIELDS: [...original.THREAT_FIELDS, PLATFORMS] };
});

const { openTestApp } = await import('../../helpers/db');
const { threat, workspace } = await import('../../fixtures/mini-workspace');
const { parseThreatsCsv } = await import('../../../src/main/transfer/csv');
const form = await import('../../../src/renderer/screens/threat-form/form-model');
const index = await import('../../../src/shared/domain/threat-field-index');

interface Reach {
  platforms?: number;
}
const withPlatforms = (id: string, platforms: number) =>
  threat(id, { reach: { breakout: 3, platforms } as { breakout: number } });

async function appWithPlatforms() {
  const app = await openTestApp({ clock: () => new Date('2027-05-12T12:00:00Z') });
  // The migration that comes with a field that has a column.
  app.db.exec('ALTER TABLE threats ADD COLUMN platforms INTEGER');
  await app.call('workspace:import', {
    format: 'json',
    content: JSON.stringify(workspace([withPlatforms('T-1', 4)])),
  });
  return app;
}

describe('a field added to the field table', () => {
  it('is written to its column and shown in the log rows, and JSON export keeps it', async () => {
    const app = await appWithPlatforms();
    expect(app.db.prepare("SELECT platforms FROM threats WHERE id = 'T-1'").pluck().get()).toBe(4);
    const page = await app.call<{ rows: Record<string, unknown>[] }>('threats:list', {});
    expect(page.rows[0]?.platforms).toBe(4);
    const exported = await app.call<{ content: string }>('workspace:export', { format: 'json' });
    const ws = JSON.parse(exported.content) as { threats: { reach: Reach }[] };
    expect(ws.threats[0]?.reach.platforms).toBe(4);
  });

  it('has a CSV column of its own, read back on import', async () => {
    const app = await appWithPlatforms();
    const { content } = await app.call<{ content: string }>('workspace:export', { format: 'csv' });
    const [header = [], row = []] = parse(content) as string[][];
    const at = header.indexOf('reach.platforms');
    expect(at).toBeGreaterThan(-1);
    expect(row[at]).toBe('4');
    // Not carried by the catch-all `extra` column.
    expect(row[header.indexOf('extra')]).toBe('');
    const [back] = parseThreatsCsv(content);
    expect((back?.reach as Reach | undefined)?.platforms).toBe(4);
  });

  it('is a STIX property, exported and imported', async () => {
    const app = await appWithPlatforms();
    const { content } = await app.call<{ content: string }>('stix:export', { tlp: 'amber' });
    const bundle = JSON.parse(content) as { objects: Record<string, unknown>[] };
    const incident = bundle.objects.find((o) => o.type === 'incident');
    // A property of Threshold's extension on the incident (defined in the bundle, with its schema).
    const definition = bundle.objects.find((o) => o.type === 'extension-definition')!;
    const own = (incident?.extensions as Record<string, Record<string, unknown>>)[definition.id as string]!;
    expect(own.platforms).toBe(4);
    expect(JSON.parse(definition.schema as string)).toMatchObject({
      properties: { platforms: { type: 'integer' } },
    });
    own.platforms = 5;
    await app.call('stix:import', { content: JSON.stringify(bundle) });
    const detail = await app.call<{ threat: { reach: Reach } }>('threats:get', { id: 'T-1' });
    expect(detail.threat.reach.platforms).toBe(5);
    expect(app.db.prepare("SELECT platforms FROM threats WHERE id = 'T-1'").pluck().get()).toBe(5);
  });

  it("is kept by the threat form's model, which maps its problems to its input", () => {
    const t = withPlatforms('T-1', 4);
    // Editing keeps what the form does not show.
    const edited = form.fromFormValues({ ...form.toFormValues(t), title: 'Edited' }, t);
    expect((edited.reach as Reach).platforms).toBe(4);
    // The form's map from contract paths to inputs comes from the field table.
    expect(index.FORM_FIELD_OF_PATH['reach.platforms']).toBe('platforms');
  });
});
