// The desktop seam of the end-to-end harness (tests/e2e/electron-bridge.ts) must be able to fail: a
// page that reaches for the HTTP fallback, or for anything outside the app, is caught; and the
// window.threshold it sees is the preload's, read-only as contextBridge leaves it.
import { describe, expect, it } from 'vitest';
import { startE2E } from './harness';

describe('the desktop seam in Chromium', () => {
  it('gives the page a read-only window.threshold from the preload, and fails a run that used the HTTP fallback', async () => {
    const e2e = await startE2E({ transport: 'electron' });
    const { page } = e2e;
    await page.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
    const seen = await page.evaluate(() => {
      const w = window as unknown as { threshold: Record<string, unknown> };
      const before = w.threshold;
      try {
        w.threshold = {};
      } catch {
        // strict-mode pages throw; either way it must not change
      }
      return {
        same: w.threshold === before,
        frozen: Object.isFrozen(w.threshold) && Object.isFrozen(w.threshold.threats),
        hasInvoke: 'invoke' in w.threshold || 'ipcRenderer' in w.threshold,
      };
    });
    expect(seen).toEqual({ same: true, frozen: true, hasInvoke: false });
    const info = await page.evaluate(() =>
      (window as unknown as { threshold: { app: { info(r: object): Promise<unknown> } } }).threshold.app.info(
        {},
      ),
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
    // What the HTTP fallback would do: refused, and the run fails for it. (Other origins the page's
    // Content-Security-Policy refuses before any request leaves.)
    await page.evaluate(async () => {
      await fetch('/api/app%3Ainfo', { method: 'POST', body: '{}' }).catch(() => undefined);
    });
    await expect(e2e.close()).rejects.toThrow(/outside the app:\n\S*\/api\/app%3Ainfo/);
  });
});
