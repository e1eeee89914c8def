// The French interface, end to end: a refusal of the services is said in French (its sentence from the
// errors catalog, with French punctuation), and every screen passes a language-of-parts check (WCAG 3.1.2):
// no visible text that is an English catalog string (one the French catalog says otherwise) outside an
// element marked lang="en", and the sample's threats whose titles exist only in English are marked so
// wherever they are shown.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ThreatDetail, ThreatPage } from '../../src/shared/domain/threat-log';
import type { Election } from '../../src/shared/domain/workspace';
import type { Acting } from '../helpers/db';
import { REPO_ROOT } from '../helpers/db';
import { startE2E, EVERY_SCREEN, type E2E } from './harness';

let e2e: E2E;
let reviewer: Acting;

beforeAll(async () => {
  e2e = await startE2E({ viewport: { width: 1280, height: 800 } });
  reviewer = await e2e.app.person('Li Wei', ['reviewer']);
  await e2e.page.getByRole('button', { name: 'Load the sample workspace' }).click();
  await e2e.page.getByTestId('log-count').filter({ hasText: '34 threats' }).waitFor();
});
afterAll(async () => {
  await e2e?.close();
});

async function setLanguage(lang: 'en' | 'fr') {
  const { page } = e2e;
  await page.evaluate((h) => (location.hash = h), '#/log');
  await page.getByTestId('language-switch').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function open(hash: string) {
  const { page } = e2e;
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('main h1:visible, main h2:visible').first().waitFor();
  // Lists and charts fill in after the heading.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describe('a refusal of the services, in the French interface', () => {
  it('is said in French, with French punctuation: an election with threats, and a role that may not', async () => {
    const { page } = e2e;
    await setLanguage('fr');
    await open('#/elections');
    const screen = page.locator('section[aria-labelledby="elections-title"]');
    const name = (await screen.locator('tbody th').first().textContent())!.trim();
    await screen.getByRole('button', { name: `Supprimer ${name}` }).click();
    const notice = screen.getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /^L’élection compte \d+ menaces; supprimez-les ou déplacez-les d’abord\.$/,
    );
    await e2e.shot('french-refusal-election-has-threats');

    // A reviewer may not delete an election: the services refuse, in French, naming what it takes.
    await e2e.signInAs(reviewer);
    await setLanguage('fr');
    await open('#/elections');
    await screen.getByRole('button', { name: `Supprimer ${name}` }).click();
    const refusal = await screen.getByRole('alert').filter({ hasText: 'Li Wei ne peut pas faire cela' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Li Wei ne peut pas faire cela\u00A0: aucun de ses rôles ne permet «\u00A0[\w.]+\u00A0»\. Rien n’a été modifié\.$/,
    );
    await e2e.shot('french-refusal-role');
    expect(await page.getByText(/may not do this|Nothing was changed/).count()).toBe(0);
  });
});

// ---- Language of parts ----

const ENGLISH_ONLY_TITLES = [
  'Robocalls tell voters in Ward 4 that the polling day has moved',
  'Forged notice says voter cards must be renewed online',
  'Video falsely shows ballots being burned at a polling station',
];

const SCREENS = EVERY_SCREEN;

type Catalog = Record<string, unknown>;
const readCatalogs = (dir: string, lang: string): Record<string, Catalog> =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(dir, lang, f), 'utf8')) as Catalog]),
  );
const CATALOG_DIRS = [path.join(REPO_ROOT, 'src/renderer/i18n'), path.join(REPO_ROOT, 'src/shared/i18n')];

function leaves(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, key ? `${key}.${k}` : k));
  return [];
}
const squash = (s: string) => s.replace(/[\s\u00A0\u202F]+/g, ' ').trim();

/**
 * The English strings of the interface that French says otherwise: whole texts, or patterns for those with
 * {{placeholders}} (when their fixed words say enough to be recognised). Strings that are also French
 * (a name, "Menu", "Type") are left out: they are right in both.
 */
function englishOnlyStrings(): { texts: string[]; patterns: string[] } {
  const en: [string, string][] = [];
  const fr = new Map<string, string>();
  for (const dir of CATALOG_DIRS) {
    for (const [ns, c] of Object.entries(readCatalogs(dir, 'en'))) en.push(...leaves(c, ns));
    for (const [ns, c] of Object.entries(readCatalogs(dir, 'fr')))
      for (const [k, v] of leaves(c, ns)) fr.set(k, v);
  }
  // The shipped policy's words (its descriptions and factor names), which the interface translates.
  const policy = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'assets/policy/default-policy.json'), 'utf8'),
  ) as unknown;
  const policyWords = leaves(policy).filter(([k]) => /(^|\.)(description|label)$/.test(k));
  en.push(...policyWords.map(([k, v]): [string, string] => [`policy:${k}`, v]));
  const frenchTexts = new Set([...fr.values()].map(squash));
  const texts = new Set<string>();
  const patterns = new Set<string>();
  for (const [key, raw] of en) {
    const text = squash(raw);
    if (text.includes('$t(') || frenchTexts.has(text) || squash(fr.get(key) ?? '') === text) continue;
    if (!text.includes('{{')) {
      // A word or two that is not a sentence (an id, "OK") says too little to be a catalog string out of place.
      if (/[A-Za-z]{3,}/.test(text)) texts.add(text);
      continue;
    }
    const fixed = text.replace(/\{\{[^}]*\}\}/g, ' ');
    if ((fixed.match(/[A-Za-z]{3,}/g) ?? []).length < 2) continue;
    const escaped = text
      .split(/\{\{[^}]*\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?');
    patterns.add(`^${escaped}$`);
  }
  return { texts: [...texts], patterns: [...patterns] };
}

