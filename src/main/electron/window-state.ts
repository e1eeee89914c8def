// The window's size and position, remembered between runs, and never restored off-screen.
import fs from 'node:fs';
import type { Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  maximized: false,
};
const MIN = { width: 960, height: 600 };

/** Keeps a saved state only if at least a usable part of it is on one of the displays. */
export function usableState(saved: unknown, displays: readonly Rectangle[]): WindowState | null {
  if (!saved || typeof saved !== 'object') return null;
  const s = saved as Partial<WindowState>;
  const b = s.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n))) return null;
  const bounds = {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(MIN.width, Math.round(b.width)),
    height: Math.max(MIN.height, Math.round(b.height)),
  };
  const visible = displays.some((d) => {
    const w = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x);
    const h = Math.min(bounds.y + bounds.height, d.y + d.height) - Math.max(bounds.y, d.y);
    return w >= 200 && h >= 100;
  });
  return visible ? { bounds, maximized: Boolean(s.maximized) } : null;
}

export function readState(file: string, displays: readonly Rectangle[]): WindowState | null {
  try {
    return usableState(JSON.parse(fs.readFileSync(file, 'utf8')), displays);
  } catch {
    return null;
  }
}

export function writeState(file: string, state: WindowState): void {
  try {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Losing the window position is not worth interrupting anyone for.
  }
}
