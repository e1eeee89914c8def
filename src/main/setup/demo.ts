// A demo organisation for browser mode's `--demo`: the sample workspace, an administrator who holds every
// role, and a second person (analyst, communications, reviewer), so that one can draft and the other
// approve. Their passphrases are random (strong enough for the one strength check), printed once.
import { randomBytes } from 'node:crypto';
import { unwrap } from '../../shared/errors';
import type { Role } from '../../shared/domain/accounts';
import type { Dispatch } from '../ipc/dispatcher';

export const DEMO_ORGANISATION = { en: 'Elections Lakeshore (demo)', fr: 'Élections Lakeshore (démo)' };

const DEMO_PEOPLE: { name: string; roles: Role[] | 'all' }[] = [
  { name: 'Alex', roles: 'all' },
  { name: 'Sam', roles: ['analyst', 'communications', 'reviewer'] },
];

/** Twelve random letters and digits in three groups ("k7qm-3xnd-9wpa"): about 60 bits, easy to type. */
export function demoPassphrase(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

export async function setUpDemo(dispatch: Dispatch): Promise<{
  organisation: string;
  recoveryKey: string;
  accounts: { name: string; passphrase: string; roles: Role[] | 'all' }[];
}> {
  const caller = { session: `demo-setup-${randomBytes(8).toString('hex')}` };
  const accounts = DEMO_PEOPLE.map((p) => ({ ...p, passphrase: demoPassphrase() }));
  const [admin, ...others] = accounts;
  if (!admin) throw new Error('no demo administrator');
  const report = await unwrap(
    dispatch(
      'setup:run',
      {
        organisation: { name: DEMO_ORGANISATION },
        administrator: { name: admin.name, passphrase: admin.passphrase },
        sample: true,
      },
      caller,
    ),
  );
  for (const person of others)
    await unwrap(
      dispatch(
        'accounts:create',
        {
          name: person.name,
          roles: person.roles === 'all' ? [] : person.roles,
          passphrase: person.passphrase,
        },
        caller,
      ),
    );
  await unwrap(dispatch('session:signOut', {}, caller));
  return {
    organisation: DEMO_ORGANISATION.en,
    recoveryKey: (report as { recoveryKey: string }).recoveryKey,
    accounts,
  };
}
