import { z } from 'zod';
import { NewElectionSchema, StixExportRequestSchema, type StixExportResult } from '../domain/stix';
import type { ImportReport } from '../domain/transfer';
import { LIMITS } from '../domain/workspace';
import { returns } from './define';

export const stixContract = {
  /** The selection, the threats matching a log filter, or the whole log, as a STIX 2.1 bundle under a TLP 2.0 marking. */
  'stix:export': { request: StixExportRequestSchema, response: returns<StixExportResult>() },
  /** A STIX 2.1 bundle's incidents as threats (one transaction; the same ids update). `workspace:import` detects bundles too. */
  'stix:import': {
    request: z.strictObject({
      content: z.string().max(200 * 1024 * 1024),
      fileName: z.string().max(1000).optional(),
      /** Record every incident under this election (default: the bundle's, else the one whose period contains it). */
      electionId: z.string().max(LIMITS.id).optional(),
      /** A new election to create and record every incident under (a fresh workspace has none). */
      newElection: NewElectionSchema.optional(),
    }),
    response: returns<ImportReport>(),
  },
} as const;
