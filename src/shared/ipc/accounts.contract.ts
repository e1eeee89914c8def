// People: the accounts an administrator keeps. Passphrases are judged by the one strength check; adding
// a person adds their key slot, disabling them removes it, a reset gives them a new signing key.
import { z } from 'zod';
import {
  AccountIdSchema,
  NewAccountSchema,
  PassphraseSchema,
  RolesSchema,
  type AccountView,
} from '../domain/accounts';
import { returns } from './define';

export const accountsContract = {
  'accounts:list': { request: z.strictObject({}), response: returns<{ accounts: AccountView[] }>() },
  'accounts:create': { request: NewAccountSchema, response: returns<AccountView>() },
  'accounts:setRoles': {
    request: z.strictObject({ id: AccountIdSchema, roles: RolesSchema }),
    response: returns<AccountView>(),
  },
  /** Disables an account: its sessions end and its key slot is removed. Nobody can disable themselves. */
  'accounts:disable': { request: z.strictObject({ id: AccountIdSchema }), response: returns<AccountView>() },
  /** Enables a disabled account again, with a new passphrase (its old slot is gone). */
  'accounts:enable': {
    request: z.strictObject({ id: AccountIdSchema, passphrase: PassphraseSchema }),
    response: returns<AccountView>(),
  },
  /** Sets another person's passphrase (they forgot it): a new key slot and a new signing key. */
  'accounts:resetPassphrase': {
    request: z.strictObject({ id: AccountIdSchema, passphrase: PassphraseSchema }),
    response: returns<AccountView>(),
  },
} as const;
