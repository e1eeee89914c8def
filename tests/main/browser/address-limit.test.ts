// Sign-in back-off per address: free tries, then growing waits; forgotten after a quiet spell; a success
// does not clear it (an attacker's own account cannot reset the count).
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_FORGET_MS,
  ADDRESS_FREE_TRIES,
  AddressLimiter,
  addressWait,
} from '../../../src/main/browser/address-limit';

describe('AddressLimiter', () => {
  it('lets an address fail freely up to its allowance, then makes it wait, longer each time', () => {
    let now = 1_000_000;
    const limiter = new AddressLimiter(() => now);
    for (let i = 0; i < ADDRESS_FREE_TRIES - 1; i++) {
      limiter.fail('10.0.0.7');
      expect(limiter.secondsToWait('10.0.0.7')).toBe(0);
    }
    limiter.fail('10.0.0.7');
    expect(limiter.secondsToWait('10.0.0.7')).toBe(5);
    expect(limiter.secondsToWait('10.0.0.8')).toBe(0);
    now += 5_000;
    expect(limiter.secondsToWait('10.0.0.7')).toBe(0);
    limiter.fail('10.0.0.7');
    expect(limiter.secondsToWait('10.0.0.7')).toBe(10);
  });

  it('forgets an address after a quiet spell, and never waits more than five minutes', () => {
    expect(addressWait({ count: 50, last: 0 }, 0)).toBe(300);
    expect(addressWait({ count: 50, last: 0 }, ADDRESS_FORGET_MS + 1)).toBe(0);
    let now = 0;
    const limiter = new AddressLimiter(() => now);
    for (let i = 0; i < ADDRESS_FREE_TRIES; i++) limiter.fail('a');
    now += ADDRESS_FORGET_MS + 1;
    limiter.fail('a');
    expect(limiter.secondsToWait('a')).toBe(0);
  });
});
