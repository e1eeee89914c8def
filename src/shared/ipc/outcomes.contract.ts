import { z } from 'zod';
import { LIMITS } from '../domain/workspace';
import {
  OutcomeFieldsSchema,
  OutcomeSchema,
  type OutcomeDetail,
  type OutcomeVersion,
  type ThreatTimeline,
} from '../domain/outcomes';
import { IdRequest, returns } from './define';

const ThreatId = z.string().min(1).max(LIMITS.id);

export const outcomesContract = {
  /** A threat's outcome observations, oldest first (or its deleted ones). */
  'outcomes:list': {
    request: z.strictObject({ threatId: ThreatId, deleted: z.boolean().optional() }),
    response: returns<OutcomeDetail[]>(),
  },
  'outcomes:get': { request: IdRequest, response: returns<OutcomeDetail>() },
  /** Records an observation on a live threat (audited). */
  'outcomes:add': {
    request: z.strictObject({ threatId: ThreatId, outcome: OutcomeFieldsSchema }),
    response: returns<OutcomeDetail>(),
  },
  'outcomes:update': {
    request: z.strictObject({ outcome: OutcomeSchema, expectedVersion: z.number().int().min(1) }),
    response: returns<OutcomeDetail>(),
  },
  'outcomes:delete': { request: IdRequest, response: returns<OutcomeDetail>() },
  'outcomes:undelete': { request: IdRequest, response: returns<OutcomeDetail>() },
  /** The threat's timeline (first seen → outcomes) and its reach over time. */
  'outcomes:timeline': {
    request: z.strictObject({ threatId: ThreatId }),
    response: returns<ThreatTimeline>(),
  },
  'outcomes:history': { request: IdRequest, response: returns<OutcomeVersion[]>() },
} as const;
