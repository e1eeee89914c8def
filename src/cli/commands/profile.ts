// `threshold profile`: the organisation profile the drafts speak for (the same shape as Settings →
// Organisation and the workspace file's `organisation` block). `show --json` prints it in the shape `set`
// accepts back.
import { missingProfileFields, type OrganisationProfile } from '../../shared/domain/organisation';
import { type Command, JSON_OPTION } from '../command';
import { json } from '../format';
import { UsageError } from '../io';
import { readJsonFile } from '../json-file';
import { unwrap } from '../session';

const USAGE = `threshold profile show [--json]
       threshold profile set <file>

  show   the organisation profile; --json prints it as {"name": {"en", "fr"}, "website", "phone",
         "mediaContact": {"name", "email", "phone"}} with the optional "logo" (a data URL), "variety"
         ({"en": "en-CA|en-US|en-GB", "fr": "fr-CA|fr-FR"}) and "endMark" (end releases with "-30-")
  set    replace the profile with the one in <file> (JSON, the same shape). A bad file is refused with its
         reasons and nothing changes.`;

function readProfileFile(cwd: string, file: string): unknown {
  return readJsonFile(cwd, file, 'invalid-request', 'cli/profile-not-json');
}

function profileText(p: OrganisationProfile): string {
  const missing = missingProfileFields(p);
  const or = (s: string) => s || '(not recorded)';
  return [
    `Name (English):  ${or(p.name.en)}`,
    `Name (French):   ${or(p.name.fr)}`,
    `Website:         ${or(p.website)}`,
    `Phone:           ${or(p.phone)}`,
    `Media contact:   ${or(p.mediaContact.name)}, ${or(p.mediaContact.email)}, ${or(p.mediaContact.phone)}`,
    `Logo:            ${p.logo ? `yes (${Math.round((p.logo.length * 3) / 4 / 1024)} KB)` : 'none'}`,
    `Spelling:        ${p.variety?.en ?? 'en-CA'}, ${p.variety?.fr ?? 'fr-CA'}`,
    `End with -30-:   ${p.endMark ? 'yes' : 'no'}`,
    missing.length
      ? `\nIncomplete: ${missing.join(', ')}. Drafts show a placeholder for each, and cannot be approved.`
      : '\nComplete.',
  ].join('\n');
}

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Show or set the organisation profile the drafts speak for (name, website, phone, media contact)',
  usage: USAGE,
  options: { ...JSON_OPTION },
  async run({ positionals, values, io, session }) {
    const [action, file, ...extra] = positionals;
    if (extra.length) throw new UsageError(`too many arguments\nUsage: ${USAGE}`);
    if (action === 'show') {
      if (file) throw new UsageError(`profile show takes no file\nUsage: ${USAGE}`);
      const profile = await unwrap((await session()).api.profile.get({}));
      io.out(values.json ? json(profile) : profileText(profile));
      return 0;
    }
    if (action === 'set') {
      if (!file) throw new UsageError(`name the profile file\nUsage: ${USAGE}`);
      const profile = readProfileFile(io.cwd, file) as OrganisationProfile;
      const saved = await unwrap((await session()).api.profile.set({ profile }));
      io.out(`Saved the organisation profile.\n${profileText(saved)}`);
      return 0;
    }
    throw new UsageError(`profile needs show or set\nUsage: ${USAGE}`);
  },
};
