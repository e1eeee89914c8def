// Importing a large file from the log: a dialog shows how far the import is (a progress bar, the threats
// read so far) and offers Cancel, which rolls the import back; an import left to run ends with the
// threats in the log. Browser mode (the page's own file chooser).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { axeViolations, startE2E, type E2E } from './harness';
import { threat } from '../fixtures/mini-workspace';

/** A workspace file of n threats, on disk (Chromium reads it from there, as from a user's folder). */
const workspaceFile = (name: string, n: number, electionId: string): string => {
  const file = path.join(tempDir('e2e-import-'), name);
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'threshold-workspace/1',
      elections: [],
      threats: Array.from({ length: n }, (_, i) =>
        threat(`BIG-${i}`, {
          electionId,
          title: `Imported in pieces ${i}`,
          summary: `${i} ${'Posts claim that ballots posted after Friday will not be counted. '.repeat(12)}`,
        }),
      ),
    }),
  );
  return file;
};

describe('importing a large file from the log', () => {
  let e2e: E2E;
  let electionId: string;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page
      .getByRole('button', { name: /sample/i })
      .first()
      .click();
    await e2e.page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    electionId = (await e2e.app.call<{ id: string }[]>('elections:list'))[0]!.id;
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('shows its progress and, cancelled, keeps nothing of the file', { timeout: 600_000 }, async () => {
    const { page } = e2e;
    await page
      .locator('input[type="file"]')
      .setInputFiles(workspaceFile('big-workspace.json', 60_000, electionId));
    const dialog = page.getByRole('dialog', { name: 'Importing big-workspace.json' });
    await dialog.waitFor();
    await expect
      .poll(async () => Number(await page.getByTestId('import-progress').getAttribute('value')))
      .toBeGreaterThan(0);
    await e2e.shot('15-import-progress');
    expect(await axeViolations(page)).toEqual([]);
    // The browser-mode server runs in this process, busy with each piece: generous waits, no speed goal.
    await dialog.getByRole('button', { name: 'Cancel the import' }).click({ timeout: 120_000 });
    await page
      .getByText('The import of big-workspace.json was cancelled; nothing was imported.')
      .waitFor({ timeout: 120_000 });
    await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
    await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    expect((await e2e.app.call<{ total: number }>('threats:list', {})).total).toBe(34);
  });

  it('left to run, ends with every threat in the log', { timeout: 600_000 }, async () => {
    const { page } = e2e;
    await page.locator('input[type="file"]').setInputFiles(workspaceFile('workspace.json', 3000, electionId));
    await page.getByText(/Imported workspace\.json: 3000 new/).waitFor({ timeout: 120_000 });
    await page.getByTestId('log-count').filter({ hasText: '3,034 threats' }).waitFor({ timeout: 120_000 });
  });
});
