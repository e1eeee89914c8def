// People, sessions and permissions through the one dispatcher every entry point uses: passphrases kept as
// scrypt verifiers, weak ones refused with the reason, nothing before setup, a wrong passphrase and a
// disabled account refused, sign-in slowed down after failures (and the failures audited), the idle lock,
// the permission table enforced for every channel, and who acted always the signed-in account.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_REFUSED, type AccountView, type Role } from '../../../src/shared/domain/accounts';
import type { AuditPage } from '../../../src/shared/domain/audit';
import { ACTIONS, PERMISSIONS, can, type Action } from '../../../src/shared/domain/permissions';
import type { SessionStatus } from '../../../src/shared/domain/session';
import { CHANNEL_ACCESS } from '../../../src/shared/ipc/access';
import { AppHost } from '../../../src/main/app-host';
import type { Result } from '../../../src/shared/errors';
import { ASSETS_DIR, openTestApp, tempDir } from '../../helpers/db';
import path from 'node:path';
import { election } from '../../fixtures/mini-workspace';

const errorOf = (r: Result<unknown>) => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
};

/** A clock the test moves. */
function movableClock(start = '2027-05-01T12:00:00.000Z') {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

describe('accounts', () => {
  it('keeps a passphrase as a scrypt verifier, never the passphrase itself', async () => {
    const app = await openTestApp();
    const sam = await app.person('Sam Okoro', ['analyst']);
    const row = app.db
      .prepare('SELECT credential, private_key FROM accounts WHERE name = ?')
      .get(sam.name) as {
      credential: string;
      private_key: string;
    };
    const credential = JSON.parse(row.credential) as { kdf: { alg: string; N: number }; verifier: string };
    expect(credential.kdf.alg).toBe('scrypt');
    expect(credential.kdf.N).toBeGreaterThanOrEqual(1024);
    expect(credential.verifier).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(`${row.credential}${row.private_key}`).not.toContain(sam.passphrase);
  });

  it('refuses a weak passphrase, saying why, and creates nothing', async () => {
    const app = await openTestApp();
    const before = (await app.call<{ accounts: AccountView[] }>('accounts:list')).accounts.length;
    for (const weak of ['password123', 'Sam Okoro 2027', 'aaaaaaaaaaaa']) {
      const e = errorOf(
        await app.dispatch('accounts:create', { name: 'Sam Okoro', roles: ['analyst'], passphrase: weak }),
      );
      expect(e.code).toBe('weak-passphrase');
      expect(e.message).toMatch(/too weak: .+\. Nothing was changed\./);
    }
    expect((await app.call<{ accounts: AccountView[] }>('accounts:list')).accounts.length).toBe(before);
  });

  it('refuses a wrong passphrase and a disabled account with the same sentence, and audits the failures', async () => {
    const app = await openTestApp();
    const sam = await app.person('Sam Okoro', ['analyst']);
    const wrong = errorOf(
      await app.dispatch('session:signIn', { name: sam.name, passphrase: 'not-the-right-one-at-all' }),
    );
    expect(wrong).toMatchObject({ code: 'sign-in-refused', message: SIGN_IN_REFUSED });
    const nobody = errorOf(
      await app.dispatch('session:signIn', { name: 'Nobody Here', passphrase: sam.passphrase }),
    );
    expect(nobody.message).toBe(SIGN_IN_REFUSED);

    // Disabled: their session ends at once, and signing in is refused even with the right passphrase.
    const { accounts } = await app.call<{ accounts: AccountView[] }>('accounts:list');
    const id = accounts.find((a) => a.name === sam.name)!.id;
    await app.call('accounts:disable', { id });
    expect(errorOf(await sam.dispatch('threats:list', {})).code).toBe('not-signed-in');
    const disabled = errorOf(
      await sam.dispatch('session:signIn', { name: sam.name, passphrase: sam.passphrase }),
    );
    expect(disabled).toMatchObject({ code: 'sign-in-refused', message: SIGN_IN_REFUSED });

    const audit = await app.call<AuditPage>('audit:list', { subject: 'session' });
    expect(audit.entries.filter((e) => e.action === 'session.sign-in-failed').length).toBe(3);
    expect((await app.call<{ ok: boolean }>('audit:verify')).ok).toBe(true);
  });

  it('slows sign-in down after repeated failures, even with the right passphrase, until the wait is over', async () => {
    const clock = movableClock();
    const app = await openTestApp({ clock });
    const sam = await app.person('Sam Okoro', ['analyst']);
    const attempt = (passphrase: string) => sam.dispatch('session:signIn', { name: sam.name, passphrase });
    for (let i = 0; i < 3; i++)
      expect(errorOf(await attempt(`wrong-${i}-passphrase-here`)).code).toBe('sign-in-refused');
    const waiting = errorOf(await attempt(sam.passphrase));
    expect(waiting.code).toBe('try-later');
    expect(waiting.message).toMatch(/try again in \d+ seconds?/);
    clock.advance(6 * 60_000);
    expect((await attempt(sam.passphrase)).ok).toBe(true);
  });

  it('locks a session after the idle time (15 minutes by default, configurable); the passphrase unlocks it', async () => {
    const clock = movableClock();
    const app = await openTestApp({ clock });
    const sam = await app.person('Sam Okoro', ['analyst']);
    expect((await sam.call<SessionStatus>('session:status')).idleMinutes).toBe(15);
    clock.advance(14 * 60_000);
    expect((await sam.dispatch('threats:list', {})).ok).toBe(true);
    clock.advance(15 * 60_000 + 1000);
    expect(errorOf(await sam.dispatch('threats:list', {})).code).toBe('session-locked');
    expect((await sam.call<SessionStatus>('session:status')).state).toBe('locked');
    expect(
      errorOf(await sam.dispatch('session:unlock', { passphrase: 'not-the-right-one-at-all' })).code,
    ).toBe('sign-in-refused');
    expect((await sam.call<SessionStatus>('session:unlock', { passphrase: sam.passphrase })).state).toBe(
      'signed-in',
    );

    // An administrator sets 5 minutes (their session locked too, meanwhile); an analyst may not.
    await app.call('session:unlock', { passphrase: app.passphrase });
    expect(errorOf(await sam.dispatch('session:setIdleMinutes', { minutes: 60 })).code).toBe('forbidden');
    await app.call('session:setIdleMinutes', { minutes: 5 });
    clock.advance(5 * 60_000 + 1000);
    expect(errorOf(await sam.dispatch('threats:list', {})).code).toBe('session-locked');
  });

  it('does nothing before setup but setup itself', async () => {
    const host = AppHost.open({
      dbPath: path.join(tempDir(), 'threshold.db'),
      mode: 'cli',
      assetsDir: ASSETS_DIR,
      appVersion: 'test',
      autoBackup: false,
    });
    try {
      const caller = { session: 'before-setup' };
      expect((await host.dispatch('session:status', {}, caller)).ok).toBe(true);
      for (const channel of ['threats:list', 'workspace:loadSample', 'accounts:list', 'audit:verify'])
        expect(errorOf(await host.dispatch(channel, {}, caller)).code, channel).toBe('needs-setup');
      const signIn = await host.dispatch(
        'session:signIn',
        { name: 'Avery', passphrase: 'anything-at-all-here' },
        caller,
      );
      expect(errorOf(signIn).code).toBe('needs-setup');
    } finally {
      host.close();
    }
  });
});

describe('the permission table', () => {
  it('gives every action to at least one role, and the administrator accounts, restore and classified export', () => {
    for (const action of ACTIONS)
      expect(
        Object.values(PERMISSIONS).some((actions) => actions.includes(action)),
        action,
      ).toBe(true);
    expect(can(['administrator'], 'accounts.manage')).toBe(true);
    expect(can(['administrator'], 'backups.restore')).toBe(true);
    expect(can(['administrator'], 'export.classified')).toBe(true);
    expect(can(['analyst'], 'decision.record')).toBe(false);
    expect(can(['communications'], 'draft.approve')).toBe(false);
    expect(can(['approver'], 'draft.approve')).toBe(true);
    expect(can(['policy-owner'], 'policy.change')).toBe(true);
    expect(can(['analyst', 'approver'], 'decision.record')).toBe(true);
  });

  it('is enforced for every channel, whatever the payload: a role without the action is refused', async () => {
    const app = await openTestApp();
    const people = new Map<Role, Awaited<ReturnType<typeof app.person>>>();
    const personWithout = async (action: Action) => {
      const role = (Object.keys(PERMISSIONS) as Role[]).find((r) => !PERMISSIONS[r].includes(action));
      if (!role) return null; // every role may (reading)
      if (!people.has(role)) people.set(role, await app.person(`Person ${role}`, [role]));
      return people.get(role)!;
    };
    let checked = 0;
    for (const [channel, access] of Object.entries(CHANNEL_ACCESS)) {
      if (!(ACTIONS as readonly string[]).includes(access)) continue;
      const someone = await personWithout(access as Action);
      if (!someone) continue;
      // Refused before the payload matters: an empty one, and an arbitrary one.
      for (const payload of [{}, { anything: 1 }]) {
        const e = errorOf(await someone.dispatch(channel, payload));
        expect(e.code, `${channel}: ${e.message}`).toBe('forbidden');
        checked++;
      }
    }
    // Every channel that some role may not call was checked (reading is open to every role).
    const restricted = Object.values(CHANNEL_ACCESS).filter(
      (a) =>
        (ACTIONS as readonly string[]).includes(a) &&
        Object.values(PERMISSIONS).some((p) => !p.includes(a as Action)),
    );
    expect(checked / 2).toBe(restricted.length);
  });
});

describe('who acted', () => {
  it('is the signed-in account, never a name in the request', async () => {
    const app = await openTestApp();
    const sam = await app.person('Sam Okoro', ['analyst']);
    const typed = await sam.dispatch('elections:save', {
      election,
      by: 'Avery Admin',
      role: 'administrator',
    });
    expect(errorOf(typed).code).toBe('invalid-request');
    await sam.call('elections:save', { election });
    const [entry] = (await app.call<AuditPage>('audit:list', { subject: `election:${election.id}` })).entries;
    expect(entry).toMatchObject({ actor: 'Sam Okoro', role: 'analyst', signature: expect.any(String) });
  });
});

describe('classified notes in an export', () => {
  it('leave only with an administrator; others export without them', async () => {
    const app = await openTestApp();
    await app.call('workspace:loadSample');
    const sam = await app.person('Sam Okoro', ['analyst']);
    const refused = errorOf(
      await sam.dispatch('workspace:export', { format: 'json', includeClassified: true }),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/classified notes/);
    const without = await sam.call<{ content: string }>('workspace:export', {
      format: 'json',
      includeClassified: false,
    });
    expect(without.content).not.toMatch(/"classifiedNotes":\s*\[\s*\{/);
    const withNotes = await app.call<{ content: string }>('workspace:export', {
      format: 'json',
      includeClassified: true,
    });
    expect(withNotes.content).toMatch(/"classifiedNotes":\s*\[\s*\{/);
  });
});
