// The intervention policy: the one in force and every saved version, saving a new one, and a preview of
// what an edited policy would do to the log.
import { z } from 'zod';
import type { PolicyPreview, PolicyVersionInfo } from '../domain/decision';
import type { Policy } from '../domain/policy';
import { returns } from './define';

const Note = z.string().trim().max(2_000, 'is longer than 2,000 characters');

export const policyContract = {
  /** The policy in force, or a saved version of it. */
  'policy:get': {
    request: z.strictObject({ version: z.number().int().min(1).optional() }),
    response: returns<Policy>(),
  },
  'policy:versions': { request: z.strictObject({}), response: returns<PolicyVersionInfo[]>() },
  /** Validates and saves the policy as the next version; a bad policy is refused with its reasons. */
  'policy:save': {
    request: z.strictObject({
      policy: z.unknown(),
      note: Note.optional(),
      /** The version the person edited: a save over a newer one is refused as a conflict. */
      expectedVersion: z.number().int().min(1).optional(),
    }),
    response: returns<Policy>(),
  },
  /** What an edited policy (not saved) would do to the live log: counts at each level and the changes. */
  'policy:preview': {
    request: z.strictObject({ policy: z.unknown(), limit: z.number().int().min(0).max(1_000).default(200) }),
    response: returns<PolicyPreview>(),
  },
} as const;
