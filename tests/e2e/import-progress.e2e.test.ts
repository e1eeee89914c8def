// Importing a large file from the log: a dialog shows how far the import is (a progress bar, the threats
// read so far) and offers Cancel, which rolls the import back; an import left to run ends with the
// threats in the log. Browser mode (the page's own file chooser) and the desktop app (File → Import…: the
// main process opens the file and the page reads it from there a piece at a time).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { axeViolations, startE2E, TRANSPORTS, type E2E } from './harness';
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

/** Chooses the file to import: the page's own chooser (browser mode), or File → Import… with the
 *  desktop app's open dialog answered. */
async function choose(e2e: E2E, file: string): Promise<void> {
  if (e2e.transport === 'electron') {
    e2e.main!.electron.calls.openDialogAnswers.push(file);
    e2e.menu('Import…');
  } else await e2e.page.locator('input[type="file"]').setInputFiles(file);
}

for (const transport of TRANSPORTS)
  describe(`importing a large file from the log (${transport})`, () => {
    let e2e: E2E;
    let electionId: string;
    beforeAll(async () => {
      e2e = await startE2E({ transport });
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
      // Three pieces are imported, then the next waits: the dialog is looked at mid-import, and Cancel
      // is pressed before the end, however fast or slow this machine is.
      const hold = e2e.hold('workspace:importChunk', 3);
      await choose(e2e, workspaceFile('big-workspace.json', 20_000, electionId));
      const dialog = page.getByRole('dialog', { name: 'Importing big-workspace.json' });
      await dialog.waitFor();
      await hold.held;
      const bar = page.getByTestId('import-progress');
      await expect
        .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 })
        .toBeGreaterThan(0);
      expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
      await dialog.getByText(/^\d+% read, [\d,]+ threats so far\.$/).waitFor();
      await e2e.shot('15-import-progress');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel the import' }).click();
      hold.release();
      // The server runs in this process, busy with the piece in hand: generous waits, no speed goal.
      await page
        .getByText('The import of big-workspace.json was cancelled; nothing was imported.')
        .waitFor({ timeout: 120_000 });
      await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
      expect((await e2e.app.call<{ total: number }>('threats:list', {})).total).toBe(34);
    });

    it('left to run, ends with every threat in the log', { timeout: 600_000 }, async () => {
      const { page } = e2e;
      await choose(e2e, workspaceFile('workspace.json', 3000, electionId));
      await page.getByText(/Imported workspace\.json: 3000 new/).waitFor({ timeout: 120_000 });
      await page.getByTestId('log-count').filter({ hasText: '3,034 threats' }).waitFor({ timeout: 120_000 });
      if (transport === 'electron')
        expect(e2e.main!.electron.calls.fileDialogs.filter((d) => d.kind === 'open')).toHaveLength(2);
    });
  });
