// Correcting an outcome observation that someone else changed meanwhile: the save is refused and the
// conflict dialog shows both versions side by side (as for threats, partners, the policy and elections),
// then "Apply mine on top" saves the correction over their version. Two signed-in people on one server.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomeDetail } from '../../src/shared/domain/outcomes';
import { steppingClock } from '../helpers/db';
import { threat, workspace } from '../fixtures/mini-workspace';
import { ARTIFACTS, axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
let observed: OutcomeDetail;

describe('a stale correction of an outcome observation (http)', () => {
  beforeAll(async () => {
    e2e = await startE2E({
      viewport: { width: 1280, height: 860 },
      clock: steppingClock('2027-05-20T12:00:00.000Z'),
    });
    await e2e.app.call('workspace:import', {
      format: 'json',
      content: JSON.stringify(workspace([threat('T-1')])),
    });
    observed = await e2e.app.call<OutcomeDetail>('outcomes:add', {
      threatId: 'T-1',
      outcome: { date: '2027-05-19', reach: { breakout: 3, trend: 'growing' } },
    });
    await e2e.page.reload();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows both versions side by side and applies the correction on top of theirs', async () => {
    const { page } = e2e;
    const dana = await e2e.app.person('Dana Roy', ['analyst']);
    await page.goto(`${new URL(page.url()).origin}/#/log/T-1`);
    await page.getByTestId('detail-panel').waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('button', { name: /^Edit the observation of/ }).click();
    const form = page.getByTestId('outcome-edit-form');
    await form.getByLabel('Note').fill('The platform labelled the posts on May 19.');

    // Meanwhile Dana corrects the same observation (version 2).
    await dana.call('outcomes:update', {
      outcome: { ...observed.outcome, reach: { breakout: 2, trend: 'declining' } },
      expectedVersion: observed.meta.version,
    });

    await form.getByRole('button', { name: 'Save the correction' }).click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await page.getByText('Dana Roy changed this outcome observation while you were editing').waitFor();
    const breakout = dialog.getByRole('row', { name: /^Breakout category/ });
    await breakout.getByRole('cell', { name: '2', exact: true }).waitFor();
    await breakout.getByRole('cell', { name: '3', exact: true }).waitFor();
    await dialog
      .getByRole('row', { name: /^Trend/ })
      .getByText('declining')
      .waitFor();
    await dialog
      .getByRole('row', { name: /^Note/ })
      .getByText('The platform labelled the posts on May 19.')
      .waitFor();
    // Nothing was saved by the refused attempt.
    expect(
      (await e2e.app.call<OutcomeDetail>('outcomes:get', { id: observed.outcome.id })).meta.version,
    ).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'team-conflict-outcome-en.png') });
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Apply mine on top' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (await e2e.app.call<OutcomeDetail>('outcomes:get', { id: observed.outcome.id })).meta.version,
      )
      .toBe(3);
    const saved = await e2e.app.call<OutcomeDetail>('outcomes:get', { id: observed.outcome.id });
    // Dana's reach kept (not touched here), the note added here on top.
    expect(saved.outcome).toMatchObject({
      reach: { breakout: 2, trend: 'declining' },
      note: 'The platform labelled the posts on May 19.',
    });
    expect(saved.meta.changedBy).toBe('Avery Admin');
    await page
      .getByTestId('threat-timeline')
      .getByText(/Outcome observed: Breakout 2/)
      .waitFor();
    await page.getByTestId('outcome-edit-form').waitFor({ state: 'detached' });
  });
});
