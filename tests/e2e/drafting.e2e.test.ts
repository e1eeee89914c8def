// "What do we say?" in real Chromium: the organisation profile in Settings, a public statement drafted from a
// threat's Drafts tab, a party name flagged as it is typed (and the check leading to it), fixed, saved,
// reviewed, approved, and exported as two Word documents: the release without the draft marking or any staff
// name, and the sign-off record. Screenshots go to test-artifacts/e2e/.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Acting } from '../helpers/db';
import { ARTIFACTS, axeViolations, startE2E, TRANSPORTS, type E2E } from './harness';

let e2e: E2E;
/** Ana drafts; Li reviews; Marie approves: three accounts, as the four-eyes rule wants. */
const IDENTITY = { name: 'Ana Ruiz' };
let ana: Acting;
let li: Acting;
let marie: Acting;
const PARTY = 'Heritage and Enterprise Party';
let originalContext = '';
let exported = '';

const editor = () => e2e.page.getByTestId('draft-editor');
/** Toasts go away on their own; for a screenshot, dismiss them now. */
async function dismissToasts(): Promise<void> {
  const buttons = e2e.page.locator('.toasts .toast > button:last-child');
  while ((await buttons.count()) > 0) await buttons.first().click();
}
const checks = () => e2e.page.getByTestId('checks-panel');