interface Finding {
  text: string;
  /** The nearest element's tag and class, to find it. */
  where: string;
  /** The language the text is marked with (its nearest [lang]). */
  lang: string;
}

/** Every visible text on the page, with the language its nearest [lang] gives it. */
function visibleTexts(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string; lang: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/[\s\u00A0\u202F]+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style, noscript')) continue;
      // What is on screen: rendered, not hidden; text only screen readers get counts too (sr-only).
      if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      const marked = el.closest('[lang]');
      out.push({
        text,
        where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        lang: marked?.getAttribute('lang') ?? '',
      });
    }
    return out;
  });
}

/** The texts that are English catalog strings, or English-only record titles, outside lang="en". */
function unmarkedEnglish(
  found: Finding[],
  catalog: { texts: Set<string>; patterns: RegExp[] },
  titles: Set<string>,
): Finding[] {
  return found.filter(
    (f) =>
      !f.lang.startsWith('en') &&
      (catalog.texts.has(f.text) || titles.has(f.text) || catalog.patterns.some((p) => p.test(f.text))),
  );
}

describe('language of parts (WCAG 3.1.2), every screen in French', () => {
  const strings = englishOnlyStrings();
  const catalog = {
    texts: new Set(strings.texts),
    patterns: strings.patterns.map((p) => new RegExp(p, 'u')),
  };
  let englishTitles = new Set<string>();
  let frenchTitle = '';
  /** Record text in English: the English-only titles, and English the sample also has in French. */
  const englishRecordText = new Set<string>();

  beforeAll(async () => {
    // Threats recorded in English only (the sample's all have a French translation): their titles stay
    // English in the French interface, and must say so.
    const { threat } = await e2e.app.call<ThreatDetail>('threats:get', { id: 'lk27-003' });
    frenchTitle = threat.translations?.fr?.title ?? '';
    for (const [i, title] of ENGLISH_ONLY_TITLES.entries()) {
      const english = { ...threat, id: `lk27-en-${i + 1}`, title };
      delete english.translations;
      await e2e.app.call('threats:create', { threat: english });
    }
    const page = await e2e.app.call<ThreatPage>('threats:list', { limit: 500 });
    englishTitles = new Set(page.rows.filter((r) => !r.titleFr).map((r) => squash(r.title)));
    // The elections' names and jurisdictions, which the sample has in French too.
    for (const e of await e2e.app.call<Election[]>('elections:list')) {
      const fr = e.translations?.fr;
      if (fr?.name) englishRecordText.add(squash(e.name));
      if (fr?.jurisdiction) englishRecordText.add(squash(e.jurisdiction));
    }
    for (const title of englishTitles) englishRecordText.add(title);
  });

  it('knows English catalog strings and English-only sample titles to look for', () => {
    expect(catalog.texts.has('Threat log')).toBe(true);
    expect([...englishTitles].sort()).toEqual([...ENGLISH_ONLY_TITLES].sort());
    expect(englishRecordText.has('Lakeshore Provincial General Election 2027')).toBe(true);
    expect(catalog.texts.has('Reach and trend')).toBe(true);
  });

  it('marks every English text lang="en": catalog strings left in English, and record text written in English', async () => {
    const { page } = e2e;
    await e2e.signInAs(e2e.app);
    await setLanguage('fr');
    const all: Record<string, Finding[]> = {};
    for (const hash of SCREENS) {
      await open(hash);
      const found = unmarkedEnglish(await visibleTexts(page), catalog, englishRecordText);
      if (found.length) all[hash] = found;
      await e2e.shot(`french-${hash.replace(/[#/]+/g, '-').slice(1)}`);
    }
    expect(all).toEqual({});
  });

  it('marks the threats whose titles are only in English lang="en" in the French log', async () => {
    const { page } = e2e;
    await open('#/log');
    const search = page.getByRole('searchbox', { name: 'Chercher dans le registre' });
    for (const title of ENGLISH_ONLY_TITLES) {
      await search.fill(title);
      const cell = page.locator('[role="row"][data-threat-id] .cell__title').filter({ hasText: title });
      await cell.waitFor();
      expect(await cell.evaluate((c) => c.closest('[lang]')?.getAttribute('lang')), title).toBe('en');
    }
    // A title the record has in French is shown in French, in the page's own language.
    await search.fill(frenchTitle);
    const french = page.locator('[role="row"][data-threat-id="lk27-003"] .cell__title');
    await french.waitFor();
    expect(await french.evaluate((c) => c.closest('[lang]')?.getAttribute('lang'))).toBe('fr');
    await search.fill(ENGLISH_ONLY_TITLES[0]!);
    await page.locator('.cell__title').filter({ hasText: ENGLISH_ONLY_TITLES[0]! }).waitFor();
    await e2e.shot('french-log-language-of-parts');
  });
});
