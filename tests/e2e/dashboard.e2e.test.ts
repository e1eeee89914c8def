// The dashboard in real Chromium: load the sample, open the dashboard, click a bar (and a table
// cell) into the filtered log, export a chart as a PNG, and look at it in English and French.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/shared/domain/dashboard';
import { validateBundle } from '../main/stix/validator';
import { ARTIFACTS, axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const logCount = async () =>
  Number(((await e2e.page.getByTestId('log-count').textContent()) ?? '').split(' ')[0]);

async function openDashboard(name = 'Dashboard') {
  await e2e.page.getByRole('navigation').getByRole('link', { name }).click();
  await e2e.page.getByTestId('chart-purpose').waitFor();
}

/** Canvas pixel (in CSS pixels from the page's top left) of the first bar painted in a colour, scanning from the top. */
async function barPixel(testId: string, rgb: [number, number, number]): Promise<{ x: number; y: number }> {
  const canvas = e2e.page.getByTestId(testId).locator('canvas');
  const found = await canvas.evaluate((el: HTMLCanvasElement, [r, g, b]) => {
    const ctx = el.getContext('2d')!;
    const { data, width, height } = ctx.getImageData(0, 0, el.width, el.height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) {
          // A few pixels into the bar, away from its edge.
          const box = el.getBoundingClientRect();
          return {
            x: box.left + (x + 4) * (box.width / width),
            y: box.top + (y + 4) * (box.height / height),
          };
        }
      }
    }
    return null;
  }, rgb);
  if (!found) throw new Error(`no bar painted ${rgb.join(',')} in ${testId}`);
  return found;
}