// Once through browser mode's HTTP, once through the desktop app's preload and IPC.
for (const transport of TRANSPORTS)
  describe(`drafting, end to end (${transport})`, () => {
    const artifacts = transport === 'electron' ? path.join(ARTIFACTS, 'electron') : ARTIFACTS;
    beforeAll(async () => {
      e2e = await startE2E({ transport });
      // Ana may review (she holds the role), but not what she wrote.
      ana = await e2e.app.person(IDENTITY.name, ['analyst', 'communications', 'reviewer']);
      li = await e2e.app.person('Li Wei', ['reviewer']);
      marie = await e2e.app.person('Marie Gagnon', ['approver']);
      await e2e.signInAs(ana);
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('keeps the organisation profile in Settings, with a logo', async () => {
      const { page } = e2e;
      await page.getByRole('button', { name: 'Load the sample workspace' }).click();
      await page.getByRole('grid', { name: 'Threat log' }).waitFor();
      // The stored profile is held back: until it arrives the form says it is loading and offers no field
      // to type into (what was typed would be overwritten when it arrives).
      const hold = e2e.hold('profile:get');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      const form = page.getByTestId('organisation-settings');
      await form.getByRole('heading', { name: 'Organisation' }).waitFor();
      await hold.held;
      await form.getByRole('status').filter({ hasText: 'Loading the organisation profile…' }).waitFor();
      expect(await form.getByRole('textbox').count()).toBe(0);
      expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
      await e2e.shot('drafting-00-settings-loading');
      hold.release();
      // The sample workspace carries its organisation.
      await form.getByLabel('Organisation’s name (English)').waitFor();
      expect(await form.getByLabel('Organisation’s name (English)').inputValue()).toBe('Elections Lakeshore');
      expect(await form.getByRole('status').count()).toBe(0);
      // A mistake is caught before anything is sent.
      await form.getByLabel('Website').fill('not a website');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Enter a web address, e.g. elections.example.org.').waitFor();
      await form.getByLabel('Website').fill('elections.lakeshore.example');
      await form.getByLabel('Media contact: name').fill('Sam Okoro-Lee');
      await form.getByLabel('Logo').setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwQZYAwAW9QF+0sLJ7MAAAAASUVORK5CYII=',
          'base64',
        ),
      });
      await form.getByRole('img', { name: 'Logo of Elections Lakeshore' }).waitFor();
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Organisation profile saved.').waitFor();
      await dismissToasts();
      await e2e.shot('drafting-01-settings');
      expect(await axeViolations(page)).toEqual([]);
      const profile = await e2e.app.call<{ website: string; mediaContact: { name: string }; logo?: string }>(
        'profile:get',
      );
      expect(profile.website).toBe('elections.lakeshore.example');
      expect(profile.mediaContact.name).toBe('Sam Okoro-Lee');
      expect(profile.logo).toMatch(/^data:image\/png;base64,/);
      // Communications no longer holds these settings.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Communications' })
        .click();
      await page.getByText('No drafts yet.').waitFor();
      expect(await page.getByTestId('organisation-settings').count()).toBe(0);
    });

    it('creates a public statement from the Drafts tab of a threat', async () => {
      const { page } = e2e;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Threat log' }).click();
      await page
        .getByRole('searchbox', { name: 'Search the log' })
        .fill('mail-in ballots posted after Friday');
      await page.locator('[role="row"][data-threat-id="lk27-001"]').click();
      await page.getByTestId('detail-panel').waitFor();
      await page.getByRole('tab', { name: 'Drafts' }).click();
      await page.getByText('No drafts about this threat yet.').waitFor();
      expect(await page.getByLabel('Kind of text').inputValue()).toBe('public-statement');
      expect(await page.getByRole('checkbox', { name: 'English' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'French' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Create draft' }).click();
      await editor().waitFor();
      await page.getByRole('heading', { name: /^Public statement/ }).waitFor();
      expect(await page.getByTestId('draft-version').textContent()).toBe('Version 1 of 1');
      // The plan is at the top, with the spokesperson and partners from the assessment.
      expect(await page.getByTestId('plan-panel').textContent()).toMatch(/Spokesperson/);
      expect(await checks().textContent()).toMatch(/Errors: 0/);
      originalContext = await page.getByLabel('What happened', { exact: true }).inputValue();
      expect(originalContext.length).toBeGreaterThan(20);
    });

    it('flags a party name as it is typed, and the check leads to it', async () => {
      const { page } = e2e;
      const context = page.getByLabel('What happened', { exact: true });
      await context.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` The ${PARTY} shared the post.`);
      const flagged = checks().locator('[data-check-id="partisan-name"]');
      await flagged.waitFor();
      expect(await flagged.textContent()).toMatch(/Error.*Party or candidate named.*English · What happened/);
      expect(await context.getAttribute('aria-invalid')).toBe('true');
      await dismissToasts();
      await e2e.shot('drafting-02-editor-flagged');
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: the check is a button; Enter takes the focus to the passage, selected.
      await flagged.getByRole('button').focus();
      await page.keyboard.press('Enter');
      const selected = await page.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement;
        return { id: el.id, text: el.value.slice(el.selectionStart, el.selectionEnd) };
      });
      expect(selected.id).toBe('draft-en-context');
      expect(selected.text).toContain(PARTY);

      // The approval waits until the text is saved and the error is fixed.
      expect(await page.getByRole('button', { name: 'Mark as reviewed' }).isDisabled()).toBe(true);
      await context.fill(originalContext);
      await flagged.waitFor({ state: 'detached' });
      await context.fill(`${originalContext} Posts repeating the claim were reported to the platforms.`);
      await page.getByRole('button', { name: 'Save as version 2' }).click();
      await page.getByText('Saved as version 2.').waitFor();
      expect(await page.getByTestId('draft-version').textContent()).toBe('Version 2 of 2');
    });

    it('is reviewed and approved by two other people, signed in; approval takes a passphrase and freezes the version', async () => {
      const { page } = e2e;
      const approval = page.getByTestId('approval-panel');
      // Ana wrote it: her own review is refused, with the reason.
      await approval.getByRole('button', { name: 'Mark as reviewed' }).click();
      await approval.getByText(/Ana Ruiz wrote this text, so Ana Ruiz cannot review it/).waitFor();

      await e2e.signInAs(li);
      await editor().waitFor();
      await approval.getByRole('button', { name: 'Mark as reviewed' }).click();
      await page.getByText('Version 2 marked as reviewed.').waitFor();
      expect(await approval.getByTestId('signoff-reviewed').textContent()).toContain('Li Wei');

      await e2e.signInAs(marie);
      await editor().waitFor();
      // Approving opens a dialog that asks for Marie's passphrase again (a fresh signature).
      await approval.getByRole('button', { name: 'Approve…' }).click();
      const sign = page.getByRole('dialog', { name: 'Approve version 2' });
      await sign.getByLabel('Your passphrase').fill(marie.passphrase);
      await sign.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText('Version 2 approved.').waitFor();
      expect(await approval.getByTestId('signoff-approved').textContent()).toContain(
        'Marie Gagnon, approver',
      );
      expect(await page.getByLabel('What happened', { exact: true }).getAttribute('readonly')).not.toBeNull();
      expect(await page.getByRole('button', { name: 'Edit as a new version' }).isVisible()).toBe(true);
      const versions = page.getByTestId('draft-versions');
      expect(await versions.locator('[data-version="2"]').textContent()).toContain('Approved');
      expect(await versions.locator('[data-version="1"]').textContent()).toContain('Draft');
      // The plan was read before the sign-ins: it stays folded to one line after the reloads.
      await page.getByRole('button', { name: 'Show the plan' }).waitFor();
      await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
      await dismissToasts();
      await e2e.shot('drafting-03-approved');
      await page.getByRole('button', { name: 'Show the plan' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });

    it(
      'exports the approved text without the draft marking, and its sign-off record apart',
      { timeout: 60_000 },
      async () => {
        const { page } = e2e;
        expect(
          await page.getByText('This version is approved: the file carries no draft marking.').isVisible(),
        ).toBe(true);
        const [saved, signoff] = await e2e.saveFiles(
          () => page.getByRole('button', { name: 'Export .docx' }).click(),
          2,
        );
        expect(path.basename(saved!.suggestedName)).toMatch(
          /^elections-lakeshore-public-statement-\d{4}-\d\d-\d\d\.docx$/,
        );
        expect(path.basename(signoff!.suggestedName)).toMatch(/^signoff-D-\d{8}-[0-9a-f]{6}-v2\.docx$/);
        exported = path.join(artifacts, 'drafting-export.docx');
        fs.copyFileSync(saved!.path, exported);
        const zip = await JSZip.loadAsync(fs.readFileSync(exported));
        const parts = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));
        const marks = (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join(' ');
        expect(marks).not.toMatch(/DRAFT|ÉBAUCHE/);
        const body = await zip.file('word/document.xml')!.async('string');
        expect(body).not.toContain('Marie Gagnon');
        expect(body).not.toContain(IDENTITY.name);
        expect(body).toContain('Sam Okoro-Lee');
        expect(body).toContain('FOR IMMEDIATE RELEASE');
        expect(body).toContain('Posts repeating the claim were reported to the platforms.');
        expect(body).not.toContain(PARTY);
        const record = await (
          await JSZip.loadAsync(fs.readFileSync(signoff!.path))
        )
          .file('word/document.xml')!
          .async('string');
        expect(record).toContain('Marie Gagnon');
        expect(record).toContain(IDENTITY.name);

        // Look at it: PDF, then one PNG per page, next to the screenshots.
        const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
        const pdf = spawnSync(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${profile}`,
            '--convert-to',
            'pdf',
            '--outdir',
            artifacts,
            exported,
          ],
          {
            encoding: 'utf8',
            timeout: 55_000,
          },
        );
        fs.rmSync(profile, { recursive: true, force: true });
        expect(pdf.status, pdf.stderr).toBe(0);
        const pdfFile = exported.replace(/\.docx$/, '.pdf');
        expect(fs.existsSync(pdfFile)).toBe(true);
        const png = spawnSync(
          'pdftoppm',
          ['-png', '-r', '60', pdfFile, path.join(artifacts, 'drafting-export-page')],
          { encoding: 'utf8' },
        );
        expect(png.status, png.stderr).toBe(0);
        expect(
          fs.readdirSync(artifacts).filter((f) => f.startsWith('drafting-export-page')).length,
        ).toBeGreaterThan(1);
      },
    );

    it('keeps the approved version when the text is edited again, and lists both', async () => {
      const { page } = e2e;
      // Ana again, who writes.
      await e2e.signInAs(ana);
      await editor().waitFor();
      await page.getByRole('button', { name: 'Edit as a new version' }).click();
      const action = page.getByLabel('What you can do', { exact: true });
      await action.fill('Check the facts with Elections Lakeshore before you share a post about voting.');
      await page.getByRole('button', { name: 'Save as version 3' }).click();
      await page.getByText('Saved as version 3.').waitFor();
      expect(await page.getByTestId('approval-panel').getByTestId('signoff-approved').textContent()).toBe(
        'Not yet',
      );
      await page.getByRole('button', { name: 'View version 2' }).click();
      await page.getByText('You are viewing version 2. It is read-only.').waitFor();
      expect(await page.getByLabel('What you can do', { exact: true }).inputValue()).not.toContain(
        'Elections Lakeshore before',
      );
      await page.getByRole('button', { name: 'Show the current version' }).click();
      await page.getByTestId('draft-version').filter({ hasText: 'Version 3 of 3' }).waitFor();

      // The threat's Drafts tab lists the draft with its version, status and approved version.
      await page.getByRole('link', { name: 'Back to the threat' }).click();
      await page.getByRole('tab', { name: 'Drafts' }).click();
      const row = page.getByTestId('drafts-table').locator('tbody tr').first();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Public statement.*3 \(version 2 approved\).*Draft/);
      await dismissToasts();
      await e2e.shot('drafting-05-drafts-tab');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('reads in French', async () => {
      const { page } = e2e;
      await page.getByRole('link', { name: /^Open Public statement/ }).click();
      await editor().waitFor();
      // In the English interface, the French tab's section labels are French.
      await page.getByRole('tab', { name: 'French' }).click();
      await page.getByLabel('Ce qui s’est passé', { exact: true }).waitFor();
      await page.getByRole('tab', { name: 'English' }).click();
      await page.getByTestId('language-switch').selectOption('fr');
      await page.getByRole('heading', { name: /^Déclaration publique/ }).waitFor();
      await page.getByRole('tab', { name: 'Français' }).click();
      await page.getByLabel('Ce qui s’est passé', { exact: true }).waitFor();
      await dismissToasts();
      await e2e.shot('drafting-04-editor-fr');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('language-switch').selectOption('en');
    });
  });
