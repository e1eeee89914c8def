// The field table says every field of a threat once: it covers the contract's schema exactly, its
// columns are the threats table's, and what each layer reads from it is consistent.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ThreatSchema } from '../../src/shared/domain/workspace';
import { THREAT_FIELDS } from '../../src/shared/domain/threat-fields';
import { FORM_FIELD_OF_PATH } from '../../src/shared/domain/threat-field-index';
import { openTestApp } from '../helpers/db';

/** The schema's fields as dotted paths: top-level keys, and the keys of its nested objects. */
function schemaPaths(): string[] {
  const paths: string[] = [];
  for (const [key, schema] of Object.entries(ThreatSchema.shape)) {
    const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
    // The nested objects whose keys are fields (not records like translations, nor lists).
    if (inner instanceof z.ZodObject && key !== 'context')
      for (const sub of Object.keys(inner.shape)) paths.push(`${key}.${sub}`);
    else paths.push(key);
  }
  return paths;
}

describe('the field table', () => {
  it('names every field of the contract schema, and no other', () => {
    expect(THREAT_FIELDS.map((f) => f.path).sort()).toEqual(schemaPaths().sort());
  });

  it('names each path, column, row property, form input and STIX property once', () => {
    for (const key of ['path', 'column', 'row', 'form', 'stix'] as const) {
      const values = THREAT_FIELDS.flatMap((f) => (f[key] === undefined ? [] : [f[key]]));
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it("has columns that are the threats table's", () => {
    const app = openTestApp();
    const columns = new Set((app.db.pragma('table_info(threats)') as { name: string }[]).map((c) => c.name));
    for (const f of THREAT_FIELDS) if (f.column) expect(columns.has(f.column), f.column).toBe(true);
  });

  it('gives enums their values, and the form the inputs it maps errors to', () => {
    for (const f of THREAT_FIELDS) if (f.kind === 'enum') expect(f.values?.length, f.path).toBeGreaterThan(0);
    expect(FORM_FIELD_OF_PATH['target.kind']).toBe('targetKind');
    expect(FORM_FIELD_OF_PATH['source.name']).toBe('sourceName');
  });
});
