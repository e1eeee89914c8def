// Sign-in slows down for an address that keeps failing, whatever names it tries (the accounts' own
// back-off, sessions/backoff.ts, slows down one name from every address). An address gets more free
// tries than a name (a team behind one NAT address shares it), then waits as a name does. Failures are
// forgotten after a quiet spell; a success does not clear them, so that an attacker with one account of
// their own cannot reset the count between guesses at others'.
import { delayAfter, FREE_TRIES } from '../sessions/backoff';

export const ADDRESS_FREE_TRIES = 10;
/** Failures older than this (since the last one) are forgotten. */
export const ADDRESS_FORGET_MS = 15 * 60_000;
const MAX_ADDRESSES = 10_000;

interface Failures {
  count: number;
  last: number;
}

/** Seconds an address must wait after `count` failures, the last at `last`, at `now`. */
export function addressWait(f: Failures | undefined, now: number): number {
  if (!f || now - f.last > ADDRESS_FORGET_MS) return 0;
  const delay = delayAfter(f.count - (ADDRESS_FREE_TRIES - FREE_TRIES));
  return Math.max(0, Math.ceil((f.last + delay * 1000 - now) / 1000));
}

export class AddressLimiter {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Whole seconds before `address` may try to sign in again (0: now). */
  secondsToWait(address: string): number {
    return addressWait(this.failures.get(address), this.clock());
  }

  fail(address: string): void {
    const now = this.clock();
    const f = this.failures.get(address);
    const count = f && now - f.last <= ADDRESS_FORGET_MS ? f.count + 1 : 1;
    this.failures.delete(address);
    this.failures.set(address, { count, last: now });
    // Bounded memory: the oldest entries go first (a Map keeps insertion order).
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= MAX_ADDRESSES) break;
      this.failures.delete(oldest);
    }
  }
}
