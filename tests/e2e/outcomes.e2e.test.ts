// After we speak, in real Chromium at 1280×800: the threat page's timeline with its reach chart (release
// marked) and the outcome form; the dashboard's "responses and their effect" with the follow-up setting;
// the Elections screen's after-action report; in English and French.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/shared/domain/dashboard';
import type { DraftRecord, PlanRecord } from '../../src/shared/domain/drafting-records';
import type { OutcomeDetail } from '../../src/shared/domain/outcomes';
import { steppingClock } from '../helpers/db';
import { ARTIFACTS, axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
const SHOTS = process.env.SHOTS_DIR ?? ARTIFACTS;

beforeAll(async () => {
  e2e = await startE2E({
    viewport: { width: 1280, height: 800 },
    clock: steppingClock('2027-05-20T12:00:00.000Z'),
  });
  await e2e.app.call('app:setIdentity', { identity: { name: 'Jo Tremblay', role: 'Panel chair' } });
  await e2e.app.call('workspace:loadSample');
  // A response to the leak: a decision, and a statement approved for release.
  const assessed = await e2e.app.call<{ level: string }>('assessment:assess', { threatId: 'lk27-004' });
  await e2e.app.call('assessment:save', {
    threatIds: ['lk27-004'],
    decision: {
      recommendedLevel: assessed.level,
      level: 'speak-publicly',
      rationale: '',
      decidedBy: 'Nadia Roy',
      role: 'Chief Electoral Officer',
    },
  });
  const plan = await e2e.app.call<PlanRecord>('drafting:createPlan', {
    threatIds: ['lk27-004'],
    asOf: '2027-05-03T12:00:00Z',
  });
  const draft = await e2e.app.call<DraftRecord>('drafting:createDraft', {
    planId: plan.id,
    template: 'public-statement',
  });
  await e2e.app.call('drafting:review', {
    draftId: draft.id,
    expectedVersion: 1,
    signer: { name: 'Li Wei', role: 'Legal counsel' },
  });
  await e2e.app.call('drafting:approve', {
    draftId: draft.id,
    expectedVersion: 1,
    signer: { name: 'Marie Gagnon', role: 'CEO' },
  });
  await e2e.page.reload();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

async function openThreat(id: string, tab: string, log = 'Threat log') {
  const { page } = e2e;
  await page.getByRole('link', { name: log, exact: true }).click();
  await page.locator(`[role="row"][data-threat-id="${id}"]`).click();
  await page.getByTestId('detail-panel').waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

describe('outcomes, end to end', () => {
  it('shows the timeline with the reach chart and the release marked, and records an outcome', async () => {
    const { page } = e2e;
    await page.locator('.app-header__election select').selectOption('lakeshore-2027');
    await openThreat('lk27-004', 'Timeline');
    const timeline = page.getByTestId('threat-timeline');
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('First seen');
    expect(text).toContain('Decided: Speak publicly, by Nadia Roy (Chief Electoral Officer)');
    expect(text).toContain('Statement approved for release');
    expect(text.match(/Outcome observed/g)).toHaveLength(3);
    await page.getByTestId('reach-chart-release').waitFor();
    expect(await page.getByTestId('reach-chart').locator('circle').count()).toBe(4);

    // A date before the threat was first seen is refused, saying why; nothing is recorded.
    await page.getByLabel('Observed on').fill('2027-04-01');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('alert').filter({ hasText: 'before the threat was first seen' }).waitFor();
    expect((await e2e.app.call<OutcomeDetail[]>('outcomes:list', { threatId: 'lk27-004' })).length).toBe(3);

    await page.getByLabel('Observed on').fill('2027-05-19');
    await page.getByLabel('Breakout category').selectOption('1');
    await page.getByLabel('Trend').selectOption('declining');
    await page.getByLabel('Still spreading?').selectOption('no');
    await page.getByRole('checkbox', { name: 'removed' }).check();
    await page.getByLabel('Note').fill('No new copies found this week.');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await expect
      .poll(async () => ((await timeline.textContent()) ?? '').match(/Outcome observed/g)?.length)
      .toBe(4);
    expect(await timeline.textContent()).toContain('No new copies found this week.');
    const saved = await e2e.app.call<OutcomeDetail[]>('outcomes:list', { threatId: 'lk27-004' });
    expect(saved.at(-1)!.outcome).toMatchObject({
      date: '2027-05-19',
      reach: { breakout: 1, trend: 'declining' },
      stillSpreading: false,
      platformActions: ['removed'],
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('reach-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-timeline-en.png') });
  });

  it('shows responses and their effect on the dashboard, with the figures of the service, and saves the follow-up days in the policy', async () => {
    const { page } = e2e;
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const card = page.getByTestId('responses-card');
    await card.waitFor();
    const data = await e2e.app.call<DashboardData>('dashboard:series', { electionId: 'lakeshore-2027' });
    expect(await page.getByTestId('responses-fell').textContent()).toBe(String(data.responses.reach.fell));
    expect(await page.getByTestId('responses-not-fell').textContent()).toBe(
      String(data.responses.reach.didNotFall),
    );
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-dashboard-en.png') });
    await page.getByLabel('Days after a response before an outcome is due').fill('3');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByRole('status').filter({ hasText: 'Saved in the policy' }).waitFor();
    await card.getByText('No outcome after 3 days').waitFor();
    const policy = await e2e.app.call<{ outcomes?: { followUpDays: { value: number } } }>('policy:get', {});
    expect(policy.outcomes?.followUpDays.value).toBe(3);
  });

  it('writes the after-action report from the Elections screen', async () => {
    const { page } = e2e;
    await page.getByRole('navigation').getByRole('link', { name: 'Elections' }).click();
    const row = page.getByRole('row', { name: /Lakeshore Provincial General Election 2027/ });
    await row.getByRole('button', { name: 'After-action report…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'English' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Français' }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-report-dialog-en.png') });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Write the report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('after-action-report-lakeshore-2027.docx');
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await dialog.getByRole('status').filter({ hasText: 'Report written (UNCLASSIFIED)' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('reads in French', async () => {
    const { page } = e2e;
    await page.getByTestId('language-switch').selectOption('fr');
    await openThreat('lk27-004', 'Chronologie', 'Registre des menaces');
    const timeline = page.getByTestId('threat-timeline');
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('Première observation');
    expect(await timeline.textContent()).toContain('Résultat observé');
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-timeline-fr.png') });
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByTestId('responses-card').waitFor();
    await page.getByTestId('responses-card').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('responses-card').textContent()).toContain('Interventions et leur effet');
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-dashboard-fr.png') });
    await page.getByRole('navigation').getByRole('link', { name: 'Élections' }).click();
    await page.getByRole('button', { name: 'Rapport après action…' }).first().click();
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'outcomes-report-dialog-fr.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await page.getByTestId('language-switch').selectOption('en');
  });
});
