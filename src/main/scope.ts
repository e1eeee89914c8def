// Who a call acts for. The host (desktop window, browser session, CLI sign-in) resolves the caller's
// session before a handler runs and runs the handler inside this scope; the services read it through the
// service context (ctx.acting, ctx.require, ctx.record), never from a payload.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { KeyObject } from 'node:crypto';
import type { Role } from '../shared/domain/accounts';
import { roleFor, type Action } from '../shared/domain/permissions';
import { AppError } from '../shared/errors';

export interface Acting {
  accountId: string;
  name: string;
  roles: Role[];
  /** The private signing key of the signed-in, unlocked session (null when there is none). */
  signer: KeyObject | null;
  /** The role this call acts in, set by ctx.require (the role that allowed the action). */
  role: Role | null;
}

/** Sets the role `who` acts in for `action`: the first of their roles that allows it. Refused, with nothing
 *  changed, when none does. */
export function actIn(who: Acting, action: Action): Acting {
  const role = roleFor(who.roles, action);
  if (!role)
    throw new AppError('forbidden', {
      id: 'services/may-not-do-needs',
      params: { name: who.name, action, value: who.roles.join(', ') },
    });
  who.role = role;
  return who;
}

export interface CallScope {
  /** The session the call came through (the host's key for it), if any. */
  session: string | null;
  acting: Acting | null;
}

const storage = new AsyncLocalStorage<CallScope>();

/** Runs `fn` in `scope`. */
export function runInScope<T>(scope: CallScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** Runs `fn` acting as `acting` (the host's own work: setup, a restore from the command line). */
export function runAs<T>(acting: Acting | null, fn: () => T): T {
  return storage.run({ session: storage.getStore()?.session ?? null, acting }, fn);
}

/** The account this call acts for, if any. */
export function currentActing(): Acting | null {
  return storage.getStore()?.acting ?? null;
}

/** The session this call came through, if any. */
export function currentSession(): string | null {
  return storage.getStore()?.session ?? null;
}
