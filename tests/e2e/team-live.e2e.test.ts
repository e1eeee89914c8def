// Two signed-in people on one server, each in a browser of their own (a context with its own session
// cookie): what one saves shows in the other's window without a reload, and what the other is typing
// stays; a stale save is refused with "X changed this threat while you were editing" and both versions
// side by side (English and French screenshots), then applied on top of theirs from the keyboard.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BackupInfo } from '../../src/shared/domain/backups';
import type { Policy } from '../../src/shared/domain/policy';
import type { ThreatDetail, ThreatPage } from '../../src/shared/domain/threat-log';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { election, threat, workspace } from '../fixtures/mini-workspace';
import { tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { ARTIFACTS, axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
let dana: Page;
let threatId: string;
const DANA = { name: 'Dana Roy', passphrase: 'harbour-cobalt-meadow-lantern-71' };

/** The detail panel's title on a page, as the person sees it. */
const detailTitle = (page: Page) => page.locator('#detail-title');

async function openThreat(page: Page, id: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/log/${id}`);
  await detailTitle(page).waitFor();
}

describe('two people on one server, live (http)', () => {
  beforeAll(async () => {
    e2e = await startE2E({ viewport: { width: 1280, height: 860 } });
    await e2e.app.call('workspace:loadSample', {});
    await e2e.app.person(DANA.name, ['analyst'], DANA.passphrase);
    const page = await e2e.app.call<ThreatPage>('threats:list', { limit: 1 });
    threatId = page.rows[0]!.id;
    await e2e.page.reload();
    dana = await e2e.openBrowser(DANA);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows what one person saves in the other one’s window, without a reload', async () => {
    const avery = e2e.page;
    await openThreat(dana, threatId);
    // A mark on Dana's page: a reload would wipe it.
    await dana.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await openThreat(avery, threatId);
    await avery.getByRole('button', { name: 'Edit' }).click();
    await avery.getByLabel('Title (unclassified)').fill('Robocalls give the wrong polling day');
    await avery.getByRole('button', { name: 'Save changes' }).click();
    await detailTitle(avery).filter({ hasText: 'Robocalls give the wrong polling day' }).waitFor();
    await detailTitle(dana).filter({ hasText: 'Robocalls give the wrong polling day' }).waitFor();
    expect(await dana.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    // The log's row too.
    await dana
      .locator(`[role="row"][data-threat-id="${threatId}"]`, {
        hasText: 'Robocalls give the wrong polling day',
      })
      .waitFor();
  });

  it('keeps what the other is typing, refuses the stale save with both versions, and applies it on top', async () => {
    const avery = e2e.page;
    // Dana starts editing version 2 and types, without saving.
    await dana.getByRole('button', { name: 'Edit' }).click();
    const summary = dana.getByLabel('Summary (unclassified)');
    await summary.fill('Automated calls tell voters the election is on Tuesday; it is on Monday.');
    // Meanwhile Avery renames it again (version 3); Dana's window hears of it (it refetches the log).
    const heard = dana.waitForResponse(
      (r) => r.url().includes('threats%3Alist') || r.url().includes('threats:list'),
    );
    await avery.getByRole('button', { name: 'Edit' }).click();
    await avery.getByLabel('Title (unclassified)').fill('Robocalls name the wrong polling day');
    await avery.getByRole('button', { name: 'Save changes' }).click();
    await detailTitle(avery).filter({ hasText: 'Robocalls name the wrong polling day' }).waitFor();
    const v3 = await e2e.app.call<ThreatDetail>('threats:get', { id: threatId });
    expect(v3.meta.version).toBe(3);
    // Dana's typing is still there after the live update reached her window.
    await heard;
    expect(await summary.inputValue()).toBe(
      'Automated calls tell voters the election is on Tuesday; it is on Monday.',
    );

    await dana.getByRole('button', { name: 'Save changes' }).click();
    const dialog = dana.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await dana.getByText('Avery Admin changed this threat while you were editing').waitFor();
    const titleRow = dialog.getByRole('row', { name: /^Title/ });
    await titleRow.getByText('Robocalls name the wrong polling day').waitFor();
    await titleRow.getByText('Robocalls give the wrong polling day').waitFor();
    await dialog
      .getByRole('row', { name: /^Summary/ })
      .getByText('Automated calls tell voters the election is on Tuesday; it is on Monday.')
      .waitFor();
    // Nothing was saved by the refused attempt.
    expect((await e2e.app.call<ThreatDetail>('threats:get', { id: threatId })).meta.version).toBe(3);
    await dana.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-en.png') });
    expect(await axeViolations(dana)).toEqual([]);

    // Escape closes the dialog and keeps the edits; saving again (Ctrl+S) brings it back, in French.
    await dana.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await summary.inputValue()).toContain('it is on Monday');
    await dana.getByTestId('language-switch').selectOption('fr');
    await dana.getByLabel('Résumé (non classifié)').focus();
    await dana.keyboard.press('Control+s');
    await dialog.waitFor();
    await dana.getByText('Avery Admin a modifié cette menace pendant que vous travailliez').waitFor();
    await dana.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-fr.png') });
    expect(await axeViolations(dana)).toEqual([]);

    // Keyboard only: Tab to "Apply mine on top" and press Enter.
    for (let i = 0; i < 10; i++) {
      const focused = await dana.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused === 'Appliquer les miennes par-dessus') break;
      await dana.keyboard.press('Tab');
    }
    expect(await dana.evaluate(() => document.activeElement?.textContent)).toBe(
      'Appliquer les miennes par-dessus',
    );
    await dana.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Saved as version 4: Avery's title kept (Dana did not touch it), Dana's summary on top.
    await expect
      .poll(async () => (await e2e.app.call<ThreatDetail>('threats:get', { id: threatId })).meta.version)
      .toBe(4);
    const v4 = await e2e.app.call<ThreatDetail>('threats:get', { id: threatId });
    expect(v4.threat.title).toBe('Robocalls name the wrong polling day');
    expect(v4.threat.summary).toBe(
      'Automated calls tell voters the election is on Tuesday; it is on Monday.',
    );
    expect(v4.meta.changedBy).toBe(DANA.name);
    // And Avery's window shows Dana's summary without a reload.
    await avery
      .getByText('Automated calls tell voters the election is on Tuesday; it is on Monday.')
      .waitFor();
  });

  it('tells every window when someone restores a backup, and reloads what it shows', async () => {
    const backup = await e2e.app.call<BackupInfo>('backups:create', {});
    await e2e.app.call('backups:restore', { name: backup.name, confirm: true });
    const notice = dana.getByTestId('restored-notice');
    // Dana's window is in French since the last test.
    await notice
      .filter({
        hasText: `Avery Admin a restauré la base de données à partir d’une sauvegarde (${backup.name})`,
      })
      .waitFor();
    await dana.screenshot({ path: path.join(ARTIFACTS, 'team-restored-fr.png') });
    await notice.getByRole('button').click();
    await notice.waitFor({ state: 'detached' });
  });

  it('updates both windows when the command line imports into the same file', async () => {
    const avery = e2e.page;
    await avery.goto(`${new URL(avery.url()).origin}/#/log`);
    await avery.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
    const file = path.join(tempDir(), 'more.json');
    fs.writeFileSync(file, JSON.stringify(workspace([threat('CLI-1', { electionId: election.id })])));
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), env: cliEnv(), cwd: process.cwd() };
    expect(await main(['import', file, '--db', e2e.app.file], io), out.join('\n')).toBe(0);
    await avery.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
    await dana.getByTestId('log-count').filter({ hasText: /^35 / }).waitFor();
  });

  it('refuses a stale policy save with both versions, and keeps the edits on screen until the person chooses', async () => {
    const avery = e2e.page;
    const pat = await e2e.app.person('Pat Lee', ['policy-owner'], 'glacier-violin-saffron-orchard-29');
    await avery.goto(`${new URL(avery.url()).origin}/#/policy`);
    const gate = avery.getByTestId('gate-contained');
    await gate.waitFor();
    const wasOn = await gate.isChecked();
    await gate.click();
    // Pat saves a newer policy while Avery's edit is unsaved; Avery's screen keeps the edit.
    const policy = await pat.call<Policy>('policy:get', {});
    const heard = avery.waitForResponse(
      (r) => r.url().includes('threats%3Alist') || r.url().includes('threats:list'),
    );
    await pat.call('policy:save', { policy, note: 'Pat’s', expectedVersion: policy.version });
    await heard;
    expect(await gate.isChecked()).toBe(!wasOn);
    await avery.getByRole('button', { name: 'Save as a new version' }).click();
    const dialog = avery.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await avery.getByText('Pat Lee changed the intervention policy while you were editing').waitFor();
    const row = dialog.getByRole('row', { name: /^Contained item \(do not amplify\)/ });
    await row.getByText(wasOn ? 'No' : 'Yes', { exact: true }).waitFor();
    await row.getByText(wasOn ? 'Yes' : 'No', { exact: true }).waitFor();
    await avery.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-policy-en.png') });
    await dialog.getByRole('button', { name: 'Apply mine on top' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await e2e.app.call<Policy>('policy:get', {})).version)
      .toBe(policy.version + 2);
    expect((await e2e.app.call<Policy>('policy:get', {})).gates.containedItem.enabled).toBe(!wasOn);
  });
});
