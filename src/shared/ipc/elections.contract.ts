// The elections a workspace records threats under, with their calendars.
import { z } from 'zod';
import type { ElectionDetail } from '../domain/elections';
import { ElectionSchema, type Election } from '../domain/workspace';
import { IdRequest, returns } from './define';

export const electionsContract = {
  'elections:list': { request: z.strictObject({}), response: returns<Election[]>() },
  /** One election with its version: what an editor opens, and starts its save from. */
  'elections:get': { request: IdRequest, response: returns<ElectionDetail>() },
  /**
   * Records a new election (no `expectedVersion`; refused if one with its id exists), or a new version of
   * one, from the version the person opened (`expectedVersion`; a stale one is refused as a conflict with
   * both versions, and nothing is saved).
   */
  'elections:save': {
    request: z.strictObject({
      election: ElectionSchema,
      expectedVersion: z.number().int().min(1).optional(),
    }),
    response: returns<Election>(),
  },
  'elections:delete': { request: IdRequest, response: returns<{ id: string }>() },
} as const;
