// The rules OASIS's STIX validator (stix2-validator 3.2.1, stix2validator/v21/shoulds.py and musts.py)
// applies beyond the JSON schemas, those that can apply to what Threshold writes: in --strict mode every
// "should" is an error. The lists below are the specification's (STIX 2.1 OS, sections 3–10), as the
// validator's enums.py holds them. Plus three checks of our own that follow from the specification:
// every reference resolves inside the bundle, every extension is defined in it, and every extension's
// properties validate against the JSON Schema its definition carries.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Obj = Record<string, unknown> & { type: string; id: string };

const COMMON = [
  'type',
  'spec_version',
  'id',
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
];

/** The properties the specification defines, by type (anything else is custom: extensions-use). */
export const SPEC_PROPERTIES: Record<string, readonly string[]> = {
  incident: [...COMMON, 'name', 'description'],
  report: [...COMMON, 'name', 'description', 'report_types', 'published', 'object_refs'],
  campaign: [...COMMON, 'name', 'description', 'aliases', 'first_seen', 'last_seen', 'objective'],
  'threat-actor': [
    ...COMMON,
    'first_seen',
    'last_seen',
    'name',
    'description',
    'threat_actor_types',
    'aliases',
    'roles',
    'goals',
    'sophistication',
    'resource_level',
    'primary_motivation',
    'secondary_motivations',
    'personal_motivations',
  ],
  identity: [...COMMON, 'name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information'],
  location: [
    ...COMMON,
    'name',
    'description',
    'latitude',
    'longitude',
    'precision',
    'region',
    'country',
    'administrative_area',
    'city',
    'street_address',
    'postal_code',
  ],
  'attack-pattern': [...COMMON, 'name', 'description', 'kill_chain_phases', 'aliases'],
  note: [...COMMON, 'abstract', 'content', 'authors', 'object_refs'],
  opinion: [...COMMON, 'explanation', 'authors', 'object_refs', 'opinion'],
  relationship: [
    ...COMMON,
    'relationship_type',
    'description',
    'source_ref',
    'target_ref',
    'start_time',
    'stop_time',
  ],
  'marking-definition': [
    'type',
    'spec_version',
    'id',
    'created_by_ref',
    'created',
    'lang',
    'external_references',
    'object_marking_refs',
    'granular_markings',
    'extensions',
    'name',
    'definition_type',
    'definition',
  ],
  'extension-definition': [
    'type',
    'name',
    'version',
    'spec_version',
    'description',
    'created_by_ref',
    'revoked',
    'id',
    'extension_properties',
    'created',
    'extension_types',
    'schema',
    'granular_markings',
    'object_marking_refs',
    'external_references',
    'labels',
    'modified',
  ],
};

