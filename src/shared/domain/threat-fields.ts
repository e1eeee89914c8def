// The one list of a threat's fields. Each entry says where the value lives in the contract
// document and how every layer carries it: the column of the `threats` table (and so the SQL
// and the row mapping), the log row's property, the CSV header, the threat form's input and the
// STIX 2.1 property. Adding a field is adding an entry here (with a migration when it has a
// column); the zod schema in ./workspace mirrors the contract and a test keeps the two in step.
// Lookups by path are in ./threat-field-index, so that everything is derived from this one list.
import * as enums from './enums';

/**
 * How a value is held, which decides how each layer writes it: text and enum values as they are,
 * whole numbers, date-times (columns hold them in UTC), lists (JSON in a column or a CSV cell,
 * separated in the form), objects (JSON), and boolean flags (bits in a column).
 */
export type FieldKind = 'text' | 'enum' | 'int' | 'datetime' | 'list' | 'json' | 'flags';

export interface ThreatField {
  /** Where the value is in a contract threat, dotted (`target.kind`); also its CSV header. */
  readonly path: string;
  readonly kind: FieldKind;
  /** The allowed values of an enum. */
  readonly values?: readonly string[];
  /** The column of the `threats` table that holds it (what the log filters, sorts and scores on). */
  readonly column?: string;
  /** The log row's property (ThreatRow) that shows the column. */
  readonly row?: string;
  /** The threat form's input (a ThreatFormValues key). */
  readonly form?: string;
  /** Its STIX 2.1 property: the incident's own (`name`, `description`), or else a property of Threshold's
   *  extension on the incident (src/main/stix/extension.ts; never a top-level `x_` property). */
  readonly stix?: string;
  /** STIX export: written by the bundle mapping's own code (a standard property, a note, a withheld
   *  attribution) rather than as the plain property. */
  readonly stixWrite?: 'custom';
  /** STIX import: read by the bundle mapping's own code (defaults and fallbacks for bundles other
   *  tools made) rather than as the plain property. */
  readonly stixRead?: 'custom';
}

/** Bits of the `context` flags (the CEIPP context factors that lower the need to speak). */
export const CONTEXT_FLAGS = {
  debunkedByPartner: 1,
  investigationSensitive: 2,
  nationalSecurityImplications: 4,
} as const;
export type ContextFlag = keyof typeof CONTEXT_FLAGS;
export const CONTEXT_FLAG_NAMES = Object.keys(CONTEXT_FLAGS) as ContextFlag[];

