// A working day with the app, in English at 1440×900 and in French at 1280×800 (issue 13): the log a
// person arranges and keeps, a title that stays readable beside the panel, record text that cannot turn the
// app's words around, search through invisible characters, the assessment and the audit log in French,
// the draft editor's leave guard, and focus that goes where the person is.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omit } from '../../src/shared/collections';
import { ASSETS_DIR, REPO_ROOT } from '../helpers/db';
import { axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
const SIZES = { en: { width: 1440, height: 900 }, fr: { width: 1280, height: 800 } } as const;
const RLO = '\u202E';
const ZWSP = '\u200B';
/** A threat whose record text carries a right-to-left override and zero-width spaces. */
const TRICKY_TITLE = `Flyer ${RLO}gnitov dnes${'\u202C'} outside the Greywater Coast office`;
const TRICKY_SOURCE = `${RLO}LakeshoreTruth (reversed)`;

beforeAll(async () => {
  e2e = await startE2E({ viewport: SIZES.en });
  await e2e.page.getByRole('button', { name: 'Load the sample workspace' }).click();
  await e2e.page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
  const sample = JSON.parse(fs.readFileSync(path.join(ASSETS_DIR, 'sample-workspace.json'), 'utf8')) as {
    threats: Record<string, unknown>[];
  };
  const base = omit(sample.threats[0]!, 'id', 'translations', 'status');
  await e2e.app.call('threats:create', {
    threat: {
      ...base,
      title: TRICKY_TITLE,
      source: { actor: 'unknown', name: TRICKY_SOURCE, confidence: 'low' },
      falseClaim: `Vote at the ki${ZWSP}osk on Tues${ZWSP}day, not at the polling place.`,
    },
  });
  await e2e.page.reload();
  await e2e.page.getByTestId('log-count').filter({ hasText: '35 threats' }).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

async function useLanguage(lang: 'en' | 'fr') {
  const { page } = e2e;
  await page.setViewportSize(SIZES[lang]);
  await page.getByTestId('language-switch').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function openLog() {
  const { page } = e2e;
  await page.evaluate(() => (location.hash = '#/log'));
  await page.getByTestId('threat-table').waitFor();
}

/** Text nodes holding `needle` that no <bdi> or unicode-bidi: isolate element encloses within `root`. */
async function unisolated(needle: string): Promise<string[]> {
  return e2e.page.evaluate((n) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(n)) continue;
      let el = node.parentElement;
      let isolated = false;
      while (el && !isolated) {
        const bidi = getComputedStyle(el).unicodeBidi;
        isolated = el.tagName === 'BDI' || bidi === 'isolate' || bidi === 'plaintext';
        el = el.parentElement;
      }
      if (!isolated) out.push(node.parentElement?.outerHTML.slice(0, 120) ?? '');
    }
    return out;
  }, needle);
}

describe('the threat log a person keeps open all day', () => {
  it('finds a claim through zero-width characters, and isolates record text from the app’s own labels', async () => {
    const { page } = e2e;
    for (const lang of ['en', 'fr'] as const) {
      await useLanguage(lang);
      await openLog();
      await page.getByTestId('log-search').fill('kiosk');
      await page.getByTestId('log-count').filter({ hasText: /^1 / }).waitFor();
      const row = page.locator('[role="row"][data-threat-id]').first();
      await row.click();
      const panel = page.getByTestId('detail-panel');
      await panel.waitFor();
      await page.getByTestId('detail-source-name').waitFor();
      // Every piece of record text with the override sits in an isolate: the labels beside it read as
      // written ("Confidence in the attribution: Low").
      expect(await unisolated(RLO)).toEqual([]);
      const label = lang === 'en' ? 'Confidence in the attribution' : 'Confiance dans l’attribution';
      const dt = panel.locator('dt', { hasText: label });
      expect(await dt.evaluate((el) => el.closest('bdi'))).toBeNull();
      expect(await dt.locator('xpath=following-sibling::dd[1]').textContent()).toBe(
        lang === 'en' ? 'Low' : 'Faible',
      );
      await e2e.shot(`workday-${lang}-bidi`);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.getByTestId('log-search').fill('');
    }
  });

  it('remembers the columns, widths and density a person chose, after a reload (French, 1280×800)', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await openLog();
    const headers = () => page.locator('[role="columnheader"]').allInnerTexts();
    expect((await headers()).join('|')).toMatch(/Objectif/);
    // The chooser is a named dialog.
    await page.getByTestId('log-view').click();
    const chooser = page.getByRole('dialog', { name: 'Colonnes et densité' });
    await chooser.waitFor();
    await chooser.getByRole('checkbox', { name: 'Objectif' }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Identifiant' }).check();
    await chooser.getByRole('radio', { name: /^Compacte/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await chooser.waitFor({ state: 'detached' });
    // The title column is made wider with the keyboard.
    const edge = page.getByRole('separator', { name: 'Largeur de la colonne Titre' });
    const before = Number(await edge.getAttribute('aria-valuenow'));
    await edge.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(before + 32);

    await page.reload();
    await page.getByTestId('threat-table').waitFor();
    await page.locator('[role="row"][data-threat-id]').first().waitFor();
    const after = (await headers()).join('|');
    expect(after).not.toMatch(/Objectif/);
    expect(after).toMatch(/Identifiant/);
    expect(await page.getByTestId('threat-table').getAttribute('class')).toMatch(/compact/);
    expect(
      Number(
        await page
          .getByRole('separator', { name: 'Largeur de la colonne Titre' })
          .getAttribute('aria-valuenow'),
      ),
    ).toBe(before + 32);
    await e2e.shot('workday-fr-log-compact');
    // Back to the standard view for what follows.
    await page.getByTestId('log-view').click();
    await page.getByRole('button', { name: 'Revenir aux colonnes et aux largeurs par défaut' }).click();
    await page.keyboard.press('Escape');
  });

  it('shows French titles in the French log, and keeps the title readable beside the panel at 1280×800', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await openLog();
    const row = page.locator('[role="row"][data-threat-id="lk27-001"]');
    await row.scrollIntoViewIfNeeded();
    const title = row.locator('.cell__title');
    expect(await title.textContent()).toMatch(/^Fausse affirmation selon laquelle les bulletins/);
    expect(await title.getAttribute('title')).toBe(await title.textContent());
    await row.click();
    await page.getByTestId('detail-panel').waitFor();
    const cell = (await row.locator('.threat-table__cell--title').boundingBox())!;
    expect(cell.width).toBeGreaterThanOrEqual(300);
    // Two lines of it are on screen, whole words, nothing cut off inside the cell's box.
    const lines = await title.evaluate((el) =>
      Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
    );
    expect(lines).toBe(2);
    // Every badge of the level is whole in French.
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('[role="row"] .level-badge')].filter(
          (b) =>
            (b as HTMLElement).scrollWidth > (b as HTMLElement).clientWidth + 1 ||
            b.getBoundingClientRect().right >
              b.closest('[role="gridcell"]')!.getBoundingClientRect().right + 1,
        ).length,
    );
    expect(clipped).toBe(0);
    await e2e.shot('workday-fr-log-panel');
    // Esc closes the panel and puts the focus back on the row.
    await page.keyboard.press('Escape');
    await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-threat-id')))
      .toBe('lk27-001');
  });
});