/** Open vocabularies (section 10), by the object property that should use them. */
export const VOCABULARIES: Record<string, Record<string, readonly string[]>> = {
  identity: {
    identity_class: ['class', 'group', 'individual', 'organization', 'system', 'unknown'],
    sectors: [
      'aerospace',
      'agriculture',
      'automotive',
      'chemical',
      'commercial',
      'communications',
      'construction',
      'dams',
      'defense',
      'education',
      'emergency-services',
      'energy',
      'entertainment',
      'financial-services',
      'government',
      'government-local',
      'government-national',
      'government-public-services',
      'government-regional',
      'healthcare',
      'hospitality-leisure',
      'infrastructure',
      'insurance',
      'manufacturing',
      'mining',
      'non-profit',
      'nuclear',
      'pharmaceuticals',
      'retail',
      'technology',
      'telecommunications',
      'transportation',
      'utilities',
      'water',
    ],
  },
  'threat-actor': {
    threat_actor_types: [
      'activist',
      'competitor',
      'crime-syndicate',
      'criminal',
      'hacker',
      'insider-accidental',
      'insider-disgruntled',
      'nation-state',
      'sensationalist',
      'spy',
      'terrorist',
      'unknown',
    ],
    roles: [
      'agent',
      'director',
      'independent',
      'infrastructure-architect',
      'infrastructure-operator',
      'malware-author',
      'sponsor',
    ],
  },
  report: {
    report_types: [
      'attack-pattern',
      'campaign',
      'identity',
      'indicator',
      'intrusion-set',
      'malware',
      'observed-data',
      'threat-actor',
      'threat-report',
      'tool',
      'vulnerability',
    ],
  },
  location: {
    // region-ov, as the specification lists it (the OASIS JSON schema's copy joins two pairs of values
    // by a missing comma, so it is not used here).
    region: [
      'africa',
      'eastern-africa',
      'middle-africa',
      'northern-africa',
      'southern-africa',
      'western-africa',
      'americas',
      'latin-america-caribbean',
      'south-america',
      'caribbean',
      'central-america',
      'northern-america',
      'asia',
      'central-asia',
      'eastern-asia',
      'southern-asia',
      'south-eastern-asia',
      'western-asia',
      'europe',
      'eastern-europe',
      'northern-europe',
      'southern-europe',
      'western-europe',
      'oceania',
      'australia-new-zealand',
      'melanesia',
      'micronesia',
      'polynesia',
      'antarctica',
    ],
  },
};

/** Relationships every object may have (section 3.7.1). */
export const COMMON_RELATIONSHIPS = ['derived-from', 'duplicate-of', 'related-to'];

