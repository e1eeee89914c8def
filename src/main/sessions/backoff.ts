// Sign-in slows down after repeated failures for a name: the first three tries are free, then each
// further try waits 5 s, 10 s, 20 s … up to 5 minutes after the last failure. Tries during the wait are
// refused without being checked (they cost nothing and prove nothing). A success clears the count.
import type { Failures } from '../keyring/keyring';

export const FREE_TRIES = 3;
export const MAX_DELAY_SECONDS = 300;

/** Seconds to wait after `failures` consecutive failures before the next try is checked. */
export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_SECONDS, 5 * 2 ** (failures - FREE_TRIES));
}

/** Whole seconds left before a name may try again (0: now). */
export function secondsToWait(f: Failures | undefined, now: Date): number {
  if (!f) return 0;
  const until = Date.parse(f.last) + delayAfter(f.count) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export function afterFailure(f: Failures | undefined, now: Date): Failures {
  return { count: (f?.count ?? 0) + 1, last: now.toISOString() };
}
