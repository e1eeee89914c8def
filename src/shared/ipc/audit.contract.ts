// The append-only, hash-chained audit log: its latest entries, and a check of the whole chain.
import { z } from 'zod';
import {
  AuditCheckpointSchema,
  type AuditCheckpoint,
  type AuditPage,
  type AuditVerificationResult,
} from '../domain/audit';
import { returns } from './define';

export const auditContract = {
  'audit:list': {
    request: z.strictObject({
      subject: z.string().max(500).optional(),
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    response: returns<AuditPage>(),
  },
  /** The whole check: the chain, every signature, the records against what was signed, and (when given) a
   *  checkpoint exported earlier. */
  'audit:verify': {
    request: z.strictObject({ checkpoint: AuditCheckpointSchema.optional() }),
    response: returns<AuditVerificationResult>(),
  },
  /** A signed checkpoint of the log's head, to keep outside the database. */
  'audit:checkpoint': { request: z.strictObject({}), response: returns<AuditCheckpoint>() },
} as const;
