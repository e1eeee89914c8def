// The organisation profile's handlers: read it, and replace it (validated, in one transaction with its audit
// entry). Used by Settings, the CLI (`threshold profile`), workspace import and export, and drafting.
import { OrganisationProfileSchema, type OrganisationProfile } from '../../shared/domain/organisation';
import { AppError } from '../../shared/errors';
import { jsonPath } from '../../shared/domain/location';
import type { HandlersOf } from '../../shared/ipc/define';
import type { profileContract } from '../../shared/ipc/profile.contract';
import type { ServiceContext } from '../context';
import { OrganisationRepository } from './repository';

/** Dotted paths of the fields that differ between two profiles (for the audit entry). */
export function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      changedPaths(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        prefix ? `${prefix}.${k}` : k,
      ),
    );
  }
  return a === b ? [] : [prefix];
}

/** Validates a profile from a file or a request; a located error otherwise (e.g. `$.mediaContact.email`). */
export function parseProfile(
  value: unknown,
  where: (string | number)[] = [],
  code: 'invalid-request' | 'import-invalid' = 'invalid-request',
): OrganisationProfile {
  const parsed = OrganisationProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({
    where: jsonPath([...where, ...i.path]),
    message: i.message,
  }));
  throw new AppError(
    code,
    {
      id: 'organisation/organisation-profile-not-valid',
      params: {
        value: problems
          .slice(0, 5)
          .map((p) => `${p.where}: ${p.message}`)
          .join('; '),
      },
    },
    problems,
  );
}

export class OrganisationService {
  private readonly repo: OrganisationRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.repo = new OrganisationRepository(ctx.settings);
  }

  get(): OrganisationProfile {
    return this.repo.get();
  }

  /** Replaces the profile; audited with the fields that changed (the logo only as "changed"). */
  set(profile: OrganisationProfile, source = 'settings'): OrganisationProfile {
    return this.ctx.db.transaction(() => this.setInTransaction(profile, source))();
  }

  /** The same, inside a transaction the caller holds (workspace import). */
  setInTransaction(profile: OrganisationProfile, source: string): OrganisationProfile {
    const before = this.repo.get();
    const changed = changedPaths(before, profile);
    if (changed.length > 0 || !this.repo.exists()) {
      this.repo.set(profile);
      const { logo, ...rest } = profile;
      this.ctx.record('organisation.profile.saved', 'organisation:profile', {
        source,
        changed,
        profile: { ...rest, ...(logo ? { logo: `${logo.length} characters` } : {}) },
      });
    }
    return this.repo.get();
  }

  handlers(): HandlersOf<typeof profileContract> {
    return {
      'profile:get': () => this.get(),
      'profile:set': ({ profile }) => this.set(profile),
    };
  }
}
