// Every screen read by two checkers (axe-core and HTML_CodeSniffer, the engine pa11y runs), in English and in
// French at 1440×900 and at 1280×800; then the same screens at 200 % zoom of a 1280 px window (640 CSS px)
// and at 400 % (320 CSS px), where nothing may scroll the page sideways (WCAG 1.4.10) and the menu folds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  codeSnifferErrors,
  sidewaysOverflow,
  startE2E,
  EVERY_SCREEN,
  type E2E,
} from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await e2e.page.getByRole('button', { name: 'Load the sample workspace' }).click();
  await e2e.page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

const SCREENS = EVERY_SCREEN;

async function open(hash: string) {
  const { page } = e2e;
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('main h1:visible, main h2:visible').first().waitFor();
  // Lists and charts fill in after the heading.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

async function setLanguage(lang: 'en' | 'fr') {
  const { page } = e2e;
  await page.evaluate((h) => (location.hash = h), '#/log');
  const menu = page.getByRole('button', { name: /^(Menu|Close the menu|Fermer le menu)$/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId('language-switch').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  if (await menu.isVisible()) await menu.click();
}

describe('every screen, read by axe and by HTML_CodeSniffer', () => {
  for (const [lang, width, height] of [
    ['en', 1440, 900],
    ['fr', 1280, 800],
    ['en', 1280, 800],
    ['fr', 1440, 900],
  ] as const) {
    it(`in ${lang === 'en' ? 'English' : 'French'} at ${width}×${height}`, async () => {
      const { page } = e2e;
      await page.setViewportSize({ width, height });
      await setLanguage(lang);
      for (const hash of SCREENS) {
        await open(hash);
        expect(await axeViolations(page), `axe ${lang} ${hash}`).toEqual([]);
        expect(await codeSnifferErrors(page), `HTML_CodeSniffer ${lang} ${hash}`).toEqual([]);
        expect(await sidewaysOverflow(page), `sideways scroll ${lang} ${hash}`).toBeLessThanOrEqual(0);
        await e2e.shot(`a11y-${lang}-${width}x${height}-${hash.replace(/[#/]+/g, '-').slice(1)}`);
      }
    });
  }
});

describe('reflow (WCAG 1.4.10)', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`at 200 % zoom of a 1280×800 window, in ${lang === 'en' ? 'English' : 'French'}: no screen scrolls sideways`, async () => {
      const { page } = e2e;
      await page.setViewportSize({ width: 640, height: 400 });
      await setLanguage(lang);
      for (const hash of SCREENS) {
        await open(hash);
        expect(await sidewaysOverflow(page), `${lang} ${hash}`).toBeLessThanOrEqual(0);
        await e2e.shot(`zoom200-${lang}-${hash.replace(/[#/]+/g, '-').slice(1)}`);
      }
    });
  }

  it('with a threat open at 200 % zoom, the panel is a full-width view and closing it returns to its row', async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 640, height: 400 });
    await setLanguage('fr');
    await open('#/log');
    const row = page.locator('[role="row"][data-threat-id]').first();
    const id = await row.getAttribute('data-threat-id');
    await row.click();
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(600);
    expect(await page.getByTestId('threat-table').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-threat-id')))
      .toBe(id);
  });

  it('at 400 % (320 px): the menu folds behind a button and the header keeps to the top of the screen', async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 320, height: 256 });
    await setLanguage('fr');
    for (const hash of SCREENS) {
      await open(hash);
      expect(await sidewaysOverflow(page), hash).toBeLessThanOrEqual(0);
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(header.height, hash).toBeLessThanOrEqual(256 / 3);
      expect(await page.getByRole('navigation').first().isVisible(), hash).toBe(false);
    }
    await e2e.shot('zoom400-fr-settings');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').first().getByRole('link', { name: 'Partenaires' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/partners');
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
  });
});
