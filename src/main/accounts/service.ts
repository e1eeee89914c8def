// People: creating accounts (each with a scrypt verifier, an Ed25519 key pair whose private half is sealed
// under the passphrase, and a key slot), their roles, disabling and enabling them, and passphrases.
// Every change is audited and signed by the administrator who made it; the entry that creates an account
// records its public key, which is what `audit verify` later checks that person's signatures against.
import { z } from 'zod';
import { NewAccountSchema, type AccountView, type NewAccount, type Role } from '../../shared/domain/accounts';
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { accountsContract } from '../../shared/ipc/accounts.contract';
import { checkPassphrase } from '../security/passphrases';
import type { ServiceContext } from '../context';
import {
  derivePassphraseKeys,
  keyFingerprint,
  newKdf,
  newSigningKeyPair,
  sameVerifier,
  sealPrivateKey,
  unsealPrivateKey,
  type Kdf,
} from '../crypto/credentials';
import type { KeyObject } from 'node:crypto';
import { runAs, type Acting } from '../scope';
import { accountView, AccountRepository, newAccountId, type Account } from './repository';

/** The key slots beside the database, as the host keeps them (it alone holds the database key). */
export interface KeySlotsPort {
  /** Adds a slot for the account: the database key wrapped under `slotKey` (derived with `kdf`). */
  add(accountId: string, name: string, kdf: Kdf, slotKey: Buffer): void;
  /** Removes the account's slots, but the one made with the salt `keep`; `revoke` also remembers that
   *  the account was disabled (a restored older database must not bring it back). */
  remove(accountId: string, opts?: { keep?: string; revoke?: boolean }): void;
}

/** The sessions of the host: they follow what administrators change. */
export interface AccountSessionsPort {
  updateRoles(accountId: string, roles: Role[]): void;
  endFor(accountId: string): void;
}

const privateKeyPurpose = (accountId: string) => `threshold/signing-key/${accountId}`;

/** The words a passphrase must not lean on: the person's name, the organisation, the app. */
export function passphraseContext(ctx: ServiceContext, name: string): string[] {
  const org = organisationNames(ctx);
  return [name, ...name.split(/\s+/), org.en, org.fr, 'threshold'].filter((w) => w.trim() !== '');
}

const ProfileNames = z.looseObject({ name: z.looseObject({ en: z.string(), fr: z.string() }) });
const LegacyProfileNames = z.looseObject({
  authorityName: z.looseObject({ en: z.string(), fr: z.string() }),
});

/** The organisation's name in each language (empty strings before setup). */
export function organisationNames(ctx: ServiceContext): { en: string; fr: string } {
  const current = ctx.settings.get('organisation.profile', ProfileNames);
  if (current) return { en: current.name.en, fr: current.name.fr };
  const legacy = ctx.settings.get('drafting.profile', LegacyProfileNames);
  return legacy ? { en: legacy.authorityName.en, fr: legacy.authorityName.fr } : { en: '', fr: '' };
}

/** Refuses a passphrase that the one strength check finds weak, with its reasons. */
export function assertStrongPassphrase(passphrase: string, context: readonly string[], whose: string): void {
  const verdict = checkPassphrase(passphrase, { context });
  if (verdict.ok) return;
  throw new AppError(
    'weak-passphrase',
    { id: 'accounts/passphrase-for-too-weak', params: { whose, value: verdict.reasons.join(' ') } },
    [{ where: 'passphrase', message: verdict.reasons[0] ?? 'too weak' }],
  );
}

export interface Authenticated {
  account: Account;
  signer: KeyObject;
  slotKey: Buffer;
}

