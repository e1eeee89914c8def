// People in real Chromium, through browser mode: a first run that offers nothing but setup (organisation,
// first administrator with the services' passphrase strength check, sample workspace, recovery key once),
// the People screen (add with roles, reset a passphrase, disable), the sign-in with its refusals and
// back-off, the lock after idle that keeps unsaved work, switching user, and a draft approved with the
// approver's passphrase in a dialog while the drafter's own approval is refused with the reason. Every
// screen is checked with axe; screenshots in English and French go to test-artifacts/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/shared/domain/accounts';
import type { DraftRecord, PlanRecord } from '../../src/shared/domain/drafting-records';
import type { Acting } from '../helpers/db';
import { ADMIN } from '../helpers/people';
import { axeViolations, sidewaysOverflow, startE2E, type E2E } from './harness';

let e2e: E2E;
/** The services' clock: real time, moved on by `later` (to let a session go idle), or held still. */
let offset = 0;
let heldAt: number | null = null;
const clock = () => new Date(heldAt ?? Date.now() + offset);

const ANA = { name: 'Ana Ruiz', passphrase: 'copper-lantern-orchard-violin-58' };
const LI = { name: 'Li Wei', passphrase: 'saffron-glacier-piano-meadow-17' };
const MARIE = { name: 'Marie Gagnon', passphrase: 'tundra-whistle-cobalt-harvest-63' };

async function noAxeViolations(): Promise<void> {
  expect(await axeViolations(e2e.page)).toEqual([]);
}

/** Toasts go away on their own; for a screenshot, dismiss them now. */
async function dismissToasts(): Promise<void> {
  const buttons = e2e.page.locator('.toasts .toast > button:last-child');
  while ((await buttons.count()) > 0) await buttons.first().click();
}

async function setFrench(french: boolean): Promise<void> {
  // The last one: the lock screen's own when it covers the app (whose header is then inert).
  await e2e.page
    .getByTestId('language-switch')
    .last()
    .selectOption(french ? 'fr' : 'en');
}