describe('French everywhere', () => {
  it('speaks French in “Faut-il parler ?”: no sentence of the engine’s English catalogue is left', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await page.evaluate(() => (location.hash = '#/log/lk27-001'));
    await page.getByTestId('detail-panel').waitFor();
    await page.getByRole('tab', { name: /^Faut-il parler/ }).click();
    const tab = page.getByRole('tabpanel');
    await tab
      .getByText(/^Recommandation/)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    const text = await tab.innerText();
    // Each English sentence of the engine's messages, cut before its first placeholder.
    const catalog = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'src/shared/i18n/en/engine.json'), 'utf8'),
    ) as Record<string, unknown>;
    const english: string[] = [];
    const walk = (o: unknown) => {
      if (typeof o === 'string') {
        const head = o.split('{{')[0]!.trim();
        if (head.length >= 14) english.push(head);
      } else if (o && typeof o === 'object') Object.values(o).forEach(walk);
    };
    walk(catalog);
    expect(english.length).toBeGreaterThan(20);
    expect(english.filter((s) => text.includes(s))).toEqual([]);
    // French typography: a no-break space before the colon.
    expect(text).toMatch(/\u00A0:/);
    expect(text).not.toMatch(/\S:\s/u);
    // At speak-publicly, "what would change it" says what would lower it, not a dead end.
    const changes = await page.getByTestId('what-would-change').innerText();
    expect(changes).not.toContain('Aucun changement isolé ne ferait changer le niveau.');
    expect(changes).toMatch(/intervenir en privé|baisser/i);
    await e2e.shot('workday-fr-assessment');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('suggests clusters in French: French titles, channels by their labels', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await page.evaluate(() => (location.hash = '#/assess'));
    const first = page.getByTestId('suggestion').first();
    await first.waitFor();
    const text = await first.innerText();
    expect(text).toMatch(/Un média lié à l’étranger affirme/);
    expect(text).not.toMatch(/Foreign-linked outlet|\bfacebook\b/);
    expect(text).toMatch(/Facebook/);
    // The action's long French name stays inside its column.
    const button = (await first.getByRole('button').boundingBox())!;
    const item = (await first.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(item.x + item.width + 1);
  });

  it('names audit actions in French, shows details as labelled fields, filters by action, and exports CSV', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await page.evaluate(() => (location.hash = '#/audit'));
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await page
      .getByTestId('audit-count')
      .filter({ hasText: /entrées? affichées?/ })
      .waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/Menace consignée/);
    expect(text).not.toMatch(/[{}]"|":/);
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Menace consignée' });
    await expect
      .poll(async () =>
        (await table.locator('tbody tr').allInnerTexts()).every((r) => r.includes('Menace consignée')),
      )
      .toBe(true);
    const saved = await e2e.saveFile(() =>
      page.getByRole('button', { name: /^Exporter .* \(CSV\)/ }).click(),
    );
    const csv = fs.readFileSync(saved.path, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/Action/);
    expect(csv).toMatch(/Menace consignée/);
    await e2e.shot('workday-fr-audit');
  });
});

