// The policy's outcome follow-up (`outcomes.followUpDays`: days after a response with no outcome observation
// before the dashboard lists it), edited on the Policy screen in real Chromium: shown at its default, checked
// as it is typed (a bad value named at the field and refused on save, the policy in force staying), guarded
// against leaving with unsaved edits, saved as a new version the dashboard then uses; in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/shared/domain/policy';
import { steppingClock } from '../helpers/db';
import { axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({
    viewport: { width: 1280, height: 800 },
    clock: steppingClock('2027-05-20T12:00:00.000Z'),
  });
  await e2e.app.call('workspace:loadSample');
  await e2e.page.reload();
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

const LABEL = 'Days after a response before an outcome is due';

describe('the outcome follow-up on the Policy screen', () => {
  it('shows the default, names a bad value at the field, and refuses to save it', async () => {
    const { page } = e2e;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Intervention policy' })
      .click();
    await page.getByRole('heading', { name: 'Intervention policy', level: 1 }).waitFor();
    const section = page.getByRole('group', { name: 'After a response' });
    const days = section.getByLabel(LABEL);
    expect(await days.inputValue()).toBe('7');
    // Its help is the setting's description.
    await section
      .getByText(
        'A response with no outcome observation after this many days is listed on the dashboard, to be followed up.',
      )
      .waitFor();

    await days.fill('0');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    expect(await section.locator('.field__error').textContent()).toBe('This must be 1 or more.');
    // The live preview says why the edited policy is not valid, by the part of the policy it is in.
    const preview = page.getByTestId('preview-problems');
    await preview.filter({ hasText: 'After a response' }).waitFor();
    // Saving does not put it in force.
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    expect(await page.getByText('No edits to save.').count()).toBe(0);
    await e2e.shot('policy-follow-up-invalid-en');
    expect((await e2e.app.call<Policy>('policy:get', {})).version).toBe(1);

    await days.fill('366');
    await expect.poll(() => section.locator('.field__error').textContent()).toBe('This must be 365 or less.');
    await days.fill('3.5');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks before leaving with the edit unsaved, then saves it as a new version the dashboard uses', async () => {
    const { page } = e2e;
    const days = page.getByRole('group', { name: 'After a response' }).getByLabel(LABEL);
    await days.fill('3');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBeNull();
    // Leaving asks in the app's own dialog; staying (the default) keeps the edit.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    expect(await days.inputValue()).toBe('3');

    await page.getByLabel('Note for the record (why the change)').fill('Follow up sooner');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Policy version 2 saved and in force.', { exact: false }).first().waitFor();
    await page.getByText('No edits to save.').waitFor();
    const policy = await e2e.app.call<Policy>('policy:get', {});
    expect(policy.version).toBe(2);
    expect(policy.outcomes?.followUpDays.value).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'After a response' }).scrollIntoViewIfNeeded();
    await e2e.shot('policy-follow-up-saved-en');

    // Saved: leaving asks nothing, and the dashboard counts with 3 days.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const card = page.getByTestId('responses-card');
    await card.waitFor();
    expect(await ask.count()).toBe(0);
    expect(await card.getByLabel(LABEL).inputValue()).toBe('3');
  });

  it('reads in French, with French typography', async () => {
    const { page } = e2e;
    await page.getByTestId('language-switch').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Politique d’intervention' }).click();
    await page.getByRole('heading', { name: 'Politique d’intervention', level: 1 }).waitFor();
    const section = page.getByRole('group', { name: 'Après une intervention' });
    const days = section.getByLabel('Jours après une intervention avant qu’un résultat soit attendu');
    expect(await days.inputValue()).toBe('3');
    await section
      .getByText(
        'Une intervention sans observation de résultat après ce nombre de jours est signalée au tableau de bord, pour un suivi.',
        {
          exact: true,
        },
      )
      .waitFor();
    await days.fill('0');
    const error = (await section.locator('.field__error').textContent()) ?? '';
    expect(error.length).toBeGreaterThan(0);
    // Canadian French: a no-break space before a colon, none before ; ! ?
    expect(error).not.toMatch(/[^\u00a0\u202f]:|[ \u00a0\u202f][;!?]/);
    // The preview names the part of the policy in French too.
    await page.getByTestId('preview-problems').filter({ hasText: 'Après une intervention' }).waitFor();
    const toasts = page.getByRole('button', { name: 'Masquer' });
    for (let n = await toasts.count(); n > 0; n--) await toasts.first().click();
    await section.scrollIntoViewIfNeeded();
    await e2e.shot('policy-follow-up-invalid-fr');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abandonner les modifications' }).click();
    expect(await days.inputValue()).toBe('3');
  });
});
