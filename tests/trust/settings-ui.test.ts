// The Settings screen in real Chromium (browser mode over AppHost, as `npm run start:browser` runs it):
// the backups listed with date, size and schema version, "Back up now", and "Restore…" with its
// confirmation, which swaps the database while the page keeps working. Also checked with axe-core.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppHost } from '../../src/main/app-host';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import type { Result } from '../../src/shared/errors';
import { ASSETS_DIR, REPO_ROOT, tempDir } from '../helpers/db';
import { axeViolations } from '../e2e/harness';

let rendererDir: string;
let browser: Browser;

beforeAll(async () => {
  // The renderer as it is now, built into a folder of this test's own (vite takes about a second).
  rendererDir = tempDir('trust-renderer-', { keep: true });
  const built = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'error',
      '--outDir',
      rendererDir,
      '--emptyOutDir',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('Settings → backups, in the browser', () => {
  let host: AppHost;
  let server: BrowserServer;

  it(
    'backs up, restores after confirmation, and the app goes on with the restored database',
    { timeout: 120_000 },
    async () => {
      const dbPath = path.join(tempDir('trust-settings-ui-'), 'threshold.db');
      host = AppHost.open({ dbPath, mode: 'browser', assetsDir: ASSETS_DIR, appVersion: 'test' });
      await host.dispatch('workspace:loadSample', {});
      server = await startBrowserServer({ dispatch: host.dispatch, staticDir: rendererDir });
      const api = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
        const r = (await host.dispatch(channel, payload)) as Result<T>;
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const total = async () => (await api<{ total: number }>('threats:list', {})).total;
      const sampleCount = await total();

      const page = await (
        await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-CA' })
      ).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.waitForURL((u) => u.origin === server.origin && u.pathname === '/');
      await page.goto(`${server.origin}/#/settings`);
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await expect(page.getByTestId('settings-encryption').textContent()).resolves.toBe('Not encrypted.');

      await page.getByTestId('backup-now').click();
      const table = page.getByTestId('backups-table');
      await table.getByRole('cell', { name: 'Taken by hand' }).waitFor();
      const row = table.getByRole('row').filter({ hasText: 'Taken by hand' });
      await expect(row.textContent()).resolves.toMatch(/KB/);
      const schema = String((await api<{ schemaVersion: number }>('app:info')).schemaVersion);
      await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe(schema);

      // A threat recorded after the backup; restoring takes the database back to before it.
      const threat = (
        await api<{ threat: Record<string, unknown> }>('threats:get', {
          id: (await api<{ rows: { id: string }[] }>('threats:list', { limit: 1 })).rows[0]!.id,
        })
      ).threat;
      await api('threats:create', {
        threat: { ...threat, id: 'T-AFTER-BACKUP', title: 'Recorded after the backup' },
      });
      expect(await total()).toBe(sampleCount + 1);

      await row.getByRole('button', { name: 'Restore…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.waitFor();
      // Cancel first: nothing happens.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await total()).toBe(sampleCount + 1);
      await row.getByRole('button', { name: 'Restore…' }).click();
      await page.getByTestId('confirm-restore').click();
      await page.getByText(/Restored the backup of/).waitFor();
      expect(await total()).toBe(sampleCount);
      // The replaced database is listed, and can itself be restored.
      await table.getByRole('cell', { name: 'Replaced by a restore' }).waitFor();
      expect(
        await page.getByRole('button', { name: 'Show the database key for the command line…' }).count(),
      ).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);

      if (process.env.TRUST_SHOT) await page.screenshot({ path: process.env.TRUST_SHOT, fullPage: true });
      // French, too.
      await page.getByTestId('language-switch').selectOption('fr');
      await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Sauvegarder maintenant' }).waitFor();
      await server.close();
      host.close();
    },
  );
});