/** In CSV order (the order of the header). */
export const THREAT_FIELDS: readonly ThreatField[] = [
  { path: 'id', kind: 'text', column: 'id', row: 'id', form: 'id', stixRead: 'custom' },
  {
    path: 'electionId',
    kind: 'text',
    column: 'election_id',
    row: 'electionId',
    form: 'electionId',
    stix: 'election_id',
    stixRead: 'custom',
  },
  {
    path: 'title',
    kind: 'text',
    column: 'title',
    row: 'title',
    form: 'title',
    stix: 'name',
    stixWrite: 'custom',
    stixRead: 'custom',
  },
  {
    path: 'summary',
    kind: 'text',
    form: 'summary',
    stix: 'description',
    stixWrite: 'custom',
    stixRead: 'custom',
  },
  {
    path: 'purpose',
    kind: 'enum',
    values: enums.PURPOSES,
    column: 'purpose',
    row: 'purpose',
    form: 'purpose',
    stix: 'purpose',
    stixRead: 'custom',
  },
  {
    path: 'type',
    kind: 'enum',
    values: enums.THREAT_TYPES,
    column: 'type',
    row: 'type',
    form: 'type',
    stix: 'threat_type',
    stixRead: 'custom',
  },
  {
    path: 'target.kind',
    kind: 'enum',
    values: enums.TARGET_KINDS,
    column: 'target_kind',
    row: 'targetKind',
    form: 'targetKind',
    stix: 'target_kind',
    stixRead: 'custom',
  },
  {
    path: 'target.description',
    kind: 'text',
    column: 'target_description',
    form: 'targetDescription',
    stix: 'target_description',
    stixRead: 'custom',
  },
  {
    path: 'time.firstSeen',
    kind: 'datetime',
    column: 'first_seen',
    row: 'firstSeen',
    form: 'firstSeen',
    stix: 'first_seen',
    stixRead: 'custom',
  },
  {
    path: 'time.lastSeen',
    kind: 'datetime',
    column: 'last_seen',
    row: 'lastSeen',
    form: 'lastSeen',
    stix: 'last_seen',
    stixRead: 'custom',
  },
  {
    path: 'place.level',
    kind: 'enum',
    values: enums.PLACE_LEVELS,
    column: 'place_level',
    row: 'placeLevel',
    form: 'placeLevel',
    stix: 'place_level',
    stixRead: 'custom',
  },
  {
    path: 'place.regions',
    kind: 'list',
    column: 'regions',
    form: 'regions',
    stix: 'regions',
    stixRead: 'custom',
  },
  {
    path: 'place.channels',
    kind: 'list',
    column: 'channels',
    form: 'channels',
    stix: 'channels',
    stixRead: 'custom',
  },
  {
    path: 'place.languages',
    kind: 'list',
    form: 'languages',
    stix: 'languages',
    stixRead: 'custom',
  },
  {
    path: 'source.actor',
    kind: 'enum',
    values: enums.ACTORS,
    column: 'actor',
    row: 'actor',
    form: 'actor',
    stix: 'actor',
    stixWrite: 'custom',
    stixRead: 'custom',
  },
  {
    path: 'source.name',
    kind: 'text',
    column: 'actor_name',
    row: 'actorName',
    form: 'sourceName',
    stix: 'actor_name',
    stixWrite: 'custom',
    stixRead: 'custom',
  },
  {
    path: 'source.confidence',
    kind: 'enum',
    values: enums.CONFIDENCES,
    column: 'confidence',
    row: 'confidence',
    form: 'confidence',
    stix: 'attribution_confidence',
    stixWrite: 'custom',
    stixRead: 'custom',
  },
  {
    path: 'reach.breakout',
    kind: 'int',
    column: 'breakout',
    row: 'breakout',
    form: 'breakout',
    stix: 'breakout',
    stixRead: 'custom',
  },
  {
    path: 'reach.estimatedAudience',
    kind: 'int',
    column: 'audience',
    row: 'audience',
    form: 'audience',
    stix: 'estimated_audience',
    stixRead: 'custom',
  },
  {
    path: 'reach.trend',
    kind: 'enum',
    values: enums.TRENDS,
    column: 'trend',
    row: 'trend',
    form: 'trend',
    stix: 'trend',
    stixRead: 'custom',
  },
  { path: 'falseClaim', kind: 'text', column: 'false_claim', form: 'falseClaim', stixRead: 'custom' },
  { path: 'facts', kind: 'list', form: 'facts', stixRead: 'custom' },
  {
    path: 'partnerActions',
    kind: 'list',
    form: 'partnerActions',
    stix: 'partner_actions',
    stixRead: 'custom',
  },
  {
    path: 'status',
    kind: 'enum',
    values: enums.STATUSES,
    column: 'status',
    row: 'status',
    form: 'status',
    stix: 'status',
    stixRead: 'custom',
  },
  {
    path: 'relatedIds',
    kind: 'list',
    form: 'relatedIds',
    stix: 'related_ids',
    stixRead: 'custom',
  },
  { path: 'translations', kind: 'json', stix: 'translations', stixRead: 'custom' },
  // Never in STIX: classified notes stay in the log.
  { path: 'classifiedNotes', kind: 'json', form: 'notes' },
  {
    path: 'context',
    kind: 'flags',
    column: 'context_flags',
    form: 'context',
    stix: 'context',
    stixRead: 'custom',
  },
  {
    path: 'disarmTechniques',
    kind: 'list',
    form: 'disarmTechniques',
    stix: 'disarm_techniques',
    stixRead: 'custom',
  },
];

// The context flags as bits, and back.

export function contextToFlags(context: Partial<Record<ContextFlag, boolean>> | undefined): number {
  let bits = 0;
  if (context) for (const name of CONTEXT_FLAG_NAMES) if (context[name]) bits |= CONTEXT_FLAGS[name];
  return bits;
}

/** Every flag named, true or false; undefined when none is set. */
export function contextFromFlags(bits: number): Record<ContextFlag, boolean> | undefined {
  if (!bits) return undefined;
  const context = {} as Record<ContextFlag, boolean>;
  for (const name of CONTEXT_FLAG_NAMES) context[name] = (bits & CONTEXT_FLAGS[name]) !== 0;
  return context;
}
