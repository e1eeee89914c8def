// Sharing the log as STIX 2.1, the format threat-intelligence platforms (MISP, OpenCTI) read.
import { z } from 'zod';
import { ThreatFilterSchema } from './threat-log';
import type { ExportResult } from './transfer';
import { ElectionSchema, LIMITS } from './workspace';

/** Traffic Light Protocol 2.0 levels offered on export (TLP:AMBER+STRICT is read on import). */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** A government team sharing with partners: limited disclosure to their organisations by default. */
export const DEFAULT_TLP: TlpLevel = 'amber';

/** STIX 2.1's region-ov vocabulary (specification §10.25): the regions a location may name. */
export const REGION_OV = [
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
] as const;

/** The problem of an import refused because the bundle does not say its election, and the workspace has
 *  none to put it under: the CLI and the import dialog then offer to name one. */
export const NO_ELECTION_PROBLEM = 'which election do these incidents belong to?';

/** A new election named on import, for a bundle's incidents (what the election form requires). */
export const NewElectionSchema = z.strictObject({
  id: ElectionSchema.shape.id,
  name: ElectionSchema.shape.name,
  jurisdiction: ElectionSchema.shape.jurisdiction,
  pollingDay: ElectionSchema.shape.pollingDay,
});
export type NewElection = z.infer<typeof NewElectionSchema>;

export const StixExportRequestSchema = z.strictObject({
  tlp: z.enum(TLP_LEVELS).default(DEFAULT_TLP),
  electionId: z.string().max(LIMITS.id).optional(),
  /** A selection; otherwise the threats matching `filter` (or the whole log). */
  ids: z.array(z.string().min(1).max(LIMITS.id)).max(100_000).optional(),
  filter: ThreatFilterSchema.optional(),
  /** ISO 3166-1 alpha-2 country of the regions, e.g. "CA"; without it, regions are written as free-text regions. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1), e.g. CA')
    .optional(),
  /** A region of STIX's region-ov vocabulary for the places (e.g. northern-america). */
  region: z.enum(REGION_OV).optional(),
});
export type StixExportRequest = z.input<typeof StixExportRequestSchema>;

export interface StixExportResult extends ExportResult {
  tlp: TlpLevel;
  /** Number of STIX objects in the bundle. */
  objects: number;
}
