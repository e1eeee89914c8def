// The renderer in Debian's Chromium, driven by Playwright, on a temporary database, through one of the
// two doors the app has:
//   'http'      browser mode: the HTTP server and its token (src/main/browser);
//   'electron'  the desktop app's seam: the built preload in its sandbox exposing window.threshold, the
//               shell's IPC binding, sender check and file dialogs, the page served by the app://
//               handler (tests/e2e/electron-bridge.ts); the HTTP fallback is refused and checked unused.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import AxeBuilder from 'axe-core';
import { expect } from 'vitest';
import { DownloadShelf } from '../../src/main/browser/downloads';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser/server';
import { openDialogPort, saveDialogPort } from '../../src/main/electron/file-dialogs';
import { menuTemplate } from '../../src/main/electron/menu';
import type { Dispatch } from '../../src/main/ipc/dispatcher';
import { openTestApp, REPO_ROOT, tempDir, type TestApp, type TestAppOptions } from '../helpers/db';
import { ADMIN, type Person } from '../helpers/people';
import { buildElectronBundles } from '../helpers/electron/bundles';
import { connectPreload, createMainSide, type MainSide } from '../helpers/electron/main-side';
import { APP_URL, installElectronPage } from './electron-bridge';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Transport = 'http' | 'electron';
/** The end-to-end files that run through both doors. */
export const TRANSPORTS: readonly Transport[] = ['http', 'electron'];

export interface SavedFile {
  /** The name the app suggested (the download's name, or the save dialog's default). */
  suggestedName: string;
  path: string;
}

export interface E2E {
  transport: Transport;
  app: TestApp;
  browser: Browser;
  page: Page;
  /** Electron only: the main process's side (its fake `electron`: dialogs' answers, the window). */
  main: MainSide | null;
  shot(name: string): Promise<string>;
  /** Runs `trigger` and returns the file the app saved: a download (http) or the file the save
   *  dialog was answered with (electron). */
  saveFile(trigger: () => Promise<unknown>): Promise<SavedFile>;
  /** The same for an action that saves several files, in the order the app saved them. */
  saveFiles(trigger: () => Promise<unknown>, count: number): Promise<SavedFile[]>;
  /** Electron only: clicks a command of the application menu (src/main/electron/menu.ts) by label. */
  menu(label: string): void;
  /** Signs this browser (or desktop window) in as someone else, as switching user does, and reloads. */
  signInAs(person: Person): Promise<void>;
  /** Lets `after` more calls of `channel` through, then holds the next ones until `release()`: a test
   *  stops the app mid-work at a known point, whatever the machine's speed. */
  hold(channel: string, after?: number): { held: Promise<void>; release(): void };
  /** Browser mode only: another browser (a context of its own, with its own session cookie) on the same
   *  server, signed in as `person`, showing the app. Closed with the rest. */
  openBrowser(person: Person): Promise<Page>;
  close(): Promise<void>;
}

/** The calls of channels a test holds (E2E.hold), in front of the app's dispatcher, for both transports. */
class Holds {
  private readonly holds = new Map<
    string,
    { after: number; gate: Promise<void>; reached(): void; reachedOnce: Promise<void> }
  >();

  hold(channel: string, after = 0) {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reachedOnce = new Promise<void>((resolve) => (reached = resolve));
    this.holds.set(channel, { after, gate, reached, reachedOnce });
    return {
      /** Settles when a call is first held. */
      held: reachedOnce,
      release: () => {
        this.holds.delete(channel);
        release();
      },
    };
  }

  wrap(dispatch: Dispatch): Dispatch {
    return async (channel, payload, caller) => {
      const hold = typeof channel === 'string' ? this.holds.get(channel) : undefined;
      if (hold && hold.after-- <= 0) {
        hold.reached();
        await hold.gate;
      }
      return dispatch(channel, payload, caller);
    };
  }
}

