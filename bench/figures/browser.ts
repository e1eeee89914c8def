// firstRowsMs and filterMs: browser mode in Chromium on the 100,000-threat database.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { AppHost } from '../../src/main/app-host';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import type { BenchContext, Figure } from '../figures';
import { SEARCH_TERMS } from '../generate';
import { now } from '../measure';
import { buildRenderer } from './bundle';

interface Session {
  host: AppHost;
  server: BrowserServer;
  browser: Browser;
}

/** The administrator the browser figures sign in as (set up on a copy of the benchmark's database). */
const ADMIN = { name: 'Bench Admin', passphrase: 'copper-lantern-meadow-violin-73' };

/**
 * Browser mode as `npm run start:browser` runs it: the app's host over a copy of the benchmark's database,
 * set up as a new organisation's first start does (which encrypts it, as every real database is), and the
 * same server. The copy keeps the benchmark's own database plain for the figures that read it directly.
 */
async function openHost(ctx: BenchContext): Promise<AppHost> {
  const file = path.join(ctx.workDir, 'browser.db');
  for (const s of ['', '-wal', '-shm', '.keyring']) fs.rmSync(file + s, { force: true });
  fs.copyFileSync(ctx.mainDb, file);
  const host = AppHost.open({
    dbPath: file,
    mode: 'browser',
    assetsDir: path.resolve('assets'),
    appVersion: 'bench',
    autoBackup: false,
  });
  const setup = await host.dispatch(
    'setup:run',
    { organisation: { name: { en: 'Benchmark' } }, administrator: ADMIN },
    { session: 'bench-setup' },
  );
  if (!setup.ok) throw new Error(`setup of the browser figures' database failed: ${setup.error.message}`);
  return host;
}

let session: Session | null = null;

async function open(ctx: BenchContext): Promise<Session> {
  if (session) return session;
  // THRESHOLD_BENCH_RENDERER: a renderer already built (the test that keeps the benchmark running uses
  // the end-to-end tests' build rather than a second one).
  const rendererDir = process.env.THRESHOLD_BENCH_RENDERER ?? path.join(ctx.workDir, 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) buildRenderer(rendererDir);
  ctx.progress('  setting up a copy of the database as browser mode opens it (not timed)');
  const host = await openHost(ctx);
  const server = await startBrowserServer({
    dispatch: host.dispatch,
    live: host.live,
    staticDir: rendererDir,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  session = { host, server, browser };
  return session;
}

async function close(): Promise<void> {
  if (!session) return;
  await session.browser.close();
  await session.server.close();
  session.host.close();
  session = null;
}

const ROW = '[role="row"][data-threat-id]';

// Runs in the page (as text, so no bundler helper leaks into it): from the input event to the
// count and the rows of the new result.
const TYPE_AND_WAIT = `async (word) => {
  const input = document.querySelector('[data-testid="log-search"]');
  const count = document.querySelector('[data-testid="log-count"]');
  const before = count.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  setValue.call(input, word);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((resolve) => {
    const check = () => {
      const text = count.textContent || '';
      const settled = /\\d/.test(text) && text !== before && document.querySelector('[role="row"][data-threat-id]');
      if (settled || /^0 /.test(text)) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 10000) resolve(-1);
      else requestAnimationFrame(check);
    };
    check();
  });
}`;

/**
 * A browser context with a session (its launch file used once) in which the administrator has signed in,
 * as the sign-in form does it, to open pages in.
 */
async function signedIn(browser: Browser, server: BrowserServer) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.launch().url);
  await page.waitForURL((u) => u.origin === server.origin && u.pathname === '/');
  await page.close();
  const csrf = (await context.cookies(server.origin)).find((c) => c.name === 'threshold_csrf')?.value ?? '';
  const response = await context.request.post(`${server.origin}/api/session:signIn`, {
    data: ADMIN,
    headers: { 'X-Threshold-CSRF': csrf },
  });
  const result = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!result.ok)
    throw new Error(`The benchmark's administrator could not sign in: ${result.error?.message}`);
  return context;
}

export const firstRowsMs: Figure = {
  id: 'firstRowsMs',
  what: 'browser mode, 100,000 threats: navigation to the first rows visible',
  goalText: '≤ 1,500 ms',
  met: (v) => v <= 1500,
  async measure(ctx) {
    const { server, browser } = await open(ctx);
    // Signed in once; each run opens the app in a new page (the sign-in itself is not timed).
    const context = await signedIn(browser, server);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await context.newPage();
      const t = now();
      await page.goto(`${server.origin}/`);
      await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
      const ms = now() - t;
      if (i > 0) times.push(ms);
      await page.close();
    }
    await context.close();
    ctx.progress(`  first rows: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    return times;
  },
};

export const filterMs: Figure = {
  id: 'filterMs',
  what: 'typing a search term to the table showing the filtered rows',
  goalText: '≤ 100 ms',
  met: (v) => v <= 100,
  async measure(ctx) {
    const { server, browser } = await open(ctx);
    const context = await signedIn(browser, server);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
    const terms = [...new Set(SEARCH_TERMS)].slice(0, 12);
    const times: number[] = [];
    const total = await page.getByTestId('log-count').textContent();
    for (const [i, term] of terms.entries()) {
      // From the whole log to one word: the count and the rows must change.
      await page.getByTestId('log-search').fill('');
      await page
        .getByTestId('log-count')
        .filter({ hasText: total ?? '' })
        .waitFor();
      const ms = (await page.evaluate(`(${TYPE_AND_WAIT})(${JSON.stringify(term)})`)) as number;
      if (ms < 0) throw new Error(`The log never showed the rows for "${term}".`);
      if (i > 1) times.push(ms);
    }
    await context.close();
    await close();
    ctx.progress(`  filter: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    return times;
  },
};
