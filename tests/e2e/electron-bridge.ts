// The desktop app's page seam in real Chromium: the built renderer served by the shell's own app://
// handler (src/main/electron/app-protocol.ts; Chromium here cannot register app://, so the page lives at
// http://threshold.localhost, a secure context like app://, and every request is answered by that
// handler), and window.threshold made from what the BUILT preload exposed in its sandbox
// (tests/helpers/electron: the real IPC binding and sender check, the shell's file-dialog handlers, a
// real database). The page never reaches the HTTP fallback: any /api/ request is refused and recorded,
// and so is any request to another origin.
//
// How window.threshold crosses: an init script defines it, frozen and read-only as contextBridge makes
// it, with one function per function the preload exposed; each forwards its argument to Node through a
// Playwright binding, where the preload's own function is called. A function given a callback (the
// menu listener) registers the callback and returns, at once, the function that releases it.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { appProtocolHandler } from '../../src/main/electron/app-protocol';

export const APP_URL = 'http://threshold.localhost';

interface Shape {
  [key: string]: 'function' | Shape;
}

function shapeOf(value: Record<string, unknown>): Shape {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'function' ? 'function' : shapeOf(v as Record<string, unknown>),
    ]),
  );
}

/** Runs in the page before its own scripts. */
function defineThreshold({ shape, binding }: { shape: Shape; binding: string }) {
  const callbacks = new Map<number, (...args: unknown[]) => void>();
  let next = 1;
  const call = (window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[binding]!;
  Object.defineProperty(window, '__thresholdHarnessCallback', {
    value: (id: number, args: unknown[]) => callbacks.get(id)?.(...args),
  });
  const build = (s: Shape, at: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(s)) {
      const fnPath = [...at, key];
      out[key] =
        v === 'function'
          ? (...args: unknown[]) => {
              const cb = args.findIndex((a) => typeof a === 'function');
              if (cb < 0) return call('call', fnPath, args);
              const id = next++;
              callbacks.set(id, args[cb] as (...a: unknown[]) => void);
              void call(
                'subscribe',
                fnPath,
                args.map((a, i) => (i === cb ? { callback: id } : a)),
              );
              return () => {
                callbacks.delete(id);
                void call('release', [String(id)], []);
              };
            }
          : build(v, fnPath);
    }
    return Object.freeze(out);
  };
  Object.defineProperty(window, 'threshold', { value: build(shape, []), enumerable: true });
}

export interface ElectronPage {
  /** Requests that would have left the app: /api/ (the HTTP fallback) or another origin. */
  refused: string[];
}

/** Prepares the browser context: the app:// handler answers every request; window.threshold is
 *  injected from the exposed API. Call before creating the page. */
export async function installElectronPage(
  context: BrowserContext,
  exposed: Record<string, unknown>,
  rendererDir: string,
): Promise<ElectronPage> {
  const refused: string[] = [];
  const serve = appProtocolHandler(path.resolve(rendererDir));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_URL || url.pathname.startsWith('/api/')) {
      refused.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    const response = serve(new Request(`app://threshold${url.pathname}${url.search}`));
    return route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });

  const releases = new Map<string, () => void>();
  const releasedEarly = new Set<string>(); // released before the subscription had come back
  const lookup = (at: string[]) => {
    let fn: unknown = exposed;
    for (const key of at) fn = (fn as Record<string, unknown>)[key];
    if (typeof fn !== 'function') throw new Error(`window.threshold.${at.join('.')} is not a function`);
    return fn as (...args: unknown[]) => unknown;
  };
  const binding = '__thresholdHarnessBridge';
  await context.exposeBinding(binding, async ({ page }, op: string, at: string[], args: unknown[]) => {
    if (op === 'call') return lookup(at)(...args);
    if (op === 'subscribe') {
      const idArg = args.find((a) => typeof a === 'object' && a !== null && 'callback' in a) as {
        callback: number;
      };
      const forward = (...values: unknown[]) =>
        void (page as Page)
          .evaluate(
            ([id, v]) =>
              (
                window as unknown as { __thresholdHarnessCallback(i: number, a: unknown[]): void }
              ).__thresholdHarnessCallback(id as number, v as unknown[]),
            [idArg.callback, values] as const,
          )
          .catch(() => undefined);
      const release = lookup(at)(...args.map((a) => (a === idArg ? forward : a)));
      const id = String(idArg.callback);
      if (typeof release === 'function') {
        if (releasedEarly.delete(id)) (release as () => void)();
        else releases.set(id, release as () => void);
      }
      return null;
    }
    if (op === 'release') {
      const id = at[0]!;
      const release = releases.get(id);
      if (release) release();
      else releasedEarly.add(id);
      releases.delete(id);
      return null;
    }
    throw new Error(`unknown bridge operation ${op}`);
  });
  await context.addInitScript(defineThreshold, { shape: shapeOf(exposed), binding });
  return { refused };
}