const rendererDir = () =>
  // THRESHOLD_RENDERER_DIR lets parallel work build the renderer into its own folder.
  process.env.THRESHOLD_RENDERER_DIR ?? path.join(REPO_ROOT, 'dist', 'renderer');

interface Desktop {
  app: TestApp;
  main: MainSide;
  exposed: Record<string, unknown>;
  dir: string;
}

/** The desktop app's side: the built preload, the IPC binding, and the shell's file dialogs as the
 *  services' ports, over a test database. */
async function startDesktop(holds: Holds, teamServers?: TestAppOptions['teamServers']): Promise<Desktop> {
  const bundles = buildElectronBundles(tempDir('e2e-electron-bundles-', { keep: true }));
  let app: TestApp | null = null;
  // The window's own session (src/main/electron/ipc.ts names it), as the desktop app has it.
  const main = createMainSide(
    holds.wrap((channel, payload, caller) => app!.host.dispatch(channel, payload, caller)),
  );
  const dialog = main.electron.module.dialog as never;
  const parent = () => main.window as never;
  app = await openTestApp({
    keep: true,
    mode: 'electron',
    saveFile: saveDialogPort(dialog, parent),
    openFile: openDialogPort(dialog, parent),
    ...(teamServers ? { teamServers } : {}),
  });
  const preload = connectPreload(bundles.preload, main);
  return {
    app,
    main,
    exposed: preload.exposed.get('threshold') as Record<string, unknown>,
    dir: bundles.dir,
  };
}

