// The benchmark is the only place speed and memory are judged, so it must keep running as the app changes
// (it broke once, silently, when accounts arrived). This runs every figure on a small generated log and
// checks that each gives well-formed runs; it judges no figure against its goal: that is `npm run bench`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../bench/figures';

const REPO = path.resolve(__dirname, '../..');
// The renderer's size figure builds the renderer again; the browser figures use the e2e build instead.
const figures = FIGURES.map((f) => f.id).filter((id) => id !== 'rendererBundleGzKB');

interface Report {
  figures: Record<string, { median: number; min: number; max: number; runs: number[] }>;
  memoryMB: number;
  machine: { threats: number; cores: number };
}

describe('npm run bench', () => {
  it('runs every figure through the real code paths on a small log', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'bench/run.ts',
        '--json',
        '--threats',
        '250',
        '--only',
        figures.join(','),
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: {
          ...process.env,
          THRESHOLD_BENCH_RENDERER: process.env.THRESHOLD_RENDERER_DIR ?? path.join(REPO, 'dist', 'renderer'),
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.status, run.stderr.slice(-4000)).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(Object.keys(report.figures).sort()).toEqual([...figures].sort());
    for (const id of figures) {
      const r = report.figures[id]!;
      expect(r.runs.length, id).toBeGreaterThan(0);
      for (const v of r.runs) expect(Number.isFinite(v) && v > 0, `${id}: ${v}`).toBe(true);
      expect(r.min, id).toBeLessThanOrEqual(r.median);
      expect(r.median, id).toBeLessThanOrEqual(r.max);
    }
    expect(report.machine.threats).toBe(250);
  }, 600_000);
});