export class AccountsService {
  readonly repo: AccountRepository;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly slots: KeySlotsPort,
    private readonly sessions: AccountSessionsPort,
  ) {
    this.repo = new AccountRepository(ctx.db);
  }

  view(a: Account): AccountView {
    return accountView(a, (id) => this.repo.get(id)?.name ?? null);
  }

  private now(): string {
    return this.ctx.clock().toISOString();
  }

  private find(id: string): Account {
    const account = this.repo.get(id);
    if (!account) throw new AppError('not-found', { id: 'accounts/there-no-account', params: { id } });
    return account;
  }

  /**
   * Creates an account. `creator` null: the first administrator, at setup, whose creation entry is signed
   * with their own new key (the root every later signature leads back to); otherwise the acting
   * administrator signs it.
   */
  async create(
    input: NewAccount,
    opts: { first?: boolean } = {},
  ): Promise<{ account: Account; signer: KeyObject }> {
    const parsed = NewAccountSchema.parse(input);
    const creator = opts.first ? null : this.ctx.require('accounts.manage');
    if (this.repo.byName(parsed.name))
      throw new AppError('conflict', {
        id: 'accounts/name-taken-any-case',
        params: { name: parsed.name },
      });
    assertStrongPassphrase(parsed.passphrase, passphraseContext(this.ctx, parsed.name), parsed.name);
    const kdf = newKdf();
    const keys = await derivePassphraseKeys(parsed.passphrase, kdf);
    const pair = newSigningKeyPair();
    const id = newAccountId();
    const at = this.now();
    this.slots.add(id, parsed.name, kdf, keys.slotKey);
    try {
      const write = () =>
        this.ctx.db.transaction(() => {
          if (this.repo.byName(parsed.name))
            throw new AppError('conflict', {
              id: 'accounts/name-taken',
              params: { name: parsed.name },
            });
          this.repo.insert({
            id,
            name: parsed.name,
            roles: parsed.roles,
            credential: { kdf, verifier: keys.verifier },
            publicKey: pair.publicKey,
            privateKey: sealPrivateKey(keys.signingKey, pair.privateKey, privateKeyPurpose(id)),
            createdAt: at,
            createdBy: creator?.accountId ?? null,
          });
          this.ctx.record('account.created', `account:${id}`, {
            accountId: id,
            name: parsed.name,
            roles: parsed.roles,
            publicKey: pair.publicKey,
            keyFingerprint: keyFingerprint(pair.publicKey),
          });
        })();
      if (opts.first) {
        // The first administrator vouches for themselves: the entry is signed with the key it records.
        runAs(
          {
            accountId: id,
            name: parsed.name,
            roles: parsed.roles,
            signer: pair.privateKey,
            role: 'administrator',
          },
          write,
        );
      } else write();
    } catch (err) {
      this.slots.remove(id);
      throw err;
    }
    return { account: this.find(id), signer: pair.privateKey };
  }

  /**
   * Checks a name and passphrase. Null when either is wrong or the account is disabled; a wrong name costs
   * the same scrypt as a wrong passphrase, so that timing says nothing about which names exist.
   */
  async authenticate(name: string, passphrase: string): Promise<Authenticated | null> {
    const account = this.repo.byName(name);
    const keys = await derivePassphraseKeys(passphrase, account?.credential.kdf ?? dummyKdf());
    if (!account || account.disabledAt) return null;
    return this.unlockWith(account, keys);
  }

  /** The account's signing key, when `keys` come from its passphrase. */
  unlockWith(
    account: Account,
    keys: { verifier: string; signingKey: Buffer; slotKey: Buffer },
  ): Authenticated | null {
    if (!sameVerifier(keys.verifier, account.credential.verifier)) return null;
    const signer = unsealPrivateKey(keys.signingKey, account.privateKey, privateKeyPurpose(account.id));
    return signer ? { account, signer, slotKey: keys.slotKey } : null;
  }

  /** A fresh signature's key: the acting person types their passphrase again (approvals, speaking publicly). */
  async freshSigner(passphrase: string): Promise<KeyObject> {
    const acting = this.ctx.acting();
    if (!acting) throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
    const account = this.find(acting.accountId);
    const keys = await derivePassphraseKeys(passphrase, account.credential.kdf);
    const ok = this.unlockWith(account, keys);
    if (!ok || account.disabledAt)
      throw new AppError('sign-in-refused', {
        id: 'accounts/that-not-passphrase-nothing',
        params: { name: account.name },
      });
    return ok.signer;
  }

  list(): AccountView[] {
    this.ctx.require('accounts.manage');
    return this.repo.list().map((a) => this.view(a));
  }

  private activeAdministrators(except?: string): number {
    return this.repo
      .list()
      .filter((a) => !a.disabledAt && a.id !== except && a.roles.includes('administrator')).length;
  }

  setRoles(id: string, roles: Role[]): Account {
    this.ctx.require('accounts.manage');
    const account = this.find(id);
    if (
      !roles.includes('administrator') &&
      account.roles.includes('administrator') &&
      !account.disabledAt &&
      this.activeAdministrators(id) === 0
    )
      throw new AppError('conflict', {
        id: 'accounts/last-administrator-give-another',
        params: { name: account.name },
      });
    this.ctx.db.transaction(() => {
      this.repo.update(id, { roles }, this.now());
      this.ctx.record('account.roles-changed', `account:${id}`, {
        accountId: id,
        name: account.name,
        from: account.roles,
        to: roles,
      });
    })();
    this.sessions.updateRoles(id, roles);
    return this.find(id);
  }

  disable(id: string): Account {
    const admin = this.ctx.require('accounts.manage');
    const account = this.find(id);
    if (id === admin.accountId) throw new AppError('conflict', { id: 'accounts/you-cannot-disable-your' });
    if (account.disabledAt) return account;
    if (account.roles.includes('administrator') && this.activeAdministrators(id) === 0)
      throw new AppError('conflict', {
        id: 'accounts/last-administrator-nothing-changed',
        params: { name: account.name },
      });
    this.ctx.db.transaction(() => {
      this.repo.update(id, { disabledAt: this.now() }, this.now());
      this.ctx.record('account.disabled', `account:${id}`, { accountId: id, name: account.name });
    })();
    // Their slot goes: their passphrase no longer opens the database.
    this.slots.remove(id, { revoke: true });
    this.sessions.endFor(id);
    return this.find(id);
  }

  /** A new passphrase for someone else (forgotten, or enabling a disabled account): a new slot, and a new
   *  signing key (the old one stays sealed under the passphrase no one remembers), recorded and signed. */
  async replacePassphrase(id: string, passphrase: string, how: 'reset' | 'enable'): Promise<Account> {
    this.ctx.require('accounts.manage');
    const account = this.find(id);
    if (how === 'enable' && !account.disabledAt) return account;
    if (how === 'reset' && account.disabledAt)
      throw new AppError('conflict', {
        id: 'accounts/account-disabled-enable-with',
        params: { name: account.name },
      });
    const acting = this.ctx.acting();
    if (how === 'reset' && acting?.accountId === id)
      throw new AppError('conflict', { id: 'accounts/change-your-own-passphrase' });
    assertStrongPassphrase(passphrase, passphraseContext(this.ctx, account.name), account.name);
    const kdf = newKdf();
    const keys = await derivePassphraseKeys(passphrase, kdf);
    const pair = newSigningKeyPair();
    this.slots.add(id, account.name, kdf, keys.slotKey);
    try {
      this.ctx.db.transaction(() => {
        this.ctx.require('accounts.manage');
        this.repo.update(
          id,
          {
            credential: { kdf, verifier: keys.verifier },
            publicKey: pair.publicKey,
            privateKey: sealPrivateKey(keys.signingKey, pair.privateKey, privateKeyPurpose(id)),
            ...(how === 'enable' ? { disabledAt: null } : {}),
          },
          this.now(),
        );
        this.ctx.record(how === 'enable' ? 'account.enabled' : 'account.passphrase-reset', `account:${id}`, {
          accountId: id,
          name: account.name,
          publicKey: pair.publicKey,
          keyFingerprint: keyFingerprint(pair.publicKey),
        });
      })();
    } catch (err) {
      this.slots.remove(id, { keep: account.credential.kdf.salt });
      throw err;
    }
    this.slots.remove(id, { keep: kdf.salt });
    this.sessions.endFor(id);
    return this.find(id);
  }

  /** The acting person changes their own passphrase: their signing key is kept, sealed anew; one slot is
   *  rewrapped. */
  async changeOwnPassphrase(current: string, next: string): Promise<Account> {
    const acting = this.ctx.acting();
    if (!acting) throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
    const account = this.find(acting.accountId);
    const keys = await derivePassphraseKeys(current, account.credential.kdf);
    const ok = this.unlockWith(account, keys);
    if (!ok) throw new AppError('sign-in-refused', { id: 'accounts/your-current-passphrase-not' });
    if (current === next) throw new AppError('invalid-request', { id: 'accounts/new-passphrase-same-as' });
    assertStrongPassphrase(next, passphraseContext(this.ctx, account.name), account.name);
    const kdf = newKdf();
    const nextKeys = await derivePassphraseKeys(next, kdf);
    this.slots.add(account.id, account.name, kdf, nextKeys.slotKey);
    try {
      this.ctx.db.transaction(() => {
        this.repo.update(
          account.id,
          {
            credential: { kdf, verifier: nextKeys.verifier },
            privateKey: sealPrivateKey(nextKeys.signingKey, ok.signer, privateKeyPurpose(account.id)),
          },
          this.now(),
        );
        this.ctx.record('account.passphrase-changed', `account:${account.id}`, {
          accountId: account.id,
          name: account.name,
        });
      })();
    } catch (err) {
      this.slots.remove(account.id, { keep: account.credential.kdf.salt });
      throw err;
    }
    this.slots.remove(account.id, { keep: kdf.salt });
    return this.find(account.id);
  }

  handlers(): HandlersOf<typeof accountsContract> {
    return {
      'accounts:list': () => ({ accounts: this.list() }),
      'accounts:create': async (req) => this.view((await this.create(req)).account),
      'accounts:setRoles': ({ id, roles }) => this.view(this.setRoles(id, roles)),
      'accounts:disable': ({ id }) => this.view(this.disable(id)),
      'accounts:enable': async ({ id, passphrase }) =>
        this.view(await this.replacePassphrase(id, passphrase, 'enable')),
      'accounts:resetPassphrase': async ({ id, passphrase }) =>
        this.view(await this.replacePassphrase(id, passphrase, 'reset')),
    };
  }
}

/** Parameters for the scrypt run on a name that has no account (the same cost as a real one). */
function dummyKdf(): Kdf {
  return newKdf();
}

export type { Acting };
