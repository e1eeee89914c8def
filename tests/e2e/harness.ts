// Browser mode on a temporary database, driven by Playwright in Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from 'axe-core';
import { DownloadShelf } from '../../src/main/browser/downloads';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import { openTestApp, REPO_ROOT, type TestApp } from '../helpers/db';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  app: TestApp;
  server: BrowserServer;
  browser: Browser;
  page: Page;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(
  opts: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<E2E> {
  // As browser mode runs: what main saves (a Word document) is offered to the page as a download.
  const downloads = new DownloadShelf();
  const app = openTestApp({ keep: true, ports: { saveFile: downloads } });
  // THRESHOLD_RENDERER_DIR lets parallel work build the renderer into its own folder.
  const staticDir = process.env.THRESHOLD_RENDERER_DIR ?? path.join(REPO_ROOT, 'dist', 'renderer');
  const server = await startBrowserServer({ dispatch: app.dispatch, staticDir, downloads });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: opts.locale ?? 'en-CA',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    if (process.env.E2E_DEBUG) console.log('PAGEERROR', e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (process.env.E2E_DEBUG) console.log('CONSOLE', m.type(), m.text());
  });
  if (process.env.E2E_DEBUG)
    page.on(
      'response',
      (r) =>
        void r
          .text()
          .then((b) =>
            console.log(
              'RESPONSE',
              r.status(),
              r.url().slice(0, 60),
              r.request().postData()?.slice(0, 300),
              b.slice(0, 200),
            ),
          )
          .catch(() => {}),
    );
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // The launch file signs the browser in and sends it on to the app.
  await page.goto(server.url);
  await page.waitForURL((u) => u.origin === server.origin && u.pathname === '/');
  return {
    app,
    server,
    browser,
    page,
    async shot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
      app.close();
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
  };
}

/** Presses Tab until the focused element has the given accessible label (keyboard only). */
export async function tabTo(page: Page, label: string | RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent ??
        '';
      return labelled.replace(/\s+/g, ' ').trim();
    });
    if (typeof label === 'string' ? name.startsWith(label) : label.test(name)) return;
  }
  throw new Error(`Tab never reached "${String(label)}"`);
}

/** Runs axe-core in the page; returns serious and critical violations. */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on.
  await page.evaluate(AxeBuilder.source);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
