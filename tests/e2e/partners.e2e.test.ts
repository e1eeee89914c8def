// The partner directory in real Chromium: load the sample, see the readiness gaps, add an
// organisation with a primary and a backup contact using the keyboard only, and look at it in
// English and French. Screenshots go to test-artifacts/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerDetail, ReadinessReport } from '../../src/shared/domain/partners';
import { ADMIN } from '../helpers/people';
import { axeViolations, startE2E, tabTo, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Nothing wider than the window: no sideways scrolling, no text cut off at the edge. */
async function horizontalOverflow(): Promise<string[]> {
  return e2e.page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page is ${document.documentElement.scrollWidth}px wide for ${width}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const r = el.getBoundingClientRect();
      if (
        r.width > 0 &&
        r.right > width + 1 &&
        getComputedStyle(el).position !== 'fixed' &&
        !el.closest('.partners-table-wrap, .chart-card__table, .visually-hidden')
      ) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}px`);
      }
    }
    return out.slice(0, 5);
  });
}

describe('partner directory, end to end', () => {
  it('shows the sample directory and its readiness gaps', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Load the sample workspace' }).click();
    await page.getByRole('grid', { name: 'Threat log' }).waitFor();
    await page.locator('.app-header__election select').selectOption('lakeshore-2027');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('heading', { name: 'Partner directory', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Pre-election readiness' }).waitFor();

    const expected = await e2e.app.call<ReadinessReport>('partners:readiness', {
      electionId: 'lakeshore-2027',
    });
    await page
      .getByTestId('readiness-count')
      .filter({ hasText: `${expected.gaps.length} gaps to close` })
      .waitFor();
    const readiness = page.getByTestId('readiness');
    await readiness.getByRole('heading', { name: /Channels with threats but no partner/ }).waitFor();
    await expect
      .poll(() => readiness.textContent())
      .toMatch(/telegram: \d+ threats?, and no partner handles it/);
    expect(await readiness.textContent()).toContain('Ferrier Islands');
    expect(await readiness.textContent()).toContain('X — Government affairs: “Escalation” has no backup');
    expect(await page.getByTestId('partners-table').locator('tbody tr').count()).toBe(13);
    await e2e.shot('partners-01-directory-en');
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow()).toEqual([]);
  });

  it('adds an organisation with a primary and a backup contact, keyboard only', async () => {
    const { page } = e2e;
    const before = (
      await e2e.app.call<ReadinessReport>('partners:readiness', { electionId: 'lakeshore-2027' })
    ).gaps.length;
    await page.locator('#partners-title').focus();
    await tabTo(page, 'Add an organisation');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New organisation', level: 1 }).waitFor();

    await tabTo(page, 'Name');
    await page.keyboard.type('Telegram — Abuse and elections desk');
    await tabTo(page, 'Kind of organisation');
    await page.keyboard.type('Platform');
    await tabTo(page, 'Channels or platforms it handles');
    await page.keyboard.type('telegram');
    await tabTo(page, 'Email');
    await page.keyboard.press('Space');
    await tabTo(page, 'Role');
    await page.keyboard.type('Election escalation');
    await tabTo(page, 'Name');
    await page.keyboard.type('Lena Morozova');
    await tabTo(page, 'Email');
    await page.keyboard.type('elections@telegram.example');
    await tabTo(page, 'Name');
    await page.keyboard.type('Karim Haddad');
    await tabTo(page, 'Phone');
    await page.keyboard.type('+44 20 7946 0321');
    await e2e.shot('partners-02-new-organisation');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Save the organisation');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Partner directory', level: 1 }).waitFor();
    const row = page
      .getByTestId('partners-table')
      .locator('tr', { hasText: 'Telegram — Abuse and elections desk' });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 role');
    expect(await row.textContent()).not.toContain('without backup');

    const saved = (await e2e.app.call<PartnerDetail[]>('partners:list', {})).find((p) =>
      p.partner.name.startsWith('Telegram'),
    )!;
    expect(saved.partner).toMatchObject({
      kind: 'platform',
      handles: ['telegram'],
      channels: ['email'],
      roles: [
        {
          role: 'Election escalation',
          primary: { name: 'Lena Morozova', email: 'elections@telegram.example' },
          backup: { name: 'Karim Haddad', phone: '+44 20 7946 0321' },
        },
      ],
    });
    // Telegram is covered now; the new relationship has never been contacted.
    const after = await e2e.app.call<ReadinessReport>('partners:readiness', { electionId: 'lakeshore-2027' });
    expect(after.gaps.some((g) => g.kind === 'channel-without-partner' && g.channel === 'telegram')).toBe(
      false,
    );
    expect(after.gaps.some((g) => g.kind === 'stale-relationship' && g.partnerId === saved.partner.id)).toBe(
      true,
    );
    expect(after.gaps.length).toBe(before);
    const readiness = page.getByTestId('readiness');
    await expect.poll(() => readiness.textContent()).not.toMatch(/telegram: \d+ threats?, and no partner/);
    expect(await readiness.textContent()).toContain('Telegram — Abuse and elections desk: never contacted');
  });

  it('says clearly what is wrong with a contact that cannot be reached', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    await page.getByRole('heading', { name: 'New organisation', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).first().fill('Community radio');
    await page.getByRole('textbox', { name: 'Role' }).fill('Station manager');
    // The primary contact's name is left empty, and the email is not one.
    await page.locator('#partner-roles-0-primary-email').fill('not an email');
    await page.getByRole('button', { name: 'Save the organisation' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'need attention' });
    await alert.waitFor();
    // Each problem names its field, says what is wrong in words, and links to the field.
    expect(await alert.textContent()).toContain(
      'Role 1 · Primary contact · Email: This is not an email address (name@example.org).',
    );
    expect(await alert.textContent()).toContain('Role 1 · Primary contact · Name: This is required.');
    expect(await alert.textContent()).toMatch(/^2 fields need attention before saving/);
    expect(await alert.getByRole('link').count()).toBe(2);
    await expect
      .poll(() => page.locator('#partner-roles-0-primary-email').getAttribute('aria-invalid'))
      .toBe('true');
    await e2e.shot('partners-03-validation');
    expect(await axeViolations(page)).toEqual([]);
    // Leaving with what was typed asks first, in the app's own dialog.
    await page.getByRole('button', { name: 'Back to the directory' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
    await page.getByRole('button', { name: 'Leave and lose the changes' }).click();
    await page.getByRole('heading', { name: 'Partner directory', level: 1 }).waitFor();
  });

  it('records a contact, which refreshes the relationship', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Record a contact with TikTok — Trust and safety' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a contact with TikTok — Trust and safety' });
    await dialog.waitFor();
    // Who made the contact is the signed-in person, shown and not typed.
    expect(await dialog.getByTestId('contact-by').textContent()).toContain(ADMIN.name);
    expect(await dialog.getByRole('textbox', { name: /By/ }).count()).toBe(0);
    await dialog.getByLabel('Note').fill('Confirmed the escalation address and named a backup.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Record the contact' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await page.getByTestId('readiness').textContent()) ?? '')
      .not.toContain('TikTok — Trust and safety: never contacted');
    const tiktok = await e2e.app.call<PartnerDetail>('partners:get', { id: 'p-tiktok' });
    expect(tiktok.lastContacted).not.toBeNull();
    expect(e2e.app.ctx.audit.list({ subject: 'partner:p-tiktok', limit: 1 })[0]).toMatchObject({
      action: 'partner.contacted',
      details: expect.objectContaining({ by: ADMIN.name }),
    });
  });

  it('reads in French, without overflow', async () => {
    const { page } = e2e;
    await page.getByTestId('language-switch').selectOption('fr');
    await page.getByRole('heading', { name: 'Répertoire des partenaires', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Préparation avant le scrutin' }).waitFor();
    expect(await page.getByTestId('readiness').textContent()).toMatch(/lacunes à combler/);
    expect(await page.getByRole('columnheader', { name: 'Dernier contact' }).count()).toBe(1);
    await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
    await e2e.shot('partners-04-directory-fr');
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow()).toEqual([]);
    await page.getByRole('link', { name: 'Elections Lakeshore', exact: true }).click();
    await page.getByRole('heading', { name: 'Elections Lakeshore', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Contacts par rôle' }).waitFor();
    await e2e.shot('partners-05-organisation-fr');
    await page.getByRole('group', { name: 'Ce qu’il faut lui signaler' }).scrollIntoViewIfNeeded();
    await e2e.shot('partners-06-notify-rules-fr');
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow()).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
  });
});