describe('nothing typed is lost', () => {
  it('the draft editor asks, in the app’s own dialog, before leaving with unsaved changes (French)', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await page.evaluate(() => (location.hash = '#/log/lk27-001'));
    await page.getByTestId('detail-panel').waitFor();
    await page.getByRole('tab', { name: 'Ébauches' }).click();
    await page.getByRole('button', { name: 'Créer l’ébauche' }).click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    // The new draft opens with the focus on its heading, not 35 Tabs away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    expect(await page.locator('#draft-title').textContent()).toMatch(/^Déclaration publique/);
    // The plan names channels by their labels and writes dates as the interface does, not as codes and stamps.
    const plan = await page.getByTestId('plan-panel').innerText();
    expect(plan).toMatch(/Facebook/);
    expect(plan).not.toMatch(/\bfacebook\b|\d{4}-\d{2}-\d{2}T\d{2}/);
    await page.getByRole('tab', { name: 'Français' }).click();
    const context = page.getByLabel('Ce qui s’est passé', { exact: true });
    await context.fill('Texte tapé à la main, pas encore enregistré.');
    let native = false;
    page.once('dialog', (d) => {
      native = true;
      void d.dismiss();
    });
    await page.getByRole('navigation').first().getByRole('link', { name: 'Tableau de bord' }).click();
    const ask = page.getByRole('dialog', { name: 'Quitter sans enregistrer?' });
    await ask.waitFor();
    expect(native).toBe(false);
    // Its buttons are whole inside it, in French too.
    const box = (await ask.boundingBox())!;
    for (const button of await ask.getByRole('button').all()) {
      const b = (await button.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    }
    await e2e.shot('workday-fr-draft-leave');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rester et continuer' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await context.inputValue()).toBe('Texte tapé à la main, pas encore enregistré.');
    await page.getByRole('navigation').first().getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('button', { name: 'Quitter et perdre les modifications' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/dashboard');
  });
});

describe('filters and forms that say what they want', () => {
  it('takes dates in the French log as the log writes them, and filters by them', async () => {
    const { page } = e2e;
    await useLanguage('fr');
    await openLog();
    const from = page.getByLabel('Du', { exact: true });
    expect(await from.getAttribute('placeholder')).toBe('AAAA-MM-JJ');
    await from.fill('2027-05-14');
    await page.getByTestId('log-count').filter({ hasNotText: '35 menaces' }).waitFor();
    // The rows follow the count (on a loaded machine, a moment later): every row shown is on or after the day.
    const firstSeen = () =>
      page.locator('[role="row"][data-threat-id] .threat-table__cell--firstSeen').allInnerTexts();
    await expect
      .poll(async () => {
        const cells = await firstSeen();
        return cells.length > 0 && cells.every((cell) => cell.replace(/\s+/g, ' ') >= '2027-05-14');
      })
      .toBe(true);
    await from.fill('');
    await page.getByTestId('log-count').filter({ hasText: '35 menaces' }).waitFor();
  });

  it('marks the required radio groups in words and links their errors; the summary names the fields', async () => {
    const { page } = e2e;
    await useLanguage('en');
    await page.evaluate(() => (location.hash = '#/threat/new'));
    await page.getByRole('heading', { name: 'Record a threat' }).waitFor();
    await page.getByRole('button', { name: 'Record threat' }).click();
    const summary = page.getByText(/fields need attention before saving/);
    await summary.waitFor();
    const group = page.getByRole('radiogroup', { name: /Confidence in the attribution/ });
    expect(await group.getAttribute('aria-required')).toBe('true');
    expect(await group.getAttribute('aria-invalid')).toBe('true');
    const described = await group.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toMatch(/Choose one of the options/);
    // The summary links to the field by its name.
    await page.getByRole('link', { name: /^Confidence in the attribution/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot('workday-en-form-errors');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('the workflow shows itself', () => {
  it('starts a draft from Communications, and saves the French typed in it back to the threat', async () => {
    const { page } = e2e;
    await useLanguage('en');
    await page.evaluate(() => (location.hash = '#/drafting'));
    await page.getByRole('button', { name: 'New draft…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New draft' });
    await dialog.waitFor();
    await dialog.getByTestId('picker-search').fill('kiosk');
    await dialog.getByRole('checkbox', { name: /Flyer/ }).check();
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await page.getByTestId('draft-editor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    const about = await page.getByTestId('draft-editor').innerText();
    const id = /lk27-\d+/.exec(about)?.[0];
    expect(id).toBeDefined();

    // The threat has no French yet: what is typed in the draft's French becomes its French version.
    await page.getByRole('tab', { name: 'French' }).click();
    await page
      .getByLabel('Ce qui s’est passé', { exact: true })
      .fill('Un dépliant invite à voter au kiosque.');
    await page.getByRole('button', { name: /^Save this French to the threat/ }).click();
    const save = page.getByRole('dialog', { name: 'Save the French text to the threat' });
    await save.waitFor();
    expect(await save.getByLabel('Summary in French').inputValue()).toBe(
      'Un dépliant invite à voter au kiosque.',
    );
    await save.getByLabel('Title in French').fill('Un dépliant appelle à voter au kiosque');
    await save.getByRole('button', { name: /^Save to / }).click();
    await page
      .getByText(/The French text is saved to/)
      .first()
      .waitFor();
    const threat = await e2e.app.call<{
      threat: { translations?: { fr?: { title?: string; summary?: string } } };
    }>('threats:get', { id });
    expect(threat.threat.translations?.fr).toMatchObject({
      title: 'Un dépliant appelle à voter au kiosque',
      summary: 'Un dépliant invite à voter au kiosque.',
    });
  });
});