/** The relationships the specification suggests, source type → relationship → target types (SDOs). */
export const SUGGESTED_RELATIONSHIPS: Record<string, Record<string, readonly string[]>> = {
  'attack-pattern': {
    delivers: ['malware'],
    targets: ['location', 'vulnerability', 'identity'],
    uses: ['malware', 'tool'],
  },
  campaign: {
    'attributed-to': ['intrusion-set', 'threat-actor'],
    compromises: ['infrastructure'],
    'originates-from': ['location'],
    targets: ['location', 'identity', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  identity: { 'located-at': ['location'] },
  'intrusion-set': {
    'attributed-to': ['threat-actor'],
    compromises: ['infrastructure'],
    hosts: ['infrastructure'],
    'originates-from': ['location'],
    owns: ['infrastructure'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  'threat-actor': {
    'attributed-to': ['identity'],
    compromises: ['infrastructure'],
    hosts: ['infrastructure'],
    owns: ['infrastructure'],
    impersonates: ['identity'],
    'located-at': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
};

/** The official TLP 2.0 markings' extension (defined by OASIS, not shipped in bundles). */
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const OFFICIAL_TLP2 =
  /^marking-definition--(94868c89-83c2-464b-929b-a1a8aa3c8487|bab4a63c-aed9-4cf5-a766-dfca5abac2bb|55d920b0-5e8b-4f79-9ee9-91f868d9b421|939a9414-2ddd-4d32-a0cd-375ea402b003|e828b379-4e03-4974-9ac4-e53a884c97c1)$/;

const UUID4 = /--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const extensionValidators = new Map<string, ReturnType<typeof ajv.compile>>();

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What OASIS's validator in --strict mode, and the three checks above, find wrong (none: accepted). */
export function bestPracticeProblems(data: unknown): string[] {
  const bundle = data as { id: string; objects: Obj[] };
  const problems: string[] = [];
  const byId = new Map(bundle.objects.map((o) => [o.id, o]));
  if (!UUID4.test(bundle.id)) problems.push(`${bundle.id}: not a UUIDv4 id (uuid-check)`);
  const seen = new Map<string, unknown>();

  for (const o of bundle.objects) {
    const where = o.id;
    // uuid-check: SDOs, SROs, meta objects and bundles use UUIDv4.
    if (!UUID4.test(o.id)) problems.push(`${where}: not a UUIDv4 id (uuid-check)`);
    // duplicate-ids: one id twice only as two versions.
    if (seen.has(o.id) && seen.get(o.id) === o.modified)
      problems.push(`${where}: repeated with the same modified (duplicate-ids)`);
    seen.set(o.id, o.modified);
    // extensions-use: no custom (x_ or any other) top-level property.
    const known = SPEC_PROPERTIES[o.type];
    if (!known) problems.push(`${where}: type ${o.type} is not one this check knows`);
    for (const key of Object.keys(o)) {
      if (key.startsWith('x_')) problems.push(`${where}: custom property ${key} (extensions-use)`);
      else if (known && !known.includes(key))
        problems.push(`${where}: property ${key} is not the specification's (extensions-use)`);
    }
    // open-vocab-format and the vocabularies (all-vocabs).
    for (const [prop, vocab] of Object.entries(VOCABULARIES[o.type] ?? {})) {
      const v = o[prop];
      if (v === undefined) continue;
      for (const value of Array.isArray(v) ? v : [v]) {
        if (typeof value !== 'string' || value !== value.toLowerCase() || /[ _]/.test(value))
          problems.push(`${where}: ${prop} value ${JSON.stringify(value)} (open-vocab-format)`);
        else if (!vocab.includes(value))
          problems.push(`${where}: ${prop} value ${value} is not in the vocabulary (${prop})`);
      }
    }
    // relationship-types: a common relationship, or a pair the specification suggests.
    if (o.type === 'relationship') {
      const type = String(o.relationship_type);
      const source = String(o.source_ref).split('--')[0]!;
      const target = String(o.target_ref).split('--')[0]!;
      if (!COMMON_RELATIONSHIPS.includes(type) && !SUGGESTED_RELATIONSHIPS[source]?.[type]?.includes(target))
        problems.push(
          `${where}: ${source} ${type} ${target} is not a suggested relationship (relationship-types)`,
        );
    }
    // musts: modified is not before created.
    if (typeof o.created === 'string' && typeof o.modified === 'string' && o.modified < o.created)
      problems.push(`${where}: modified is before created (timestamp_compare)`);
    // extension-description.
    if (o.type === 'extension-definition' && !o.description)
      problems.push(`${where}: an extension-definition should have a description (extension-description)`);

    // Ours: references resolve inside the bundle.
    const refs = [
      ...['created_by_ref', 'source_ref', 'target_ref'].map((k) => o[k]),
      ...['object_refs', 'object_marking_refs'].flatMap((k) => (Array.isArray(o[k]) ? o[k] : [])),
    ].filter((r): r is string => typeof r === 'string');
    for (const ref of refs)
      if (!byId.has(ref)) problems.push(`${where}: refers to ${ref}, which is not in the bundle`);
    // Ours: authorship on every object but the official TLP marking definition.
    if (!OFFICIAL_TLP2.test(o.id) && typeof o.created_by_ref !== 'string')
      problems.push(`${where}: no created_by_ref`);
    // Ours: each extension is defined in the bundle, and its properties follow the definition's schema.
    for (const [key, ext] of Object.entries(isObject(o.extensions) ? o.extensions : {})) {
      if (key === TLP2_EXTENSION && o.type === 'marking-definition') continue;
      const def = byId.get(key);
      if (!def || def.type !== 'extension-definition') {
        problems.push(`${where}: extension ${key} is not defined in the bundle`);
        continue;
      }
      let check = extensionValidators.get(`${key}@${String(def.modified)}`);
      if (!check) {
        check = ajv.compile(JSON.parse(String(def.schema)) as object);
        extensionValidators.set(`${key}@${String(def.modified)}`, check);
      }
      if (!check(ext)) problems.push(`${where}: extension ${key}: ${ajv.errorsText(check.errors)}`);
      if (
        !(def.extension_types as string[]).includes(
          String((ext as { extension_type?: string }).extension_type),
        )
      )
        problems.push(`${where}: extension ${key} is of a type its definition does not list`);
    }
  }
  return problems;
}
