// Elections are optimistic like every other record, with two signed-in people on one server: an editor
// with nothing typed follows the other's save live; one with unsaved edits keeps them, and its stale save
// is refused with "Dana Roy changed this election while you were editing" and both versions side by side
// (English and French screenshots), then applied on top of theirs.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ElectionDetail } from '../../src/shared/domain/elections';
import { election } from '../fixtures/mini-workspace';
import { ARTIFACTS, axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
let dana: Page;
const DANA = { name: 'Dana Roy', passphrase: 'harbour-cobalt-meadow-lantern-71' };

const current = () => e2e.app.call<ElectionDetail>('elections:get', { id: election.id });

async function openElections(page: Page): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/elections`);
  await page.getByRole('heading', { name: /^(Elections|Élections)$/ }).waitFor();
}

async function editElection(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await page.locator('#election-form-title').waitFor();
}

describe('two people editing one election (http)', () => {
  beforeAll(async () => {
    e2e = await startE2E({ viewport: { width: 1280, height: 860 } });
    await e2e.app.call('elections:save', { election });
    await e2e.app.person(DANA.name, ['analyst'], DANA.passphrase);
    await e2e.page.reload();
    dana = await e2e.openBrowser(DANA);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('follows the other’s save live while nothing is typed, keeps unsaved edits, and refuses the stale save with both versions', async () => {
    const avery = e2e.page;
    await openElections(avery);
    await openElections(dana);
    // Avery opens the election and types nothing; Dana renames it: Avery's form follows, without a reload.
    await editElection(avery, election.name);
    await editElection(dana, election.name);
    await dana.getByLabel('Name').fill('Testland General Election');
    await dana.getByRole('button', { name: 'Save' }).click();
    await dana.locator('#election-form-title').waitFor({ state: 'detached' });
    await expect.poll(() => avery.getByLabel('Name').inputValue()).toBe('Testland General Election');
    expect((await current()).meta).toMatchObject({ version: 2, changedBy: DANA.name });

    // Now Avery types (unsaved) while Dana changes the jurisdiction: Avery's typing stays.
    const parties = avery.getByLabel('Parties');
    await parties.fill(`${election.parties!.join('\n')}\nNorthern Voice`);
    await editElection(dana, 'Testland General Election');
    await dana.getByLabel('Jurisdiction').fill('Province of Testland (North)');
    const heard = avery.waitForResponse((r) => r.url().includes('elections'));
    await dana.getByRole('button', { name: 'Save' }).click();
    await dana.locator('#election-form-title').waitFor({ state: 'detached' });
    await heard;
    expect(await parties.inputValue()).toContain('Northern Voice');
    expect(await avery.getByLabel('Jurisdiction').inputValue()).toBe(election.jurisdiction);

    // Avery's save started from version 2, the election is at 3: refused, both versions shown.
    await avery.getByRole('button', { name: 'Save' }).click();
    const dialog = avery.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await avery.getByText('Dana Roy changed this election while you were editing').waitFor();
    const jurisdiction = dialog.getByRole('row', { name: /^Jurisdiction/ });
    await jurisdiction.getByText('Province of Testland (North)').waitFor();
    await jurisdiction.getByText(election.jurisdiction, { exact: true }).waitFor();
    await dialog
      .getByRole('row', { name: /^Parties/ })
      .getByText(/Northern Voice/)
      .waitFor();
    expect((await current()).meta.version).toBe(3);
    await avery.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-election-en.png') });
    expect(await axeViolations(avery)).toEqual([]);

    // Escape keeps the edits; in French, the same dialog.
    await avery.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await parties.inputValue()).toContain('Northern Voice');
    await avery.getByTestId('language-switch').selectOption('fr');
    await avery.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor();
    await avery.getByText('Dana Roy a modifié cette élection pendant que vous travailliez').waitFor();
    await avery.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-election-fr.png') });
    expect(await axeViolations(avery)).toEqual([]);

    // Apply mine on top: Dana's name and jurisdiction kept, Avery's party added, saved as version 4.
    await dialog.getByRole('button', { name: 'Appliquer les miennes par-dessus' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await current()).meta.version).toBe(4);
    const saved = await current();
    expect(saved.election).toMatchObject({
      name: 'Testland General Election',
      jurisdiction: 'Province of Testland (North)',
      parties: [...election.parties!, 'Northern Voice'],
    });
    expect(saved.meta.changedBy).toBe('Avery Admin');
    // Dana's list shows Avery's party count without a reload.
    await dana
      .getByRole('row', { name: /Testland General Election/ })
      .getByRole('cell', { name: String(election.parties!.length + 1), exact: true })
      .waitFor();
  });
});
