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
import { ADMIN, openTestApp, REPO_ROOT, tempDir } from '../helpers/db';
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
      const app = await openTestApp({ keep: true, sample: true });
      host = app.host;
      server = await startBrowserServer({ dispatch: host.dispatch, staticDir: rendererDir });
      const api = <T>(channel: string, payload: unknown = {}): Promise<T> => app.call<T>(channel, payload);
      const total = async () => (await api<{ total: number }>('threats:list', {})).total;
      const sampleCount = await total();

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-CA' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The launch file gives this browser its session (the cookie); then the administrator signs in to it.
      await page.goto(server.url);
      await page.waitForURL((u) => u.origin === server.origin && u.pathname === '/');
      const csrf = (await context.cookies(server.origin)).find((c) => c.name === 'threshold_csrf')?.value;
      const signedIn = await context.request.post(`${server.origin}/api/session:signIn`, {
        data: ADMIN,
        headers: { 'X-Threshold-CSRF': csrf ?? '' },
      });
      expect(((await signedIn.json()) as { ok: boolean }).ok).toBe(true);
      await page.goto(`${server.origin}/#/settings`);
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      // Every database is encrypted; this one was opened with the administrator's passphrase (setup).
      await expect(page.getByTestId('settings-encryption').textContent()).resolves.toMatch(
        /^Encrypted \(SQLCipher 4, AES-256\)/,
      );

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
