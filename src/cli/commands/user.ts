// `threshold user`: people, kept by administrators. A new person's passphrase (and a new passphrase)
// comes from THRESHOLD_NEW_PASSPHRASE, or is asked twice on a terminal; it must be strong.
import { ROLES, RolesSchema, nameKey, type AccountView, type Role } from '../../shared/domain/accounts';
import { AppError, unwrap } from '../../shared/errors';
import { type Command, JSON_OPTION, text } from '../command';
import { json, table } from '../format';
import { UsageError, type CliIo } from '../io';
import type { CliSession } from '../session';

export const NEW_PASSPHRASE_ENV = 'THRESHOLD_NEW_PASSPHRASE';

const USAGE = `threshold --user ADMIN user add NAME --roles ROLE,ROLE…
       threshold --user ADMIN user list [--json]
       threshold --user ADMIN user roles NAME --roles ROLE,ROLE…
       threshold --user ADMIN user disable NAME
       threshold --user ADMIN user enable NAME
       threshold --user NAME user passwd NAME

  add      a new account; its passphrase from ${NEW_PASSPHRASE_ENV} (or asked on a terminal)
  list     every account: roles, whether disabled, key fingerprint
  roles    sets a person's roles
  disable  disables an account: its sessions end and its key slot is removed
  enable   enables it again, with a new passphrase (${NEW_PASSPHRASE_ENV})
  passwd   your own passphrase (the current one from THRESHOLD_PASSPHRASE, the new one from
           ${NEW_PASSPHRASE_ENV}), or, for an administrator, someone else's (they get a new signing key)

Roles: ${ROLES.join(', ')}.`;

function newPassphrase(io: CliIo, name: string): string {
  const given = io.env[NEW_PASSPHRASE_ENV];
  if (given) return given;
  const first = io.promptSecret?.(`New passphrase for ${name}: `) ?? null;
  if (first === null)
    throw new UsageError(
      `give ${name}'s new passphrase: set ${NEW_PASSPHRASE_ENV}, or run this on a terminal`,
    );
  const again = io.promptSecret?.('The same passphrase again: ') ?? null;
  if (again !== first)
    throw new AppError('invalid-request', { id: 'cli/passphrases-differ-nothing-changed' });
  return first;
}

function roles(value: string | undefined): Role[] {
  if (!value) throw new UsageError(`--roles is required (${ROLES.join(', ')})\nUsage: ${USAGE}`);
  const parsed = RolesSchema.safeParse(value.split(',').map((r) => r.trim()));
  if (!parsed.success)
    throw new UsageError(`--roles must list roles among ${ROLES.join(', ')} (got "${value}")`);
  return parsed.data;
}

async function find(s: CliSession, name: string): Promise<AccountView> {
  const { accounts } = await unwrap(s.api.accounts.list({}));
  const found = accounts.find((a) => nameKey(a.name) === nameKey(name));
  if (!found) throw new AppError('not-found', { id: 'cli/there-no-account-named', params: { name } });
  return found;
}

function describe(a: AccountView): string {
  return `${a.name} (${a.roles.join(', ')})${a.disabled ? ', disabled' : ''}, key ${a.keyFingerprint}`;
}

export const userCommand: Command = {
  name: 'user',
  summary: 'People: add, list, set roles, disable, enable; change a passphrase',
  usage: USAGE,
  options: { roles: { type: 'string' }, ...JSON_OPTION },
  async run({ positionals, values, io, session }) {
    const [action, name, ...extra] = positionals;
    if (extra.length) throw new UsageError(`too many arguments\nUsage: ${USAGE}`);
    if (action === 'list') {
      const { accounts } = await unwrap((await session()).api.accounts.list({}));
      if (values.json) io.out(json(accounts));
      else
        io.out(
          table(
            ['Name', 'Roles', 'Status', 'Key', 'Created'],
            accounts.map((a) => [
              a.name,
              a.roles.join(', '),
              a.disabled ? 'disabled' : 'active',
              a.keyFingerprint,
              a.createdAt.slice(0, 10),
            ]),
          ),
        );
      return 0;
    }
    if (!action || !['add', 'roles', 'disable', 'enable', 'passwd'].includes(action))
      throw new UsageError(`user needs add, list, roles, disable, enable or passwd\nUsage: ${USAGE}`);
    if (!name?.trim()) throw new UsageError(`name the person\nUsage: ${USAGE}`);
    const s = await session();
    let result: AccountView;
    if (action === 'add') {
      const wanted = roles(text(values, 'roles'));
      result = await unwrap(
        s.api.accounts.create({ name, roles: wanted, passphrase: newPassphrase(io, name) }),
      );
      io.out(`Added ${describe(result)}.`);
    } else if (action === 'roles') {
      const wanted = roles(text(values, 'roles'));
      result = await unwrap(s.api.accounts.setRoles({ id: (await find(s, name)).id, roles: wanted }));
      io.out(`${describe(result)}.`);
    } else if (action === 'disable') {
      result = await unwrap(s.api.accounts.disable({ id: (await find(s, name)).id }));
      io.out(`Disabled ${describe(result)}: their sessions ended and their key slot is gone.`);
    } else if (action === 'enable') {
      const id = (await find(s, name)).id;
      result = await unwrap(s.api.accounts.enable({ id, passphrase: newPassphrase(io, name) }));
      io.out(`Enabled ${describe(result)}, with a new passphrase and a new signing key.`);
    } else if (nameKey(name) === nameKey(s.acting.name)) {
      const current = io.env.THRESHOLD_PASSPHRASE ?? io.promptSecret?.('Current passphrase: ') ?? null;
      if (!current) throw new UsageError('give your current passphrase: THRESHOLD_PASSPHRASE, or a terminal');
      await unwrap(s.api.session.changePassphrase({ current, next: newPassphrase(io, name) }));
      io.out(`Changed ${s.acting.name}'s passphrase (the signing key is kept; one key slot was rewrapped).`);
      return 0;
    } else {
      const id = (await find(s, name)).id;
      result = await unwrap(s.api.accounts.resetPassphrase({ id, passphrase: newPassphrase(io, name) }));
      io.out(`Reset ${describe(result)}: a new passphrase and a new signing key; their sessions ended.`);
    }
    if (values.json) io.out(json(result));
    return 0;
  },
};
