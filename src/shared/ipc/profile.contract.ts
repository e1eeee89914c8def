// The organisation profile: who speaks in the drafts (name in each language, website, phone, media contact,
// optional logo, spelling varieties, "-30-").
import { z } from 'zod';
import { OrganisationProfileSchema, type OrganisationProfile } from '../domain/organisation';
import { returns } from './define';

export const profileContract = {
  'profile:get': { request: z.strictObject({}), response: returns<OrganisationProfile>() },
  'profile:set': {
    request: z.strictObject({ profile: OrganisationProfileSchema }),
    response: returns<OrganisationProfile>(),
  },
} as const;
