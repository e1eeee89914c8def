// The workspace in and out of files: the interchange JSON document, CSV of threats (and STIX bundles,
// detected on import), and the sample workspace.
import { z } from 'zod';
import type { ExportResult, ImportReport } from '../domain/transfer';
import { LIMITS } from '../domain/workspace';
import { returns } from './define';

export const workspaceContract = {
  'workspace:import': {
    request: z.strictObject({
      format: z.enum(['json', 'csv']),
      /** The file's text. 200 MB at most; larger files go through the CLI. */
      content: z.string().max(200 * 1024 * 1024),
      fileName: z.string().max(1000).optional(),
    }),
    response: returns<ImportReport>(),
  },
  'workspace:export': {
    request: z.strictObject({
      format: z.enum(['json', 'csv']),
      electionId: z.string().max(LIMITS.id).optional(),
      ids: z.array(z.string().min(1).max(LIMITS.id)).max(100_000).optional(),
      includeClassified: z.boolean().default(true),
    }),
    response: returns<ExportResult>(),
  },
  'workspace:loadSample': { request: z.strictObject({}), response: returns<ImportReport>() },
} as const;
