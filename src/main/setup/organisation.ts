// The organisation profile setup saves: the name in each official language, and whatever else the person
// gave (website, phone, media contact, logo), validated by the profile's own schema.
import type { SetupRequest } from '../../shared/domain/accounts';
import { EMPTY_ORGANISATION_PROFILE, type OrganisationProfile } from '../../shared/domain/organisation';
import { parseProfile } from '../organisation/service';

export function profileFromSetup(org: SetupRequest['organisation']): OrganisationProfile {
  return parseProfile(
    { ...EMPTY_ORGANISATION_PROFILE, ...org, name: { en: org.name.en, fr: org.name.fr ?? '' } },
    ['organisation'],
  );
}
