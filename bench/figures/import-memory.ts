// importPeakMB: the peak memory of `threshold import` on the generated 100,000-threat workspace, in a
// process of its own (the benchmark's own process holds the generated workspace, which would swamp the
// figure): the command line as an official runs it, signed in, on a newly set-up (encrypted) database,
// measured by the kernel's maxRSS. The setup runs in a process of its own, not measured.
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
    // As a new organisation's first import: set up, then the administrator imports (no key in the
    // environment: it is opened through the administrator's key slot).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      THRESHOLD_USER: 'Bench Admin',
      THRESHOLD_PASSPHRASE: 'copper-lantern-meadow-violin-73',
    };
    delete env.THRESHOLD_DB_KEY;
    const cli = (db: string, args: string[], reporterFirst: boolean) => {
      const run = spawnSync(
        process.execPath,
        [...(reporterFirst ? ['-r', reporter] : []), 'bin/threshold.mjs', '--db', db, ...args],
        { encoding: 'utf8', env },
      );
      if (run.status !== 0) throw new Error(`threshold ${args[0]} failed: ${run.stderr}`);
      return run;
    };
    const peaks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const db = path.join(ctx.workDir, `import-memory-${i}.db`);
      cli(db, ['setup', '--org-name', 'Benchmark', '--admin', 'Bench Admin'], false);
      const run = cli(db, ['import', ctx.workspaceFile], true);
      const peak = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1]) / 1024;
      peaks.push(peak);
      ctx.progress(`  import of ${sizeMb.toFixed(0)} MB, run ${i + 1}: peak ${peak.toFixed(0)} MB`);
      for (const s of ['', '-wal', '-shm', '.keyring']) fs.rmSync(db + s, { force: true });
      fs.rmSync(path.join(ctx.workDir, 'backups'), { recursive: true, force: true });
    }
    return peaks;
  },
};
