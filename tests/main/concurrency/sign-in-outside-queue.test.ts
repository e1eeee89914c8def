// Signing in does not hold everyone's saves: the passphrase's verification (scrypt, in Node's thread pool)
// runs outside the one writer queue, and only the sign-in's own writes (its audit entry, the failure
// count) join the queue. Proven by order, not by time: scrypt answers in a later turn of the event loop,
// while a save that does not wait behind it completes within the current one (its handler is synchronous
// SQLite); so a save dispatched just after a sign-in settles first unless it was queued behind the
// sign-in's verification.
import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../src/shared/domain/session';
import { openTestApp } from '../../helpers/db';
import { election } from '../../fixtures/mini-workspace';

describe('sign-in and the writer queue', () => {
  it('a save does not wait for a sign-in’s passphrase verification', async () => {
    const app = await openTestApp();
    const dana = await app.person('Dana Roy', ['analyst']);
    const settled: string[] = [];
    const signingIn = app.host
      .dispatch('session:signIn', { name: dana.name, passphrase: dana.passphrase }, { session: 'another' })
      .then((r) => {
        settled.push('sign-in');
        return r;
      });
    const saving = app.dispatch('elections:save', { election }).then((r) => {
      settled.push('save');
      return r;
    });
    const [signedIn, saved] = await Promise.all([signingIn, saving]);
    expect(saved.ok).toBe(true);
    expect(signedIn.ok && (signedIn.value as SessionStatus).state).toBe('signed-in');
    expect(settled).toEqual(['save', 'sign-in']);
    // The sign-in's own write still happened, in the queue: its audit entry, after the save's.
    const actions = app.db
      .prepare("SELECT action FROM audit_log WHERE action IN ('election.created', 'session.signed-in')")
      .pluck()
      .all();
    expect(actions.slice(-2)).toEqual(['election.created', 'session.signed-in']);
  });

  it('checks tries for one name one after the other, so that the backoff holds when they arrive together', async () => {
    // As if they came one by one: three free tries, then the wait (backoff.ts); the waiting ones are
    // refused without being checked.
    const app = await openTestApp();
    const dana = await app.person('Dana Roy', ['analyst']);
    const tries = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        app.host.dispatch(
          'session:signIn',
          { name: dana.name, passphrase: `wrong-${i}` },
          { session: `guess-${i}` },
        ),
      ),
    );
    expect(tries.map((r) => !r.ok && r.error.code)).toEqual([
      'sign-in-refused',
      'sign-in-refused',
      'sign-in-refused',
      'try-later',
      'try-later',
    ]);
    const failures = app.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'session.sign-in-failed'")
      .pluck()
      .get();
    expect(failures).toBe(3);
  });
});
