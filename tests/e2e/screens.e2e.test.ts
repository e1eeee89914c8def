// Every screen, in both languages: it renders, axe finds no serious or critical violation, the
// navigation is reachable from the keyboard, and a screenshot is saved to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await e2e.page.getByRole('button', { name: 'Load the sample workspace' }).click();
  await e2e.page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

async function screensOf(lang: 'en' | 'fr') {
  const { page } = e2e;
  await page.getByTestId('language-switch').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  const links = page.getByRole('navigation').first().getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < count; i++) {
    const link = page.getByRole('navigation').first().getByRole('link').nth(i);
    const href = (await link.getAttribute('href'))!;
    // Keyboard: focus the link and follow it with Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(300);
    const violations = await axeViolations(page);
    expect(violations, `${lang} ${href}`).toEqual([]);
    await e2e.shot(`screens-${lang}-${href.replace(/[#/]/g, '') || 'log'}`);
  }
}

describe('every screen', () => {
  it('in English', async () => {
    await screensOf('en');
  });

  it('the threat panel tabs and the form, in English', async () => {
    const { page } = e2e;
    await page.getByRole('navigation').first().getByRole('link').first().click();
    await page.locator('[role="row"][data-threat-id]').first().click();
    await page.getByTestId('detail-panel').waitFor();
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await page.waitForTimeout(400);
      expect(await axeViolations(page), (await tab.textContent()) ?? '').toEqual([]);
    }
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: /Edit threat/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot('screens-en-threat-edit');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('in French, with no English left on the screens', async () => {
    await screensOf('fr');
    const { page } = e2e;
    await page.getByRole('navigation').first().getByRole('link').first().click();
    const text = await page.locator('body').innerText();
    for (const english of [
      'Threat log',
      'Record a threat',
      'Search the log',
      'Show deleted threats',
      'Who is using Threshold?',
    ]) {
      expect(text, english).not.toContain(english);
    }
  });
});