describe('people, sessions and signatures, end to end (http)', () => {
  beforeAll(async () => {
    e2e = await startE2E({ setUp: false, clock, viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('offers nothing but setup on a first run, and sets up with a strong passphrase and the sample', async () => {
    const { page, app } = e2e;
    const form = page.getByTestId('setup-form');
    await page.getByRole('heading', { name: 'Set up Threshold' }).waitFor();
    // Nothing else works before setup, whatever calls it.
    const refused = await app.dispatch('threats:list', {});
    expect(refused.ok ? null : refused.error.code).toBe('needs-setup');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await form.getByLabel('Organisation’s name (English)').fill('Elections Lakeshore');
    await form.getByLabel('Organisation’s name (French)').fill('Élections Lakeshore');
    await form.getByLabel('Website').fill('elections.lakeshore.example');
    await form.getByLabel('Administrator’s name').fill(ADMIN.name);
    // A weak passphrase: the services say why, as it is typed.
    await form.getByLabel('Administrator’s passphrase').fill('lakeshore2027');
    const strength = form.getByTestId('passphrase-strength');
    await strength.getByText(/^Strength: /).waitFor();
    expect(await strength.textContent()).not.toContain('Strong enough');
    expect(await strength.locator('li').count()).toBeGreaterThan(0);
    await form.getByLabel('Passphrase again').fill('lakeshore2027');
    await form.getByRole('button', { name: 'Set up Threshold' }).click();
    await form.getByText(/^Some fields need attention: .*Administrator’s passphrase/).waitFor();
    await form.getByText('This passphrase is not strong enough: see why above.').waitFor();
    await noAxeViolations();

    // French: the same screen, and the services' reasons in French.
    await setFrench(true);
    await page.getByRole('heading', { name: 'Configurer Threshold' }).waitFor();
    await form.getByLabel('Phrase de passe de l’administrateur').fill('lakeshore2027!');
    await strength.getByText(/^Robustesse\s:/).waitFor();
    expect(await strength.locator('li').first().textContent()).toMatch(/essais|deviner|mots/);
    await strength.scrollIntoViewIfNeeded();
    await e2e.shot('people-01-setup-fr');
    await setFrench(false);

    await form.getByLabel('Administrator’s passphrase').fill(ADMIN.passphrase);
    await strength.getByText('Strength: strong. Strong enough to use.').waitFor();
    await form.getByLabel('Passphrase again').fill(ADMIN.passphrase);
    await form.getByLabel('Load the sample workspace').check();
    await strength.scrollIntoViewIfNeeded();
    await e2e.shot('people-02-setup-administrator-en');
    await page.evaluate(() => window.scrollTo(0, 0));
    await e2e.shot('people-02-setup-top-en');
    await form.getByRole('button', { name: 'Set up Threshold' }).click();

    // The recovery key, once; the app opens when the person says they kept it.
    await page.getByRole('heading', { name: 'Keep the recovery key' }).waitFor();
    const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await noAxeViolations();
    await e2e.shot('people-03-recovery-key-en');
    await page.getByRole('button', { name: 'Continue to Threshold' }).click();
    await page.getByText('Confirm that you have kept the recovery key first.').waitFor();
    await page.getByLabel('I have written the recovery key down and kept it somewhere safe').check();
    await page.getByRole('button', { name: 'Continue to Threshold' }).click();
    await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    expect(await page.getByTestId('identity').textContent()).toContain(ADMIN.name);
    // The recovery key is never shown again.
    expect(await page.getByText(key).count()).toBe(0);
    // The test's own administrator session, for calls made around the interface.
    await app.call('session:signIn', ADMIN);
    const profile = await app.call<{ name: { fr: string }; website: string }>('profile:get');
    expect(profile).toMatchObject({
      name: { fr: 'Élections Lakeshore' },
      website: 'elections.lakeshore.example',
    });
  });

  it('lets the administrator add people with roles, reset a passphrase and disable an account', async () => {
    const { page, app } = e2e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People and roles' }).waitFor();

    await page.getByRole('button', { name: 'Add a person' }).click();
    const add = page.getByRole('dialog', { name: 'Add a person' });
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill(MARIE.name);
    await add.getByRole('button', { name: 'Add the person' }).click();
    await add.getByText('Choose at least one role.').waitFor();
    await add.getByRole('checkbox', { name: /^Approver/ }).check();
    await add.getByLabel('First passphrase').fill('marie2027');
    await add.getByLabel('Passphrase again').fill('marie2027');
    await add
      .getByTestId('passphrase-strength')
      .getByText(/^Strength: /)
      .waitFor();
    await add.getByRole('button', { name: 'Add the person' }).click();
    await add.getByText('This passphrase is not strong enough: see why above.').waitFor();
    await add.getByLabel('First passphrase').fill(MARIE.passphrase);
    await add.getByLabel('Passphrase again').fill(MARIE.passphrase);
    await add
      .getByTestId('passphrase-strength')
      .getByText(/Strong enough/)
      .waitFor();
    await noAxeViolations();
    await e2e.shot('people-04-add-person-en');
    await add.getByRole('button', { name: 'Add the person' }).click();
    await page.getByText(`${MARIE.name} can now sign in.`).waitFor();
    const table = page.getByTestId('accounts-table');
    const row = (name: string) => table.locator(`tr[data-account="${name}"]`);
    // The list is read again after the toast: wait for the row rather than read it at once.
    await row(MARIE.name).waitFor();
    expect(await row(MARIE.name).textContent()).toContain('Approver');
    const marie = (await app.call<{ accounts: AccountView[] }>('accounts:list')).accounts.find(
      (a) => a.name === MARIE.name,
    );
    expect(marie?.roles).toEqual(['approver']);

    // Ana drafts (and holds the approver role too); Li reviews. Added by the services directly.
    await app.call('accounts:create', { ...ANA, roles: ['analyst', 'communications', 'approver'] });
    await app.call('accounts:create', {
      name: LI.name,
      roles: ['reviewer'],
      passphrase: 'forgotten-walnut-sierra-92-x',
    });
    await app.call('accounts:create', {
      name: 'Sam Temp',
      roles: ['analyst'],
      passphrase: 'gravel-mosaic-yonder-flute-30',
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Threat log' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();

    // Li forgot their passphrase: the administrator sets a new one.
    await page.getByRole('button', { name: `Reset passphrase… — ${LI.name}` }).click();
    const reset = page.getByRole('dialog', { name: `New passphrase for ${LI.name}` });
    await reset.getByLabel('New passphrase').fill(LI.passphrase);
    await reset.getByLabel('Passphrase again').fill(LI.passphrase);
    await reset
      .getByTestId('passphrase-strength')
      .getByText(/Strong enough/)
      .waitFor();
    await reset.getByRole('button', { name: 'Set the passphrase' }).click();
    await page.getByText(`${LI.name} has a new passphrase.`).waitFor();

    // Sam leaves: disabled, kept in the list, and refused at sign-in.
    await page.getByRole('button', { name: 'Disable… — Sam Temp' }).click();
    await page
      .getByRole('dialog', { name: 'Disable Sam Temp?' })
      .getByRole('button', { name: 'Disable the account' })
      .click();
    await page.getByText('Sam Temp is disabled.').waitFor();
    // The list is read again after the toast: wait until the row shows the new state.
    await row('Sam Temp').getByText('Disabled', { exact: true }).waitFor();
    expect(await row('Sam Temp').textContent()).toContain('Disabled');
    const sam = await app.host.dispatch(
      'session:signIn',
      { name: 'Sam Temp', passphrase: 'gravel-mosaic-yonder-flute-30' },
      { session: 'test-sam' },
    );
    expect(sam.ok ? null : sam.error.code).toBe('sign-in-refused');
    // Nobody disables themselves: no such button on one's own row.
    expect(await page.getByRole('button', { name: `Disable… — ${ADMIN.name}` }).count()).toBe(0);
    await noAxeViolations();
    await dismissToasts();
    await e2e.shot('people-05-accounts-en');
    await setFrench(true);
    await page.getByRole('heading', { name: 'Personnes et rôles' }).waitFor();
    // At 1280 px in French the table's actions wrap inside the screen rather than run off its edge.
    const tableRight = await page
      .getByTestId('accounts-table')
      .evaluate((table) => table.getBoundingClientRect().right);
    expect(tableRight).toBeLessThanOrEqual(1280);
    expect(await sidewaysOverflow(page)).toBe(0);
    await e2e.shot('people-06-accounts-fr');
    await setFrench(false);
  });

  it('locks after the idle time, keeps unsaved work on screen, and unlocks with the passphrase', async () => {
    const { page } = e2e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Threat log' }).click();
    await page.getByRole('button', { name: 'Record a threat' }).first().click();
    const title = page.getByLabel('Title (unclassified)');
    await title.fill('Unsaved: robocalls giving the wrong polling date');

    // Sixteen minutes pass without a call (the default idle time is 15 minutes).
    offset += 16 * 60_000;
    const lock = page.getByRole('dialog', { name: 'Threshold is locked' });
    await lock.waitFor({ timeout: 60_000 });
    await lock.getByText(`Locked for ${ADMIN.name}.`, { exact: false }).waitFor();
    // The app underneath cannot be reached while locked.
    expect(await page.locator('.app-frame[inert]').count()).toBe(1);
    await noAxeViolations();
    await e2e.shot('people-07-locked-en');
    await setFrench(true);
    await page.getByRole('dialog', { name: 'Threshold est verrouillé' }).waitFor();
    await e2e.shot('people-08-locked-fr');
    await setFrench(false);

    await lock.getByLabel(`Passphrase for ${ADMIN.name}`).fill('not-the-right-one-at-all');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await lock.getByText('The name or the passphrase is not right.').waitFor();
    await lock.getByLabel(`Passphrase for ${ADMIN.name}`).fill(ADMIN.passphrase);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await lock.waitFor({ state: 'detached' });
    // What was typed is still there.
    expect(await title.inputValue()).toBe('Unsaved: robocalls giving the wrong polling date');
  });

  it('switches user: someone else signs in on the same window, with the menus their roles allow', async () => {
    const { page } = e2e;
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('switch-user').click();
    const lock = page.getByRole('dialog', { name: 'Switch user' });
    await lock.getByLabel('Name', { exact: true }).fill(LI.name);
    await lock.getByLabel('Passphrase', { exact: true }).fill(LI.passphrase);
    await lock.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('identity').filter({ hasText: LI.name }).waitFor();
    // A reviewer is not offered People (and the services refuse it all the same).
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Threat log' }).waitFor();
    expect(await nav.getByRole('link', { name: 'People' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Threat log' }).click();
    await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    expect(await page.getByRole('button', { name: 'Record a threat' }).count()).toBe(0);
    // Nor import or export, which the services refuse a reviewer.
    expect(await page.getByRole('button', { name: 'Import…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Export/ }).count()).toBe(0);
    expect(await page.getByTestId('stix-export').count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/accounts'));
    await page.getByText(/Li Wei may not do this/).waitFor();
  });

  it('signs in with Name, Passphrase and Sign in; refuses a wrong passphrase and slows down after failures', async () => {
    const { page } = e2e;
    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: 'Sign in to Threshold' }).waitFor();
    const form = page.getByTestId('sign-in-form');
    const name = form.getByLabel('Name', { exact: true });
    const passphrase = form.getByLabel('Passphrase', { exact: true });
    const signIn = form.getByRole('button', { name: 'Sign in', exact: true });
    await noAxeViolations();
    await e2e.shot('people-09-sign-in-en');
    await setFrench(true);
    await page.getByRole('heading', { name: 'Connexion à Threshold' }).waitFor();
    await form.getByLabel('Nom', { exact: true }).waitFor();
    await form.getByLabel('Phrase de passe', { exact: true }).waitFor();
    await form.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
    await e2e.shot('people-10-sign-in-fr');
    await setFrench(false);

    // The test's own administrator session went idle with the window's: signed in again.
    await e2e.app.call('session:signIn', ADMIN);
    // The clock holds still, so that the back-off is exactly as the services count it.
    heldAt = Date.now() + offset;
    const refusal = form.getByRole('alert');
    for (let i = 1; i <= 2; i++) {
      await name.fill(MARIE.name);
      await passphrase.fill(`wrong-${i}`);
      await signIn.click();
      // A refused passphrase is cleared, and the refusal says nothing about which names exist.
      await expect.poll(() => passphrase.inputValue()).toBe('');
      expect(await refusal.textContent()).toBe('The name or the passphrase is not right.');
    }
    await passphrase.fill('wrong-3');
    await signIn.click();
    await form
      .getByText(
        'The name or the passphrase is not right. After 3 failed tries, the next try for this name must wait 5 seconds.',
      )
      .waitFor();
    await passphrase.fill(MARIE.passphrase);
    await signIn.click();
    await form.getByText('Too many failed sign-ins for this name: try again in 5 seconds.').waitFor();
    await noAxeViolations();
    await e2e.shot('people-11-sign-in-backoff-en');
    // The failures are in the audit log.
    const audit = await e2e.app.call<{ entries: { action: string }[] }>('audit:list', { limit: 50 });
    expect(audit.entries.filter((e) => e.action === 'session.sign-in-failed').length).toBeGreaterThanOrEqual(
      3,
    );
    // Once the wait is over, the right passphrase signs in.
    heldAt = null;
    offset += 10_000;
    await passphrase.fill(MARIE.passphrase);
    await signIn.click();
    await page.getByTestId('identity').filter({ hasText: MARIE.name }).waitFor();
  });

  it('approves a draft with the approver’s passphrase in a dialog; the drafter’s own approval is refused', async () => {
    const { page, app } = e2e;
    await app.call('session:signIn', ADMIN);
    // Ana drafts a statement and Li reviews it (through the services); the approval is the interface's.
    const ana = (await app.signIn(ANA)) as Acting;
    const plan = await ana.call<PlanRecord>('drafting:createPlan', {
      threatIds: ['lk27-001'],
      cluster: false,
      asOf: '2027-05-12T12:00:00Z',
    });
    const draft = await ana.call<DraftRecord>('drafting:createDraft', {
      planId: plan.id,
      template: 'public-statement',
    });
    const li = await app.signIn(LI);
    await li.call('drafting:review', { draftId: draft.id, expectedVersion: 1 });

    // Ana holds the approver role, but she wrote it: refused, with the reason, even with her passphrase.
    await e2e.signInAs(ANA);
    await page.evaluate((id) => (window.location.hash = `#/drafting/${id}`), draft.id);
    const approval = page.getByTestId('approval-panel');
    await approval.getByRole('button', { name: 'Approve…' }).click();
    let sign = page.getByRole('dialog', { name: 'Approve version 1' });
    await sign.getByLabel('Your passphrase').fill(ANA.passphrase);
    await sign.getByRole('button', { name: 'Approve', exact: true }).click();
    await sign
      .getByTestId('fresh-refusal')
      .filter({ hasText: /^Refused: .*Ana Ruiz/ })
      .waitFor();
    await e2e.shot('people-12-self-approval-refused-en');
    await sign.getByRole('button', { name: 'Cancel' }).click();

    // Marie approves: the dialog asks her passphrase again; a wrong one is refused.
    await e2e.signInAs(MARIE);
    await approval.getByRole('button', { name: 'Approve…' }).click();
    sign = page.getByRole('dialog', { name: 'Approve version 1' });
    // The passphrase field has the focus as the dialog opens.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'password',
    );
    await noAxeViolations();
    await e2e.shot('people-13-approve-passphrase-en');
    await setFrench(true);
    sign = page.getByRole('dialog', { name: 'Approuver la version 1' });
    await sign.getByLabel('Votre phrase de passe').waitFor();
    await e2e.shot('people-14-approve-passphrase-fr');
    await setFrench(false);
    sign = page.getByRole('dialog', { name: 'Approve version 1' });
    await sign.getByLabel('Your passphrase').fill('not-maries-passphrase');
    await sign.getByRole('button', { name: 'Approve', exact: true }).click();
    await sign.getByTestId('fresh-refusal').waitFor();
    await sign.getByLabel('Your passphrase').fill(MARIE.passphrase);
    await sign.getByRole('button', { name: 'Approve', exact: true }).click();
    await sign.waitFor({ state: 'detached' });
    await page.getByText('Version 1 approved.').waitFor();
    await approval.getByTestId('signoff-approved').getByText(MARIE.name, { exact: false }).waitFor();
    expect(await approval.getByTestId('signoff-drafted').textContent()).toContain(ANA.name);
    expect(await approval.getByTestId('signoff-reviewed').textContent()).toContain(LI.name);
    expect(await approval.getByTestId('signoff-approved').textContent()).toContain(MARIE.name);
    const stored = await app.call<DraftRecord>('drafting:getDraft', { draftId: draft.id });
    expect(stored.draft.status).toBe('approved');
  });

  it('asks the approver’s passphrase again, in a dialog, to decide to speak publicly', async () => {
    const { page, app } = e2e;
    await page.evaluate(() => (window.location.hash = '#/log/lk27-001'));
    await page.getByTestId('detail-panel').waitFor();
    await page.getByRole('tab', { name: 'Should we speak?' }).click();
    const form = page.getByTestId('decision-form');
    await form.scrollIntoViewIfNeeded();
    await form.getByRole('radio', { name: /^Speak publicly/ }).check();
    await form.getByLabel(/^Rationale/).fill('Voters are being told their mail-in ballots will not count.');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    const sign = page.getByRole('dialog', { name: 'Sign the decision to speak publicly' });
    await sign.getByText(`You decide “Speak publicly” as ${MARIE.name}.`, { exact: false }).waitFor();
    await noAxeViolations();
    await e2e.shot('people-15-decide-passphrase-en');
    await sign.getByLabel('Your passphrase').fill(MARIE.passphrase);
    await sign.getByRole('button', { name: 'Sign and record' }).click();
    await sign.waitFor({ state: 'detached' });
    await form.getByText(/Decision recorded with assessment #\d+/).waitFor();
    const history = await app.call<
      { decisions: { decidedBy: string; level: string; signature?: string }[] }[]
    >('assessment:history', { threatId: 'lk27-001' });
    expect(history[0]?.decisions[0]).toMatchObject({
      decidedBy: MARIE.name,
      level: 'speak-publicly',
      signature: expect.any(String),
    });
  });
});
