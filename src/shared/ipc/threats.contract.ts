// The threat log: list, read, create, edit with history, soft delete and undo, restore a version.
import { z } from 'zod';
import { LIMITS, ThreatSchema } from '../domain/workspace';
import {
  ThreatListQuerySchema,
  type Facets,
  type ThreatDetail,
  type ThreatPage,
  type ThreatVersion,
} from '../domain/threat-log';
import { IdRequest, returns } from './define';

/** A threat as the form sends it: the id may be left out for a new one. */
export const ThreatInputSchema = ThreatSchema.extend({ id: z.string().min(1).max(LIMITS.id).optional() });

export const threatsContract = {
  'threats:list': { request: ThreatListQuerySchema, response: returns<ThreatPage>() },
  'threats:get': { request: IdRequest, response: returns<ThreatDetail>() },
  'threats:create': {
    request: z.strictObject({ threat: ThreatInputSchema }),
    response: returns<ThreatDetail>(),
  },
  'threats:update': {
    request: z.strictObject({ threat: ThreatSchema, expectedVersion: z.number().int().min(1) }),
    response: returns<ThreatDetail>(),
  },
  'threats:delete': { request: IdRequest, response: returns<ThreatDetail>() },
  'threats:undelete': { request: IdRequest, response: returns<ThreatDetail>() },
  'threats:history': { request: IdRequest, response: returns<ThreatVersion[]>() },
  'threats:restoreVersion': {
    request: z.strictObject({ id: z.string().min(1).max(LIMITS.id), version: z.number().int().min(1) }),
    response: returns<ThreatDetail>(),
  },
  'threats:facets': {
    request: z.strictObject({ electionId: z.string().max(LIMITS.id).optional() }),
    response: returns<Facets>(),
  },
} as const;
