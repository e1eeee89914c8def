// importPeakMB: the peak memory of `threshold import` on the generated 100,000-threat workspace, in a
// process of its own (the benchmark's own process holds the generated workspace, which would swamp the
// figure): the command line as an official runs it, on a new database, measured by the kernel's maxRSS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Figure } from '../figures';

const RUNS = 3;

export const importPeakMB: Figure = {
  id: 'importPeakMB',
  what: 'peak memory of `threshold import` of the 100,000-threat workspace file, in its own process',
  goalText: '≤ 400 MB',
  standalone: true,
  met: (v) => v <= 400,
  async measure(ctx) {
    const reporter = path.join(ctx.workDir, 'peak-rss.cjs');
    fs.writeFileSync(
      reporter,
      "process.on('exit', () => require('node:fs').writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n",
    );
    const sizeMb = fs.statSync(ctx.workspaceFile).size / 1024 / 1024;
    // A plain database, as a new official's first import would be (no key in the environment).
    const env = { ...process.env };
    delete env.THRESHOLD_DB_KEY;
    const peaks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const db = path.join(ctx.workDir, `import-memory-${i}.db`);
      const run = spawnSync(
        process.execPath,
        ['-r', reporter, 'bin/threshold.mjs', '--db', db, 'import', ctx.workspaceFile],
        { encoding: 'utf8', env },
      );
      if (run.status !== 0) throw new Error(`threshold import failed: ${run.stderr}`);
      const peak = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1]) / 1024;
      peaks.push(peak);
      ctx.progress(`  import of ${sizeMb.toFixed(0)} MB, run ${i + 1}: peak ${peak.toFixed(0)} MB`);
      for (const s of ['', '-wal', '-shm']) fs.rmSync(db + s, { force: true });
      fs.rmSync(path.join(ctx.workDir, 'backups'), { recursive: true, force: true });
    }
    return peaks;
  },
};
