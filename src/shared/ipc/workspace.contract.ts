// The workspace in and out of files: the interchange JSON document, CSV of threats (and STIX bundles,
// detected on import), and the sample workspace.
import { z } from 'zod';
import type { ExportResult, ImportProgress, ImportReport } from '../domain/transfer';
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
  // A file of any size, streamed: begin, send its text in pieces (each answered with the progress), end
  // (the commit) or cancel (nothing stays). One transaction throughout; while it is open, every other
  // channel answers "locked". An import left without a piece for a minute is cancelled.
  'workspace:importBegin': {
    request: z.strictObject({
      format: z.enum(['json', 'csv']),
      fileName: z.string().min(1).max(1000),
    }),
    response: returns<{ importId: string }>(),
  },
  'workspace:importChunk': {
    request: z.strictObject({
      importId: z.string().min(1).max(100),
      /** A piece of the file's text, in order; 16 MB at most. */
      text: z.string().max(16 * 1024 * 1024),
    }),
    response: returns<ImportProgress>(),
  },
  'workspace:importEnd': {
    request: z.strictObject({ importId: z.string().min(1).max(100) }),
    response: returns<ImportReport>(),
  },
  'workspace:importCancel': {
    request: z.strictObject({ importId: z.string().min(1).max(100) }),
    response: returns<{ cancelled: boolean }>(),
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
