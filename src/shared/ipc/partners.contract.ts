import { z } from 'zod';
import { DateString, LIMITS, ThreatSchema } from '../domain/workspace';
import {
  CONTACT_CHANNELS,
  PartnerSchema,
  type PartnerDetail,
  type PartnerSettings,
  type PartnerToNotify,
  type PartnerVersion,
  type ReadinessReport,
} from '../domain/partners';
import { IdRequest, returns } from './define';

/** A partner as the form sends it: the id may be left out for a new one. */
export const PartnerInputSchema = PartnerSchema.extend({
  id: z.string().trim().min(1).max(LIMITS.id).optional(),
});

export const partnersContract = {
  'partners:list': {
    request: z.strictObject({ deleted: z.boolean().optional() }),
    response: returns<PartnerDetail[]>(),
  },
  'partners:get': { request: IdRequest, response: returns<PartnerDetail>() },
  'partners:create': {
    request: z.strictObject({ partner: PartnerInputSchema }),
    response: returns<PartnerDetail>(),
  },
  'partners:update': {
    request: z.strictObject({ partner: PartnerSchema, expectedVersion: z.number().int().min(1) }),
    response: returns<PartnerDetail>(),
  },
  'partners:delete': { request: IdRequest, response: returns<PartnerDetail>() },
  'partners:undelete': { request: IdRequest, response: returns<PartnerDetail>() },
  'partners:history': { request: IdRequest, response: returns<PartnerVersion[]>() },
  'partners:restoreVersion': {
    request: z.strictObject({ id: z.string().min(1).max(LIMITS.id), version: z.number().int().min(1) }),
    response: returns<PartnerDetail>(),
  },
  /** Records that the signed-in person contacted the organisation (audited); who it was is never typed. */
  'partners:recordContact': {
    request: z.strictObject({
      id: z.string().min(1).max(LIMITS.id),
      date: DateString,
      channel: z.enum(CONTACT_CHANNELS).optional(),
      note: z.string().max(LIMITS.shortText).optional(),
    }),
    response: returns<PartnerDetail>(),
  },
  /** Who to notify about these threats (by id, or given whole, e.g. a cluster being assessed) and why. */
  'partners:forThreats': {
    request: z.strictObject({
      ids: z.array(z.string().min(1).max(LIMITS.id)).max(10_000).optional(),
      threats: z.array(ThreatSchema).max(1_000).optional(),
    }),
    response: returns<PartnerToNotify[]>(),
  },
  /** Pre-election readiness: gaps in the directory for an election (default: the next polling day). */
  'partners:readiness': {
    request: z.strictObject({
      electionId: z.string().max(LIMITS.id).optional(),
      asOf: DateString.optional(),
      staleDays: z.number().int().min(1).max(3650).optional(),
    }),
    response: returns<ReadinessReport>(),
  },
  'partners:settings': { request: z.strictObject({}), response: returns<PartnerSettings>() },
  'partners:saveSettings': {
    request: z.strictObject({
      staleDays: z
        .number()
        .int('must be a whole number of days')
        .min(1, 'must be at least 1 day')
        .max(3650, 'must be at most 3650 days'),
    }),
    response: returns<PartnerSettings>(),
  },
} as const;
