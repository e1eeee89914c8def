// The append-only, hash-chained audit log: its latest entries, and a check of the whole chain.
import { z } from 'zod';
import type { AuditPage, AuditVerificationResult } from '../domain/audit';
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
  'audit:verify': { request: z.strictObject({}), response: returns<AuditVerificationResult>() },
} as const;
