import { z } from 'zod';
import { ElectionSchema, LIMITS, ThreatSchema, type Election } from '../domain/workspace';
import {
  ThreatListQuerySchema,
  type Facets,
  type ThreatDetail,
  type ThreatPage,
  type ThreatVersion,
} from '../domain/threat-log';
import type { ExportResult, ImportReport } from '../domain/transfer';
import { returns } from './define';

const Id = z.strictObject({ id: z.string().min(1).max(LIMITS.id) });

/** A threat as the form sends it: the id may be left out for a new one. */
export const ThreatInputSchema = ThreatSchema.extend({ id: z.string().min(1).max(LIMITS.id).optional() });

export const threatsContract = {
  'threats:list': { request: ThreatListQuerySchema, response: returns<ThreatPage>() },
  'threats:get': { request: Id, response: returns<ThreatDetail>() },
  'threats:create': {
    request: z.strictObject({ threat: ThreatInputSchema }),
    response: returns<ThreatDetail>(),
  },
  'threats:update': {
    request: z.strictObject({ threat: ThreatSchema, expectedVersion: z.number().int().min(1) }),
    response: returns<ThreatDetail>(),
  },
  'threats:delete': { request: Id, response: returns<ThreatDetail>() },
  'threats:undelete': { request: Id, response: returns<ThreatDetail>() },
  'threats:history': { request: Id, response: returns<ThreatVersion[]>() },
  'threats:restoreVersion': {
    request: z.strictObject({ id: z.string().min(1).max(LIMITS.id), version: z.number().int().min(1) }),
    response: returns<ThreatDetail>(),
  },
  'threats:facets': {
    request: z.strictObject({ electionId: z.string().max(LIMITS.id).optional() }),
    response: returns<Facets>(),
  },

  'elections:list': { request: z.strictObject({}), response: returns<Election[]>() },
  'elections:save': { request: z.strictObject({ election: ElectionSchema }), response: returns<Election>() },
  'elections:delete': { request: Id, response: returns<{ id: string }>() },

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
