// Threshold's STIX 2.1 extension: what a bundle says that STIX has no property for (a threat's purpose,
// Breakout category, level, the election…) travels in one property-extension, defined by an
// extension-definition object shipped in every bundle, never as top-level `x_` properties (OASIS's
// validator refuses those in strict mode). Its JSON Schema, written out below, is the definition's
// `schema`: a partner can check any object's extension against it.
import { THREAT_FIELDS, type ThreatField } from '../../shared/domain/threat-fields';
import * as enums from '../../shared/domain/enums';

/** The key of the definition in the id store (one definition per organisation: it is theirs, by created_by_ref). */
export const EXTENSION_KEY = 'threshold-properties';
export const EXTENSION_VERSION = '1.0.0';
export const EXTENSION_NAME = 'Threshold election-interference properties';

/** Incident properties of the extension: every field of the field table that is not a STIX property of its own. */
export const INCIDENT_EXTENSION_FIELDS: readonly ThreatField[] = THREAT_FIELDS.filter(
  (f) => f.stix !== undefined && f.stix !== 'name' && f.stix !== 'description',
);

type JsonSchema = Record<string, unknown>;

function fieldSchema(f: ThreatField): JsonSchema {
  switch (f.kind) {
    case 'text':
      return { type: 'string' };
    case 'enum':
      return { type: 'string', enum: [...(f.values ?? [])] };
    case 'int':
      return { type: 'integer' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'list':
      return { type: 'array', items: { type: 'string' }, minItems: 1 };
    case 'json':
    case 'flags':
      return { type: 'object' };
  }
}

const DATE = { type: 'string', format: 'date' };

/** The extension's JSON Schema (draft 2020-12): the properties allowed on each kind of object. */
export function extensionSchema(): JsonSchema {
  const incident = Object.fromEntries(
    INCIDENT_EXTENSION_FIELDS.map((f) => [f.stix ?? f.path, fieldSchema(f)]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: EXTENSION_NAME,
    description:
      'Properties Threshold adds to STIX 2.1 objects, in a property-extension. Incidents: the fields of a ' +
      'threat (purpose, type, target, dates, places, attribution, reach, status, DISARM techniques…). ' +
      'Notes: which part of a threat they carry. Opinions: the intervention level and score. Campaigns: the ' +
      'threats they group. Threat actors and identities: the kind of source. Reports: the election.',
    type: 'object',
    required: ['extension_type'],
    additionalProperties: false,
    properties: {
      extension_type: { const: 'property-extension' },
      ...incident,
      attribution_withheld: {
        type: 'boolean',
        description: 'A public (TLP:CLEAR) bundle does not state a low-confidence attribution.',
      },
      note_kind: { type: 'string', enum: ['false-claim', 'facts'] },
      facts: { type: 'array', items: { type: 'string' }, minItems: 1 },
      level: { type: 'string', enum: [...enums.LEVELS] },
      score: { type: 'number', minimum: 0, maximum: 100 },
      threat_ids: { type: 'array', items: { type: 'string' }, minItems: 1 },
      election: {
        type: 'object',
        required: ['id', 'name', 'jurisdiction', 'polling_day'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          jurisdiction: { type: 'string' },
          writ_issued: DATE,
          advance_voting_start: DATE,
          polling_day: DATE,
          results_certified: DATE,
          languages: { type: 'array', items: { type: 'string' }, minItems: 1 },
        },
      },
    },
  };
}

/** The extension-definition object (its id, time and author are the organisation's). */
export function extensionDefinition(opts: {
  id: string;
  created: string;
  createdBy: string;
  markings: string[];
}): Record<string, unknown> & { type: string; id: string } {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: opts.id,
    created_by_ref: opts.createdBy,
    created: opts.created,
    modified: opts.created,
    name: EXTENSION_NAME,
    description:
      'What Threshold (election officials’ log of foreign interference in the information environment) ' +
      'records beyond STIX 2.1 properties. The schema property is the JSON Schema (draft 2020-12) of the ' +
      'extension’s properties on every object that carries it.',
    schema: JSON.stringify(extensionSchema()),
    version: EXTENSION_VERSION,
    extension_types: ['property-extension'],
    object_marking_refs: opts.markings,
  };
}
