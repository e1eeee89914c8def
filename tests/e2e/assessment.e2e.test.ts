// "Should we speak?" in real Chromium: load the sample, open a threat, see the level banner and the chart,
// record a decision (a rationale is required when it differs), reopen the stored assessment, open the
// policy editor, change a threshold and watch the preview, save, confirm a suggested cluster, and verify
// the audit log. Screenshots of each screen go to test-artifacts/e2e/assessment-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/domain/audit';
import type { AssessmentSummary } from '../../src/shared/domain/decision';
import { ADMIN } from '../helpers/people';
import { axeViolations, startE2E, TRANSPORTS, type E2E } from './harness';

let e2e: E2E;

// Once through browser mode's HTTP, once through the desktop app's preload and IPC.
for (const transport of TRANSPORTS)
  describe(`should we speak, end to end (${transport})`, () => {
    beforeAll(async () => {
      // Signed in as the administrator (every role): decisions are theirs, never a typed name.
      e2e = await startE2E({ transport });
      await e2e.page.reload();
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('loads the sample and opens a threat on its "Should we speak?" tab: banner, chart, gates, changes, spokesperson', async () => {
      const { page } = e2e;
      await page.getByRole('button', { name: 'Load the sample workspace' }).click();
      await page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
      // Every threat has a level from the start.
      await expect.poll(() => page.locator('.level-badge--unassessed').count()).toBe(0);
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('mail-in ballots');
      await page.locator('[role="row"][data-threat-id="lk27-001"]').click();
      await page.getByTestId('detail-panel').waitFor();
      await page.getByRole('tab', { name: 'Should we speak?' }).click();
      const banner = page.getByTestId('level-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/Recommendation: (Monitor|Engage privately|Speak publicly)/);
      expect(await banner.textContent()).toMatch(/engage privately at 35, speak publicly at 60/);
      const chart = page.getByTestId('score-chart');
      await chart.waitFor();
      expect(await chart.getByRole('img', { name: /Score against the thresholds/ }).count()).toBe(1);
      expect(await chart.locator('[data-threshold="engage"] text').textContent()).toBe('Engage privately 35');
      expect(await chart.locator('[data-threshold="speak"] text').textContent()).toBe('Speak publicly 60');
      expect(await chart.locator('rect[data-factor="harm"]').count()).toBe(1);
      await page.getByRole('heading', { name: 'Gates' }).waitFor();
      expect(await page.getByTestId('gate-domestic-political-debate').textContent()).toMatch(/Not applied/);
      expect(await page.getByTestId('spokesperson').textContent()).toMatch(/Election authority/);
      await e2e.shot('assessment-01-tab');
      await page.getByRole('heading', { name: 'What would change it' }).scrollIntoViewIfNeeded();
      await e2e.shot('assessment-02-tab-explained');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('records a decision that differs from the recommendation only with a rationale, then shows it in the history', async () => {
      const { page } = e2e;
      const form = page.getByTestId('decision-form');
      await form.scrollIntoViewIfNeeded();
      // Who decides is the signed-in person: no field asks for a name or a role.
      expect(await form.getByLabel('Decided by').count()).toBe(0);
      expect(await form.getByLabel('Role').count()).toBe(0);
      const recommended = (await page.getByTestId('level-banner').getAttribute('data-level'))!;
      const other = recommended === 'monitor' ? 'Engage privately' : 'Monitor';
      await form.getByRole('radio', { name: other }).check();
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await form.getByText(/Say why the decision differs from the recommendation/).waitFor();
      await e2e.shot('assessment-03-rationale-required');
      expect(await axeViolations(page)).toEqual([]);
      await form
        .getByLabel(/^Rationale/)
        .fill('The election authority is correcting it today; we hold and watch.');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await form.getByText(/Decision recorded with assessment #1/).waitFor();
      const stored = page.getByTestId('stored-assessment-1');
      await stored.waitFor();
      expect(await stored.textContent()).toMatch(
        new RegExp(`Decided “${other}” by ${ADMIN.name} \\(approver\\) on .* — the recommendation was`),
      );
      expect(await stored.textContent()).toMatch(/The election authority is correcting it today/);
      const history = await e2e.app.call<AssessmentSummary[]>('assessment:history', { threatId: 'lk27-001' });
      expect(history[0]!.decisions[0]).toMatchObject({
        decidedBy: ADMIN.name,
        role: 'approver',
        signature: expect.any(String),
        recommendedLevel: recommended,
      });
      await stored.scrollIntoViewIfNeeded();
      await e2e.shot('assessment-04-decided');
    });

    it('reopens the stored assessment with the policy version and the threat version it used, after the threat is edited', async () => {
      const { page } = e2e;
      // Edit the threat (version 2) behind the screen; the stored assessment still shows version 1.
      const detail = await e2e.app.call<{ threat: Record<string, unknown> }>('threats:get', {
        id: 'lk27-001',
      });
      await e2e.app.call('threats:update', {
        threat: { ...detail.threat, title: 'Mail-in ballot claim (edited later)' },
        expectedVersion: 1,
      });
      await page.getByRole('button', { name: 'Open assessment #1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Assessment #1, as it was made' });
      await dialog.waitFor();
      expect(await dialog.getByTestId('record-policy').textContent()).toMatch(
        /Policy version 1 — Default intervention policy/,
      );
      const then = await dialog.getByTestId('record-threat-lk27-001').textContent();
      expect(then).toMatch(/version 1 \(now version 2\)/);
      expect(then).toMatch(/False claim that mail-in ballots posted after Friday will not be counted/);
      await e2e.shot('assessment-05-record');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    it('opens the policy editor, changes a threshold, sees the preview change, and saves a new version', async () => {
      const { page } = e2e;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Intervention policy' })
        .click();
      await page.getByRole('heading', { name: 'Intervention policy', level: 1 }).waitFor();
      const preview = page.getByTestId('policy-preview');
      await preview
        .getByTestId('preview-changed')
        .filter({ hasText: '0 threats would change level.' })
        .waitFor();
      expect(await page.getByTestId('weight-sum').textContent()).toMatch(
        /Total: 100 — the weights add up to 100/,
      );
      // Help text comes from the policy's own descriptions.
      await page.getByText('The most points each factor can add.', { exact: false }).waitFor();
      await e2e.shot('assessment-06-policy');
      expect(await axeViolations(page)).toEqual([]);

      // A weight that breaks the sum: shown live, and the preview explains why the policy is not valid.
      await page.getByTestId('weight-harm').fill('45');
      await page
        .getByTestId('weight-sum')
        .filter({ hasText: 'Total: 105 — the weights must add up to 100.' })
        .waitFor();
      await page
        .getByTestId('preview-problems')
        .filter({ hasText: /weights must add up to 100/ })
        .waitFor();
      await e2e.shot('assessment-07-policy-invalid');
      await page.getByTestId('weight-harm').fill('40');
      await page.getByTestId('weight-sum').filter({ hasText: 'Total: 100' }).waitFor();

      // Lower the speak-publicly threshold: threats move up, before anything is saved.
      const before = await e2e.app.call<{ rows: { level: string }[] }>('threats:list', {
        filter: { level: ['speak-publicly'] },
        limit: 500,
      });
      await page.getByTestId('threshold-speak').fill('45');
      await preview
        .getByTestId('preview-changed')
        .filter({ hasText: /^[1-9]\d* threats? would change level\.$/ })
        .waitFor();
      const speakRow = preview.locator('[data-testid="preview-counts"] tr[data-level="speak-publicly"] td');
      expect(
        Number(
          await speakRow
            .nth(1)
            .textContent()
            .then((s) => s!.split(' ')[0]),
        ),
      ).toBeGreaterThan(Number(await speakRow.nth(0).textContent()));
      expect(await preview.getByTestId('preview-changes').locator('tbody tr').count()).toBeGreaterThan(0);
      await e2e.shot('assessment-08-policy-preview');
      // The preview changed nothing.
      const still = await e2e.app.call<{ rows: unknown[] }>('threats:list', {
        filter: { level: ['speak-publicly'] },
        limit: 500,
      });
      expect(still.rows.length).toBe(before.rows.length);

      await page.getByLabel('Note for the record (why the change)').fill('Lower bar for the final week');
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await page.getByText('Policy version 2 saved and in force.', { exact: false }).first().waitFor();
      const versions = page.getByTestId('policy-versions');
      await versions.getByText('Lower bar for the final week').waitFor();
      expect(await versions.locator('tbody tr').first().textContent()).toMatch(/2\s*in force/);
      const after = await e2e.app.call<{ rows: unknown[] }>('threats:list', {
        filter: { level: ['speak-publicly'] },
        limit: 500,
      });
      expect(after.rows.length).toBeGreaterThan(before.rows.length);
      // The preview starts again from the policy now in force: nothing would change.
      await preview
        .getByTestId('preview-changed')
        .filter({ hasText: '0 threats would change level.' })
        .waitFor();
      await e2e.shot('assessment-09-policy-saved');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('exports the policy in force and imports a policy file: a bad one shows its reasons and the current one stays', async () => {
      const { page } = e2e;
      const saved = await e2e.saveFile(() =>
        page.getByRole('button', { name: 'Export version 2 (JSON)' }).click(),
      );
      expect(saved.suggestedName).toBe('threshold-policy-v2.json');
      const exported = JSON.parse(fs.readFileSync(saved.path, 'utf8')) as {
        version: number;
        thresholds: { speakPublicly: number };
      };
      expect(exported).toMatchObject({ version: 2, thresholds: { speakPublicly: 45 } });

      const file = page.locator('input[type="file"][accept*="json"]');
      const bad = { ...exported, thresholds: { ...exported.thresholds, engagePrivately: 90 } };
      await file.setInputFiles({
        name: 'bad-policy.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      const problems = page.getByTestId('policy-problems');
      await problems.filter({ hasText: 'bad-policy.json is not a valid policy' }).waitFor();
      // Said in plain words (no setting names), and named by the part of the policy it is in.
      expect(await problems.textContent()).toMatch(
        /Thresholds: The level for engaging privately must be below the level for speaking publicly\./,
      );
      expect(await problems.textContent()).toMatch(/The policy in force \(version 2\) stays unchanged/);
      expect(await page.getByTestId('threshold-engage').inputValue()).toBe('35');
      await e2e.shot('assessment-09b-policy-import-refused');
      expect(await axeViolations(page)).toEqual([]);

      const good = { ...exported, thresholds: { ...exported.thresholds, speakPublicly: 50 } };
      await file.setInputFiles({
        name: 'good-policy.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(good)),
      });
      await page.getByText('good-policy.json loaded into the editor.', { exact: false }).waitFor();
      await expect.poll(() => page.getByTestId('threshold-speak').inputValue()).toBe('50');
      await page
        .getByTestId('preview-changed')
        .filter({ hasText: /^[1-9]\d* threats? would change level\.$/ })
        .waitFor();
      await page.getByRole('button', { name: 'Discard the edits' }).click();
      await expect.poll(() => page.getByTestId('threshold-speak').inputValue()).toBe('45');
    });

    it('shows the policy editor in French', async () => {
      const { page } = e2e;
      await page.getByTestId('language-switch').selectOption('fr');
      await page.getByRole('heading', { name: 'Politique d’intervention', level: 1 }).waitFor();
      await page.getByText('Poids des facteurs').waitFor();
      await e2e.shot('assessment-10-policy-fr');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('navigation').getByRole('link', { name: 'Registre des menaces' }).click();
      await page.getByTestId('log-search').fill('voters-list');
      await page.locator('[role="row"][data-threat-id="lk27-004"]').click();
      await page.getByRole('tab', { name: /^Faut-il parler\s?\?$/ }).click();
      await page
        .getByTestId('level-banner')
        .filter({ hasText: /Recommandation\s:\sParler publiquement/ })
        .waitFor();
      expect(
        await page.getByTestId('score-chart').locator('[data-threshold="speak"] text').textContent(),
      ).toBe('Parler publiquement 45');
      await page.getByRole('heading', { name: 'Garde-fous' }).waitFor();
      await e2e.shot('assessment-10b-tab-fr');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('log-search').fill('');
      await page.getByTestId('language-switch').selectOption('en');
      await page.getByRole('heading', { name: 'Threat log', level: 1 }).waitFor();
    });

    it('assesses a selection of threats chosen from the log as one cluster', async () => {
      const { page } = e2e;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Should we speak?' })
        .click();
      await page.getByRole('heading', { name: /Should we speak\? A selection or a cluster/ }).waitFor();
      await page.getByTestId('picker-search').fill('robocalls');
      await page.getByRole('checkbox', { name: /lk27-014/ }).check();
      await page.getByTestId('picker-search').fill('text messages impersonating');
      await page.getByRole('checkbox', { name: /lk27-013/ }).check();
      await page.getByText('2 threats chosen.').waitFor();
      await page.getByRole('button', { name: 'Assess 2 threats as a cluster' }).click();
      const cluster = page.getByTestId('cluster-assessment');
      await cluster.getByRole('heading', { name: 'Cluster of 2 threats' }).waitFor();
      await cluster.getByTestId('level-banner').waitFor();
      // Focus moves to the result, for keyboard and screen-reader users.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cluster of 2 threats');
      expect(await cluster.textContent()).toMatch(/lk27-013.*lk27-014|lk27-014.*lk27-013/s);
    });

    it('suggests clusters, and a confirmed one is assessed as one', async () => {
      const { page } = e2e;
      const suggested = page.getByTestId('suggested-clusters');
      await suggested.getByLabel('Election').selectOption('lakeshore-2027');
      const first = suggested.getByTestId('suggestion').first();
      await first.waitFor();
      expect(await first.textContent()).toMatch(/Why:/);
      await e2e.shot('assessment-11-suggestions');
      expect(await axeViolations(page)).toEqual([]);
      await first.getByRole('button', { name: /Confirm and assess these \d+ threats as a cluster/ }).click();
      const cluster = page.getByTestId('cluster-assessment');
      await cluster.getByTestId('level-banner').waitFor();
      expect(await cluster.getByRole('heading', { name: /Members of the cluster/ }).count()).toBe(1);
      expect(await cluster.getByTestId('score-chart').count()).toBe(1);
      await cluster.getByRole('heading', { name: 'Cluster of 6 threats' }).waitFor();
      await e2e.shot('assessment-12-cluster');
      expect(await axeViolations(page)).toEqual([]);
      await cluster.getByRole('button', { name: 'Save the assessment only' }).click();
      await cluster.getByText(/Assessment #2 saved, without a decision/).waitFor();
    });

    it('verifies the audit log, which records the decision and the policy change', async () => {
      const { page } = e2e;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('button', { name: 'Check the audit log' }).click();
      await page
        .getByTestId('audit-verification')
        .getByText(/The audit log is intact/)
        .waitFor();
      await page.getByRole('rowheader', { name: 'Decision recorded' }).first().waitFor();
      await page.getByRole('rowheader', { name: 'Intervention policy changed' }).first().waitFor();
      const entries = (await e2e.app.call<AuditPage>('audit:list', {})).entries.map((e) => e.action);
      expect(entries).toEqual(
        expect.arrayContaining(['decision.recorded', 'policy.changed', 'assessment.saved']),
      );
      await e2e.shot('assessment-13-audit');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
