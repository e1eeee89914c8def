// The elections a workspace records threats under, with their calendars.
import { z } from 'zod';
import { ElectionSchema, type Election } from '../domain/workspace';
import { IdRequest, returns } from './define';

export const electionsContract = {
  'elections:list': { request: z.strictObject({}), response: returns<Election[]>() },
  'elections:save': { request: z.strictObject({ election: ElectionSchema }), response: returns<Election>() },
  'elections:delete': { request: IdRequest, response: returns<{ id: string }>() },
} as const;