/** Whether anything in the main area ends beyond the window's right edge. */
async function horizontalOverflow(): Promise<string[]> {
  return e2e.page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !el.closest('.chart-card__table, .visually-hidden'))
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}px`);
    }
    return out.slice(0, 5);
  });
}

describe('dashboard, end to end', () => {
  let data: DashboardData;

  it('shows every chart with its critical window, accessible', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Load the sample workspace' }).click();
    await page.getByRole('grid', { name: 'Threat log' }).waitFor();
    await page.locator('.app-header__election select').selectOption('lakeshore-2027');
    await openDashboard();
    data = await e2e.app.call<DashboardData>('dashboard:series', { electionId: 'lakeshore-2027' });
    await page
      .getByTestId('tile-total')
      .filter({ hasText: String(data.total) })
      .waitFor();
    for (const name of [
      'Threats over time, by type',
      'Levels of current assessments',
      'Threats by purpose',
      'Threats by target',
      'Threats by region',
      'Threats by channel',
    ]) {
      await page.getByRole('heading', { name, level: 2 }).waitFor();
    }
    // Each picture says what it shows.
    const label = await page.getByTestId('chart-overTime').getByRole('img').getAttribute('aria-label');
    expect(label).toMatch(
      /^Threats over time, by type\. Stacked bar chart of threats per day from .* The critical window, .* is shaded\./,
    );
    expect(await page.getByTestId('chart-purpose').getByRole('img').getAttribute('aria-label')).toMatch(
      /the most are .*\(\d+\)/,
    );
    // The critical window is drawn: some pixels in the band's colour on the timeline.
    const banded = await page
      .getByTestId('chart-overTime')
      .locator('canvas')
      .evaluate((el: HTMLCanvasElement) => {
        const { data: px } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
        let n = 0;
        for (let i = 0; i < px.length; i += 4)
          if (px[i]! > 245 && px[i + 1]! > 235 && px[i + 2]! < 215 && px[i + 2]! > 180) n++;
        return n;
      });
    expect(banded).toBeGreaterThan(500);
    await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
    await e2e.shot('dashboard-01-en');
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow()).toEqual([]);
  });

  it('clicks a bar into the log filtered to exactly those threats', async () => {
    const { page } = e2e;
    // The purpose chart's bars are drawn top-down in the order of the purposes; the first bar painted is the first purpose with threats.
    const first = data.byPurpose.find((c) => c.count > 0)!;
    await page.getByTestId('chart-purpose').scrollIntoViewIfNeeded();
    const point = await barPixel('chart-purpose', [0x1f, 0x5f, 0xa8]);
    await page.mouse.click(point.x, point.y);
    await page.getByRole('grid', { name: 'Threat log' }).waitFor();
    await page
      .getByTestId('log-count')
      .filter({ hasText: `${first.count} threat` })
      .waitFor();
    expect(await logCount()).toBe(first.count);
    expect(
      await page
        .getByRole('search')
        .getByRole('button', { name: /^Purpose/ })
        .textContent(),
    ).toContain('1');
    await e2e.shot('dashboard-02-log-from-bar');
  });

  it('shares the filtered log as a STIX bundle under the TLP chosen', async () => {
    const { page } = e2e;
    const expected = await logCount();
    await page.getByTestId('stix-export').click();
    const dialog = page.getByRole('dialog', { name: 'Export as STIX 2.1' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /TLP:GREEN/ }).check();
    expect(await dialog.getByRole('radio', { name: /matching the current filter/ }).isChecked()).toBe(true);
    // The places as STIX locations: a country, and a region of STIX's vocabulary.
    await dialog.getByLabel('Country').fill('CA');
    await dialog.getByLabel('Region (STIX vocabulary)').selectOption('northern-america');
    await e2e.shot('dashboard-07-stix-export');
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^threshold-stix-\d{4}-\d{2}-\d{2}-tlp-green\.json$/);
    const bundle = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as {
      type: string;
      objects: { type: string; name?: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects[0]).toMatchObject({ type: 'marking-definition', name: 'TLP:GREEN' });
    expect(bundle.objects.filter((o) => o.type === 'incident')).toHaveLength(expected);
    const locations = bundle.objects.filter((o) => o.type === 'location');
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations)
      expect(l).toMatchObject({ country: 'CA', region: 'northern-america', administrative_area: l.name });
    expect(validateBundle(bundle)).toEqual([]);
  });

  it('opens the same log from the table view, by keyboard', async () => {
    const { page } = e2e;
    await openDashboard();
    const card = page.getByTestId('chart-region');
    await card.getByRole('button', { name: 'Show as table' }).click();
    await expect
      .poll(() => card.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed'))
      .toBe('true');
    const region = data.byRegion.top[0]!;
    const cell = card.getByRole('button', { name: `Open ${region.count} threats in the log: ${region.key}` });
    await cell.focus();
    await e2e.shot('dashboard-03-table');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: 'Threat log' }).waitFor();
    await page
      .getByTestId('log-count')
      .filter({ hasText: `${region.count} threats` })
      .waitFor();
    expect(await page.getByLabel('Region').inputValue()).toBe(region.key);
  });

  it('exports a chart as a PNG for a briefing', async () => {
    const { page } = e2e;
    await openDashboard();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG: Threats by purpose' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^threshold-lakeshore-2027-\d{4}-\d{2}-\d{2}-purpose\.png$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
    // Keep the image with the other screenshots, to look at.
    fs.writeFileSync(path.join(ARTIFACTS, 'dashboard-04-export-purpose.png'), bytes);
  });

  it('reads in French, without overflow', async () => {
    const { page } = e2e;
    await page.getByTestId('language-switch').selectOption('fr');
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Menaces au fil du temps, par type', level: 2 }).waitFor();
    expect(await page.getByTestId('chart-overTime').getByRole('img').getAttribute('aria-label')).toMatch(
      /^Menaces au fil du temps, par type\. Graphique à barres empilées/,
    );
    await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
    await e2e.shot('dashboard-05-fr');
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow()).toEqual([]);
    await page.getByTestId('chart-channel').scrollIntoViewIfNeeded();
    await page
      .getByTestId('chart-channel')
      .getByRole('button', { name: 'Afficher sous forme de tableau' })
      .click();
    await e2e.shot('dashboard-06-fr-charts');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
  });
});
