// Validates STIX 2.1 bundles against OASIS's official JSON schemas (vendored in
// tests/fixtures/stix2.1-schemas, draft 2020-12, cross-referenced by relative URL under their $ids).
//
// A bundle is checked three ways:
//  1. every object against the schema of its own type (sdos/incident.json, sdos/note.json, …);
//  2. the bundle against the official common/bundle.json, leaving out the objects of the STIX 2.1 SDO
//     types that file does not list (grouping, incident, location, note, opinion) and extension
//     definitions: objects of those types fall into its "custom object" branch, whose
//     `oneOf: [core, cyber-observable-core]` can never hold for an object with created and modified
//     (it matches both), so bundle.json refuses even a minimal valid location. (OASIS's own validator
//     does not check a bundle's objects with bundle.json either: it checks each against its own schema.)
//  3. the whole bundle against bundle.json with those types added to its list (built in memory;
//     the vendored files are not modified);
// and then against the best-practice rules OASIS's validator applies in --strict mode (best-practice.ts).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { REPO_ROOT } from '../../helpers/db';
import { bestPracticeProblems } from './best-practice';

export const SCHEMA_DIR = path.join(REPO_ROOT, 'tests/fixtures/stix2.1-schemas/schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.json')) yield full;
  }
}

let ajv: Ajv2020 | undefined;
/** STIX 2.1 SDO types that common/bundle.json does not list (computed from the files). */
export let UNLISTED_SDO_TYPES: string[] = [];
const COMPLETE_BUNDLE = 'common/bundle.with-every-sdo.json';
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // strict: false — the OASIS files use `definitions` and other draft-07 habits the 2020-12 meta-schema allows.
  // unicodeRegExp: false — the OASIS patterns escape '-' (\-), which the u flag refuses.
  ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats has no idn-hostname (used only by domain-name observables, which Threshold does not write).
  ajv.addFormat('idn-hostname', /^[^\s.]+(\.[^\s.]+)*$/u);
  for (const file of files(SCHEMA_DIR)) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { $id: string; $schema: string };
    if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema')
      throw new Error(`${file} is not a draft 2020-12 schema`);
    ajv.addSchema(schema);
  }
  const bundle = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'common/bundle.json'), 'utf8')) as {
    properties: { objects: { items: { anyOf: [{ oneOf: { $ref: string }[] }, unknown] } } };
  };
  const listed = bundle.properties.objects.items.anyOf[0].oneOf;
  UNLISTED_SDO_TYPES = fs
    .readdirSync(path.join(SCHEMA_DIR, 'sdos'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((type) => !listed.some((r) => r.$ref === `../sdos/${type}.json`))
    .sort();
  const complete = structuredClone(bundle) as typeof bundle & { $id: string };
  complete.$id = BASE + COMPLETE_BUNDLE;
  complete.properties.objects.items.anyOf[0].oneOf.push(
    ...UNLISTED_SDO_TYPES.map((type) => ({ $ref: `../sdos/${type}.json` })),
    { $ref: '../common/extension-definition.json' },
  );
  UNLISTED_SDO_TYPES.push('extension-definition');
  ajv.addSchema(complete);
  return ajv;
}

function validator(relative: string): ValidateFunction {
  let v = compiled.get(relative);
  if (!v) {
    v = instance().getSchema(BASE + relative);
    if (!v) throw new Error(`no schema ${relative}`);
    compiled.set(relative, v);
  }
  return v;
}

const TYPE_SCHEMA: Record<string, string> = {
  bundle: 'common/bundle.json',
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  relationship: 'sros/relationship.json',
  sighting: 'sros/sighting.json',
};

export function schemaFor(type: string): string | null {
  if (TYPE_SCHEMA[type]) return TYPE_SCHEMA[type]!;
  for (const folder of ['sdos', 'observables'])
    if (fs.existsSync(path.join(SCHEMA_DIR, folder, `${type}.json`))) return `${folder}/${type}.json`;
  return null;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** What OASIS's schemas refuse (the three checks at the top of this file): none for a schema-valid bundle. */
export function validateSchemas(bundle: unknown): string[] {
  const problems: string[] = [];
  const complete = validator(COMPLETE_BUNDLE);
  if (!complete(bundle))
    problems.push(...describe(complete.errors).map((e) => `bundle (every SDO listed): ${e}`));
  const objects = (bundle as { objects?: { type: string; id: string }[] }).objects ?? [];
  const listedOnly = {
    ...(bundle as object),
    objects: objects.filter((o) => !UNLISTED_SDO_TYPES.includes(o.type)),
  };
  const official = validator('common/bundle.json');
  if (listedOnly.objects.length && !official(listedOnly))
    problems.push(...describe(official.errors).map((e) => `bundle (official): ${e}`));
  for (const obj of objects) {
    const schema = schemaFor(obj.type);
    if (!schema) {
      problems.push(`${obj.id}: no official schema for type ${obj.type}`);
      continue;
    }
    const check = validator(schema);
    const valid: boolean = check(obj);
    if (!valid) problems.push(...describe(check.errors).map((e) => `${obj.id}: ${e}`));
  }
  return problems;
}

/** What OASIS's validator in --strict mode would refuse: the schemas, then its best-practice rules. */
export function validateBundle(bundle: unknown): string[] {
  return [...validateSchemas(bundle), ...bestPracticeProblems(bundle)];
}