export async function startE2E(
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    transport?: Transport;
    /** Who is signed in before the page loads (default: the administrator, who holds every role);
     *  false: nobody. */
    signIn?: Person | false;
    /** false: a first run, before setup (nobody can be signed in yet). */
    setUp?: boolean;
    /** The services' clock (e.g. one a test moves on, to let a session go idle). */
    clock?: () => Date;
    /** The desktop app's team servers (transport 'electron'). */
    teamServers?: TestAppOptions['teamServers'];
  } = {},
): Promise<E2E> {
  const transport = opts.transport ?? 'http';
  const holds = new Holds();
  const desktop = transport === 'electron' ? await startDesktop(holds, opts.teamServers) : null;
  // As browser mode runs: what main saves (a Word document) is offered to the page as a download.
  const shelf = new DownloadShelf();
  const app =
    desktop?.app ??
    (await openTestApp({
      keep: true,
      saveFile: shelf,
      ...(opts.setUp === false ? { setUp: false } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
    }));
  const server: BrowserServer | null = desktop
    ? null
    : await startBrowserServer({
        dispatch: holds.wrap(app.host.dispatch),
        staticDir: rendererDir(),
        downloads: shelf,
        live: app.host.live,
      });
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
    acceptDownloads: transport === 'http',
  });
  const electronPage = desktop ? await installElectronPage(context, desktop.exposed, rendererDir()) : null;
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
          .catch(() => undefined),
    );
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const artifacts = transport === 'electron' ? path.join(ARTIFACTS, 'electron') : ARTIFACTS;
  fs.mkdirSync(artifacts, { recursive: true });
  const savedDir = tempDir('e2e-saved-', { keep: true });
  let saves = 0;
  // A person signs in: in the desktop app, in this window's session; in browser mode, in this browser's
  // session (its cookie, once the launch file has signed the browser in to this run).
  const signIn = async (person: Person) => {
    const result = desktop
      ? await app.host.dispatch(
          'session:signIn',
          { name: person.name, passphrase: person.passphrase },
          { session: `window:${desktop.main.window.webContents.id}` },
        )
      : ((await (
          await context.request.post(`${server!.origin}/api/session:signIn`, {
            data: { name: person.name, passphrase: person.passphrase },
            // As the renderer does: the session's CSRF token, from its cookie, with every write.
            headers: { 'X-Threshold-CSRF': await csrfOf(context, server!.origin) },
          })
        ).json()) as Awaited<ReturnType<TestApp['dispatch']>>);
    if (!result.ok) throw new Error(`Could not sign ${person.name} in: ${result.error.message}`);
  };
  const person = opts.setUp === false ? false : (opts.signIn ?? ADMIN);
  if (desktop) {
    if (person) await signIn(person);
    await page.goto(`${APP_URL}/index.html`);
  } else {
    // Browser mode: the launch token gives this browser its session (as the launch file posts it; the file
    // itself is tested in tests/trust/browser-mode.test.ts), the person signs in to it, then the app opens.
    const origin = server!.origin;
    const exchanged = await context.request.post(`${origin}/session`, {
      form: { token: server!.token },
      headers: { Origin: origin },
    });
    expect(exchanged.status()).toBe(200);
    if (person) await signIn(person);
    await page.goto(`${origin}/`);
  }
  if (desktop) {
    // The page must have taken the preload's door, not the HTTP fallback.
    expect(await page.evaluate(() => typeof window.threshold?.app?.info)).toBe('function');
  }
  async function saveFiles(trigger: () => Promise<unknown>, count: number): Promise<SavedFile[]> {
    if (!desktop) {
      const downloads: Download[] = [];
      const all = new Promise<void>((resolve) => {
        const take = (d: Download) => {
          downloads.push(d);
          if (downloads.length === count) {
            page.off('download', take);
            resolve();
          }
        };
        page.on('download', take);
      });
      await trigger();
      await all;
      const out: SavedFile[] = [];
      for (const download of downloads) {
        const file = path.join(savedDir, `${++saves}-${download.suggestedFilename()}`);
        await download.saveAs(file);
        out.push({ suggestedName: download.suggestedFilename(), path: file });
      }
      return out;
    }
    const { calls } = desktop.main.electron;
    const files = Array.from({ length: count }, () => path.join(savedDir, `saved-${++saves}`));
    const before = calls.fileDialogs.length;
    calls.saveDialogAnswers.push(...files);
    await trigger();
    // Written beside and renamed: once it exists, it is whole.
    for (const file of files) await expect.poll(() => fs.existsSync(file), { timeout: 30_000 }).toBe(true);
    const dialogs = calls.fileDialogs.slice(before).filter((d) => d.kind === 'save');
    return files.map((file, i) => ({
      suggestedName: (dialogs[i]?.options as { defaultPath: string } | undefined)?.defaultPath ?? '',
      path: file,
    }));
  }

  return {
    transport,
    app,
    browser,
    page,
    main: desktop?.main ?? null,
    async shot(name) {
      const file = path.join(artifacts, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async saveFile(trigger) {
      const [saved] = await saveFiles(trigger, 1);
      if (!saved) throw new Error('Nothing was saved');
      return saved;
    },
    saveFiles,
    async openBrowser(who) {
      if (!server) throw new Error('A second browser exists only in browser mode');
      const other = await browser.newContext({
        viewport: opts.viewport ?? { width: 1440, height: 900 },
        locale: opts.locale ?? 'en-CA',
      });
      const { token } = server.launch();
      const exchanged = await other.request.post(`${server.origin}/session`, {
        form: { token },
        headers: { Origin: server.origin },
      });
      expect(exchanged.status()).toBe(200);
      const signedIn = (await (
        await other.request.post(`${server.origin}/api/session:signIn`, {
          data: { name: who.name, passphrase: who.passphrase },
          headers: { 'X-Threshold-CSRF': await csrfOf(other, server.origin) },
        })
      ).json()) as Awaited<ReturnType<TestApp['dispatch']>>;
      if (!signedIn.ok) throw new Error(`Could not sign ${who.name} in: ${signedIn.error.message}`);
      const otherPage = await other.newPage();
      otherPage.setDefaultTimeout(10_000);
      otherPage.on('pageerror', (e) => errors.push(`(${who.name}) ${e.message}`));
      otherPage.on('console', (m) => {
        if (m.type() === 'error') errors.push(`(${who.name}) ${m.text()}`);
      });
      await otherPage.goto(`${server.origin}/`);
      return otherPage;
    },
    async signInAs(who) {
      await signIn(who);
      await page.reload();
    },
    hold: (channel, after) => holds.hold(channel, after),
    menu(label) {
      if (!desktop) throw new Error('The application menu exists only in the desktop app');
      const win = desktop.main.window;
      const template = menuTemplate({
        send: (command) => win.webContents.send('menu:command', command),
        about: () => undefined,
        isMac: false,
        devTools: false,
      });
      const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
      const item = items.find((i) => i.label === label);
      if (!item?.click) throw new Error(`No menu command labelled ${label}`);
      (item.click as () => void)();
    },
    async close() {
      await browser.close();
      await server?.close();
      app.close();
      fs.rmSync(savedDir, { recursive: true, force: true });
      if (desktop) fs.rmSync(desktop.dir, { recursive: true, force: true });
      const problems: string[] = [];
      if (errors.length) problems.push(`The page reported errors:\n${errors.join('\n')}`);
      if (electronPage?.refused.length)
        problems.push(`The desktop page made requests outside the app:\n${electronPage.refused.join('\n')}`);
      if (desktop && downloads.length)
        problems.push(`The desktop page downloaded instead of saving through main: ${downloads.join(', ')}`);
      if (problems.length) throw new Error(problems.join('\n'));
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

export interface CodeSnifferError {
  code: string;
  message: string;
  element: string;
}

/** Runs HTML_CodeSniffer (the engine pa11y runs by default) at WCAG 2 AA in the page; returns its errors
 *  (not its warnings or notices, which ask a person to look), as pa11y reports them. Injected through the DevTools protocol, so the
 *  page's strict CSP stays on. */
export async function codeSnifferErrors(page: Page): Promise<CodeSnifferError[]> {
  await page.evaluate(HTMLCS_SOURCE());
  return page.evaluate(
    () =>
      new Promise<CodeSnifferError[]>((resolve) => {
        const htmlcs = (
          window as unknown as {
            HTMLCS: {
              process(standard: string, doc: Document, done: () => void): void;
              getMessages(): { type: number; code: string; msg: string; element: Element }[];
            };
          }
        ).HTMLCS;
        htmlcs.process('WCAG2AA', document, () =>
          resolve(
            htmlcs
              .getMessages()
              .filter((m) => m.type === 1)
              // The app's own addresses ("#/log") are routes of the hash router, not in-page anchors.
              .filter(
                (m) => !(m.code.endsWith('.NoSuchID') && m.element.getAttribute('href')?.startsWith('#/')),
              )
              .map((m) => ({
                code: m.code,
                message: m.msg,
                element: (m.element as Element).outerHTML?.slice(0, 160) ?? String(m.element),
              })),
          ),
        );
      }),
  );
}

let htmlcsSource: string | null = null;
function HTMLCS_SOURCE(): string {
  htmlcsSource ??= fs.readFileSync(
    path.join(REPO_ROOT, 'node_modules', 'html_codesniffer', 'build', 'HTMLCS.js'),
    'utf8',
  );
  return htmlcsSource;
}

/** How far the page scrolls sideways (WCAG 1.4.10: content reflows, nothing needs two-way scrolling). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });
}

/** The CSRF token the server gave this browser's session (its readable cookie). */
export async function csrfOf(context: BrowserContext, origin: string): Promise<string> {
  return (await context.cookies(origin)).find((c) => c.name === 'threshold_csrf')?.value ?? '';
}

/** Every screen a person works in, by its address (the walks of every screen go through this list). */
export const EVERY_SCREEN = [
  '#/log',
  '#/log/lk27-003',
  '#/threat/new',
  '#/dashboard',
  '#/assess',
  '#/drafting',
  '#/partners',
  '#/partners/new',
  '#/policy',
  '#/elections',
  '#/audit',
  '#/settings',
] as const;
