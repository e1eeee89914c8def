// The threat log in real Chromium: load the sample, search, filter, open, create (keyboard only),
// edit, history, delete and undo. Screenshots of each screen go to test-artifacts/e2e/.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ASSETS_DIR, tempDir } from '../helpers/db';
import { axeViolations, startE2E, tabTo, TRANSPORTS, type E2E } from './harness';

let e2e: E2E;
const count = () => e2e.page.getByTestId('log-count').textContent();

// Once through browser mode's HTTP, once through the desktop app's preload and IPC.
for (const transport of TRANSPORTS)
  describe(`threat log, end to end (${transport})`, () => {
    beforeAll(async () => {
      e2e = await startE2E({ transport });
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('offers the sample on first run and loads it', async () => {
      const { page } = e2e;
      await page.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
      await e2e.shot('01-welcome');
      expect(await axeViolations(page)).toEqual([]);
      // Before the first threat, the screens that need none open as themselves (people, partners …).
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Partners' }).click();
      await page.getByRole('heading', { name: 'Partner directory', level: 1 }).waitFor();
      await nav.getByRole('link', { name: 'Threat log' }).click();
      await page.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
      await page.getByRole('button', { name: 'Load the sample workspace' }).click();
      await page.getByRole('grid', { name: 'Threat log' }).waitFor();
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
      await e2e.shot('02-log');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('searches the full text', async () => {
      const { page } = e2e;
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('robocalls');
      await page
        .getByTestId('log-count')
        .filter({ hasText: /^[12] threats?$/ })
        .waitFor();
      const titles = await page
        .locator('[role="row"][data-threat-id] [role="gridcell"]:nth-child(2)')
        .allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.join(' ').toLowerCase()).toMatch(/robocall|automated call/);
      await e2e.shot('03-search');
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('');
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    });

    it('filters by an enum field and by region', async () => {
      const { page } = e2e;
      await page
        .getByRole('search')
        .getByRole('button', { name: /^Actor/ })
        .click();
      await page.getByRole('checkbox', { name: 'Foreign state' }).check();
      await page.keyboard.press('Escape');
      await page
        .getByTestId('log-count')
        .filter({ hasText: /^\d+ threats?$/ })
        .waitFor();
      const n = Number((await count())!.split(' ')[0]);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(34);
      await e2e.shot('04-filter-actor');
      await page.getByRole('button', { name: /^Clear \d+ filter/ }).click();
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
      await page.getByLabel('Region').selectOption({ index: 1 });
      await page
        .getByTestId('log-count')
        .filter({ hasText: /^\d+ threats?$/ })
        .waitFor();
      expect(Number((await count())!.split(' ')[0])).toBeLessThan(34);
      await page.getByRole('button', { name: /^Clear \d+ filter/ }).click();
    });

    it('sorts by a column and says so to screen readers', async () => {
      const { page } = e2e;
      await page.getByRole('columnheader', { name: 'Breakout' }).getByRole('button').click();
      await expect
        .poll(() => page.getByRole('columnheader', { name: 'Breakout' }).getAttribute('aria-sort'))
        .toBe('descending');
      await expect
        .poll(() =>
          page.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]:nth-child(9)').textContent(),
        )
        .toBe('6');
      await page.getByRole('columnheader', { name: 'First seen' }).getByRole('button').click();
    });

    it('opens a threat in the detail panel from the keyboard', async () => {
      const { page } = e2e;
      await page.locator('[role="row"][aria-rowindex="2"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').waitFor();
      const title = await page.locator('#detail-title').textContent();
      expect(title?.length).toBeGreaterThan(5);
      await e2e.shot('05-detail');
    });

    it('records a new threat with the keyboard only', async () => {
      const { page } = e2e;
      await page
        .locator('body')
        .click({ position: { x: 5, y: 5 } })
        .catch(() => undefined);
      await page.keyboard.press('Escape');
      await page.locator('#main').focus();
      // A single key does nothing (WCAG 2.1.4); the shortcut has modifiers.
      await page.keyboard.press('n');
      expect(await page.getByRole('heading', { name: 'Record a threat' }).count()).toBe(0);
      await page.keyboard.press('Alt+Shift+N');
      await page.getByRole('heading', { name: 'Record a threat' }).waitFor();
      // The title field has focus.
      await page.keyboard.type('Fake text messages move advance polls');
      await page.keyboard.press('Tab');
      await page.keyboard.type(
        'Text messages tell voters in the Capital Region that advance polls moved to a new address.',
      );
      await tabTo(page, 'Purpose: what is it trying to achieve?');
      await page.keyboard.type('Mislead');
      // Each type is a radio button with a short description beside it.
      await tabTo(page, /^Disinformation/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Impersonation' }).isChecked()).toBe(true);
      await tabTo(page, 'Target: whom is it directed at?');
      await page.keyboard.type('Gen');
      await tabTo(page, 'Place: where is it happening?');
      await page.keyboard.type('Reg');
      await tabTo(page, 'Regions');
      await page.keyboard.type('Capital Region');
      // Channels are picked from a labelled list.
      await tabTo(page, 'Text message (SMS)');
      await page.keyboard.press('Space');
      await tabTo(page, /^Foreign state/);
      // From the first of the actors, the arrow up wraps to the last: Unknown.
      await page.keyboard.press('ArrowUp');
      expect(await page.getByRole('radio', { name: 'Unknown' }).isChecked()).toBe(true);
      await tabTo(page, 'Low');
      await page.keyboard.press('Space');
      // Into the Breakout radio group (first option), then the arrow key picks category 2.
      await tabTo(page, /^1 — One platform/);
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: /^2 — One community/ }).isChecked()).toBe(true);
      await tabTo(page, 'The false claim');
      await page.keyboard.type('Advance polls in the Capital Region have moved.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Advance polling places are listed on the voter information card.');
      await e2e.shot('06-form');
      await page.keyboard.press('Control+s');
      await page.getByTestId('detail-panel').waitFor();
      await page.locator('#detail-title', { hasText: 'Fake text messages move advance polls' }).waitFor();
      // The focus is on the new threat's heading (WCAG 2.4.3), not lost.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
      await page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
      await e2e.shot('07-created');
    });

    it('shows clear errors when required fields are missing', async () => {
      const { page } = e2e;
      await page.getByRole('button', { name: 'Record a threat' }).click();
      await page.getByRole('button', { name: 'Record threat' }).click();
      await page.getByText(/fields need attention before saving/).waitFor();
      expect(await page.getByText('This is required.').count()).toBeGreaterThan(3);
      await e2e.shot('08-form-errors');
      expect(await axeViolations(page)).toEqual([]);
      // A first-seen time later than now is almost always a mistake: the form says so, and not otherwise.
      const firstSeen = page.getByLabel('Time: when was it first seen?');
      const future = page.getByText(/^Warning: this is later than now\./);
      await firstSeen.fill('2099-05-13T10:00');
      await future.waitFor();
      expect(await firstSeen.getAttribute('aria-describedby')).toBeTruthy();
      await firstSeen.fill('2020-05-13T10:00');
      await future.waitFor({ state: 'detached' });
      // The form has changed: leaving asks first, in the app's own dialog.
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Leave and lose the changes' }).click();
      await page.getByRole('heading', { name: 'Threat log' }).waitFor();
    });

    it('edits a threat and shows its history, then restores the first version', async () => {
      const { page } = e2e;
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('fake text messages');
      await page.getByTestId('log-count').filter({ hasText: '1 threat' }).waitFor();
      await page.locator('[role="row"][data-threat-id]').first().click();
      await page.locator('#detail-title', { hasText: 'Fake text messages move advance polls' }).waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Title (unclassified)').fill('Fake texts move Capital Region advance polls');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .locator('#detail-title', { hasText: 'Fake texts move Capital Region advance polls' })
        .waitFor();
      await page.getByRole('tab', { name: 'History' }).click();
      await page.getByTestId('version-2').waitFor();
      expect(await page.getByTestId('version-2').textContent()).toContain('Changed: title');
      await e2e.shot('09-history');
      await page.getByRole('button', { name: 'Restore version 1' }).click();
      await page.locator('#detail-title', { hasText: 'Fake text messages move advance polls' }).waitFor();
    });

    it('deletes a threat and undoes the delete', async () => {
      const { page } = e2e;
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('');
      await page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
      await page.getByText('Deleted “Fake text messages move advance polls”.').waitFor();
      await page.getByTestId('version-4').getByText('Deleted').waitFor();
      await e2e.shot('10-deleted');
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
      await page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
    });

    it('exports the workspace as JSON, with classified notes only when asked', async () => {
      const { page } = e2e;
      await page.getByRole('button', { name: 'Export…' }).click();
      await page.getByRole('checkbox', { name: 'Include classified notes' }).check();
      await page.getByText(/The file will contain classified notes/).waitFor();
      await e2e.shot('11-export');
      const saved = await e2e.saveFile(() =>
        page.getByRole('button', { name: 'Export', exact: true }).click(),
      );
      expect(saved.suggestedName).toMatch(/\.json$/);
      const text = fs.readFileSync(saved.path, 'utf8');
      const ws = JSON.parse(text) as { format: string; threats: { classifiedNotes?: unknown[] }[] };
      expect(ws.format).toBe('threshold-workspace/1');
      expect(ws.threats).toHaveLength(35);
      expect(ws.threats.some((t) => (t.classifiedNotes ?? []).length > 0)).toBe(true);
    });

    it('refuses a bad import file and says where it is wrong', async () => {
      const { page } = e2e;
      const bad = { format: 'threshold-workspace/1', elections: [], threats: [{ id: 'x' }] };
      await page.locator('input[type="file"]').setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      await page.getByRole('dialog', { name: 'The file was not imported' }).waitFor();
      expect(await page.getByRole('dialog').textContent()).toContain('$.threats[0].electionId');
      await e2e.shot('12-import-error');
      await page.keyboard.press('Escape');
      await page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
    });

    it('shows the audit log and verifies it', async () => {
      const { page } = e2e;
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('button', { name: 'Check the audit log' }).click();
      await page.getByText(/The audit log is intact/).waitFor();
      await e2e.shot('13-audit');
    });

    it('asks before leaving a form with unsaved changes', async () => {
      const { page } = e2e;
      await page.getByRole('link', { name: 'Threat log' }).click();
      await page.getByRole('button', { name: 'Record a threat' }).click();
      await page.getByLabel('Title (unclassified)').fill('Half-typed threat');
      // The app's own dialog asks (not the browser's confirm), and staying is the default.
      await page.getByRole('link', { name: 'Threat log' }).click();
      const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
      await ask.waitFor();
      expect(await ask.textContent()).toMatch(/not saved/);
      await page.keyboard.press('Enter');
      await ask.waitFor({ state: 'detached' });
      expect(await page.getByLabel('Title (unclassified)').inputValue()).toBe('Half-typed threat');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await ask.waitFor();
      await page.getByRole('button', { name: 'Leave and lose the changes' }).click();
      await page.getByRole('heading', { name: 'Threat log' }).waitFor();
    });

    if (transport === 'electron')
      it('imports from File → Import…: the dialog opens in main and the page gets the text', async () => {
        const { page } = e2e;
        await page.getByRole('link', { name: 'Threat log' }).click();
        await page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
        // A workspace holding one threat the log does not have yet.
        const sample = JSON.parse(
          fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8'),
        ) as {
          threats: { id: string; title: string }[];
        };
        const threat = { ...sample.threats[0]!, id: 'menu-import-1', title: 'Imported from the File menu' };
        const file = path.join(tempDir('e2e-menu-import-'), 'from-menu.json');
        fs.writeFileSync(file, JSON.stringify({ ...sample, threats: [threat] }));
        e2e.main!.electron.calls.openDialogAnswers.push(file);
        e2e.menu('Import…');
        await page.getByTestId('log-count').filter({ hasText: '36 threats' }).waitFor();
        await page
          .getByText(/from-menu\.json/)
          .first()
          .waitFor();
        expect(e2e.main!.electron.calls.fileDialogs.at(-1)).toMatchObject({ kind: 'open' });
        await e2e.shot('14-menu-import');
      });
  });
