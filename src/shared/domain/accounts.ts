// People and their sessions, as the contract carries them: accounts with roles, what a session is in,
// and what setup asks. No passphrase, key or hash ever leaves main: these are the views.
import { z } from 'zod';

/** The roles a person may hold (several at once). What each allows is in ./permissions. */
export const ROLES = [
  'analyst',
  'communications',
  'reviewer',
  'approver',
  'policy-owner',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);
export const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'Give the person at least one role')
  .max(ROLES.length)
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

/** A person's name as they sign in with it: compared without regard to case or surrounding spaces. */
export const AccountNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name')
  .max(100, 'is longer than 100 characters')
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'contains control or invisible characters');

/** A passphrase as typed; its strength is judged by the service (the one shared check). */
export const PassphraseSchema = z.string().min(1, 'Enter the passphrase').max(1024);

export const ACCOUNT_ID = /^acct-[0-9a-f]{16}$/;
export const AccountIdSchema = z.string().regex(ACCOUNT_ID, 'is not an account id');

/** An account as the interface and the CLI see it. */
export interface AccountView {
  id: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  /** The administrator who created the account (null for the first one, made at setup). */
  createdBy: string | null;
  /** The first 16 hex digits of SHA-256 of the public signing key: what a person can compare. */
  keyFingerprint: string;
}

/** Why a sign-in was refused is always the same sentence, so that it says nothing about which names exist. */
export const SIGN_IN_REFUSED = 'The name or the passphrase is not right.';

/**
 * First run: the organisation's profile (its name in every official language at least; website, phone,
 * media contact and logo may come now or later, in Settings), the first administrator (who holds every
 * role), and the sample workspace if wanted. The profile's fields are validated by the organisation's
 * own schema when setup saves them.
 */
export const SetupRequestSchema = z.strictObject({
  organisation: z.looseObject({
    name: z.strictObject({
      en: z.string().trim().min(1, 'Enter the organisation’s name').max(500),
      fr: z.string().trim().max(500).default(''),
    }),
  }),
  administrator: z.strictObject({ name: AccountNameSchema, passphrase: PassphraseSchema }),
  sample: z.boolean().default(false),
});
export type SetupRequest = z.input<typeof SetupRequestSchema>;

export const NewAccountSchema = z.strictObject({
  name: AccountNameSchema,
  roles: RolesSchema,
  passphrase: PassphraseSchema,
});
export type NewAccount = z.input<typeof NewAccountSchema>;

/** How names are compared: "  Alex  Martin " and "alex martin" are the same person. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
