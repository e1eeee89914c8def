// The organisation profile setup saves: the name in each official language, and whatever else the person
// gave (website, phone, media contact), validated by the profile's own schema.
import { z } from 'zod';
import { EMPTY_ORG_PROFILE, OrgProfileSchema, type OrgProfile } from '../../shared/domain/drafting-records';
import { jsonPath } from '../../shared/domain/location';
import type { SetupRequest } from '../../shared/domain/accounts';
import { AppError } from '../../shared/errors';

const Extra = z.looseObject({
  website: z.unknown().optional(),
  phone: z.unknown().optional(),
  mediaContact: z.unknown().optional(),
});

export function profileFromSetup(org: SetupRequest['organisation']): OrgProfile {
  const extra = Extra.parse(org);
  const candidate = {
    authorityName: { en: org.name.en, fr: org.name.fr ?? '' },
    website: extra.website ?? EMPTY_ORG_PROFILE.website,
    phone: extra.phone ?? EMPTY_ORG_PROFILE.phone,
    mediaContact: extra.mediaContact ?? EMPTY_ORG_PROFILE.mediaContact,
  };
  const parsed = OrgProfileSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({
    where: jsonPath(['organisation', ...i.path.map((p) => (p === 'authorityName' ? 'name' : p))]),
    message: i.message,
  }));
  throw new AppError(
    'invalid-request',
    `The organisation's profile is not valid: ${problems
      .slice(0, 5)
      .map((p) => `${p.where}: ${p.message}`)
      .join('; ')}. Nothing was set up.`,
    problems,
  );
}
