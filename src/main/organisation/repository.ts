// Where the organisation profile is kept: one row of the settings table. Profiles saved before it had its
// own key (as "drafting.profile", with `authorityName`) are read in the current shape.
import { z } from 'zod';
import {
  EMPTY_ORGANISATION_PROFILE,
  OrganisationProfileSchema,
  type OrganisationProfile,
} from '../../shared/domain/organisation';
import type { Settings } from '../settings/settings';

export const PROFILE_KEY = 'organisation.profile';
const LEGACY_KEY = 'drafting.profile';

const LegacyProfileSchema = z.looseObject({
  authorityName: z.object({ en: z.string(), fr: z.string() }),
  website: z.string(),
  phone: z.string(),
  mediaContact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
});

export class OrganisationRepository {
  constructor(private readonly settings: Settings) {}

  /** The saved profile, or the empty one. */
  get(): OrganisationProfile {
    const current = this.settings.get(PROFILE_KEY, OrganisationProfileSchema);
    if (current) return current;
    const legacy = this.settings.get(LEGACY_KEY, LegacyProfileSchema);
    if (!legacy) return EMPTY_ORGANISATION_PROFILE;
    const parsed = OrganisationProfileSchema.safeParse({
      name: legacy.authorityName,
      website: legacy.website,
      phone: legacy.phone,
      mediaContact: legacy.mediaContact,
    });
    return parsed.success ? parsed.data : EMPTY_ORGANISATION_PROFILE;
  }

  /** True once a profile was saved (or imported). */
  exists(): boolean {
    return this.settings.get(PROFILE_KEY, z.unknown()) !== undefined;
  }

  /** Call inside a transaction. */
  set(profile: OrganisationProfile): void {
    this.settings.set(PROFILE_KEY, profile);
  }
}
