import { z } from 'zod';
import type { AuditPage, AuditVerificationResult } from '../domain/audit';
import type { AppInfo, Identity } from '../domain/app';
import { IdentitySchema } from '../domain/app';
import { returns } from './define';

export const appContract = {
  'app:info': { request: z.strictObject({}), response: returns<AppInfo>() },
  'app:setIdentity': { request: z.strictObject({ identity: IdentitySchema }), response: returns<Identity>() },
  'audit:list': {
    request: z.strictObject({
      subject: z.string().max(500).optional(),
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    response: returns<AuditPage>(),
  },
  /** Saves a file the user names (Electron: a save dialog). Browser mode answers 'unsupported' and the page downloads instead. */
  'files:save': {
    request: z.strictObject({
      suggestedName: z.string().min(1).max(255),
      content: z.string().max(300 * 1024 * 1024),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    }),
    response: returns<{ saved: boolean; path: string | null }>(),
  },
  /** Opens a file the user chooses and returns its text (Electron: an open dialog in the main process,
   *  which needs no click in the page, e.g. for File → Import…). Browser mode answers 'unsupported'. */
  'files:open': {
    request: z.strictObject({
      filters: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(100),
            extensions: z
              .array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i))
              .min(1)
              .max(10),
          }),
        )
        .max(10)
        .default([]),
    }),
    response: returns<{ opened: false } | { opened: true; name: string; content: string }>(),
  },
  'audit:verify': { request: z.strictObject({}), response: returns<AuditVerificationResult>() },
} as const;
