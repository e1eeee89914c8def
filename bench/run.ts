// `npm run bench [-- --json] [-- --threats N] [-- --only id,id]`: Threshold against the physical limit of
// its own parts. Every figure runs the real code path and, where it is a ratio, the bare baseline written
// here beside it, in the same run, on the same data. Each figure is run several times and reported as the
// median of its runs, with the minimum and maximum; the goal is judged on the median. The machine's load
// average before and after is reported too: figures taken on a busy machine say so. Progress goes to
// stderr; the result to stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspace } from './generate';
import { median, peakMemoryMB, sampleMemory } from './measure';
import { FIGURES, type BenchContext, type Figure } from './figures';
import { buildMainDb } from './figures/import';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const nIndex = args.indexOf('--threats');
const threats = nIndex >= 0 ? Number(args[nIndex + 1]) : 100_000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;

const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const memTimer = setInterval(sampleMemory, 100);
const loadBefore = os.loadavg();

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-bench-'));
progress(`generating ${threats.toLocaleString('en')} threats (seeded) in ${workDir}`);
const ctx: BenchContext = {
  workDir,
  workspace: generateWorkspace(threats),
  text: '',
  workspaceFile: path.join(workDir, 'bench-workspace.json'),
  threats,
  progress,
  mainDb: path.join(workDir, 'main.db'),
};
ctx.text = JSON.stringify(ctx.workspace);
fs.writeFileSync(ctx.workspaceFile, ctx.text);

/**
 * After the import, the generated workspace is no longer needed whole: the later figures measure the
 * app on its database, and a process holding 100,000 generated objects would make every figure pay
 * for garbage collection over them. A sample is kept for the figures that pick threats from it.
 */
function release(c: BenchContext): void {
  c.workspace = {
    ...c.workspace,
    threats: c.workspace.threats.filter((t) => t.electionId === c.workspace.elections[0]!.id).slice(0, 2000),
  };
  c.text = '';
}

interface Result {
  median: number;
  min: number;
  max: number;
  runs: number[];
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const needsDb = FIGURES.some((f) => only?.includes(f.id) && !f.standalone);
if (only && !only.includes('importRatio') && needsDb) {
  progress('importing the workspace for the figures asked for (not timed)');
  buildMainDb(ctx);
  release(ctx);
}

const results: Record<string, Result> = {};
const rows: [Figure, Result][] = [];
try {
  for (const figure of FIGURES) {
    if (only && !only.includes(figure.id)) continue;
    progress(`${figure.id}: ${figure.what}`);
    // Each figure starts from a collected heap, not the garbage of the one before.
    (globalThis as { gc?: () => void }).gc?.();
    const runs = await figure.measure(ctx);
    const result = {
      median: round(median(runs)),
      min: round(Math.min(...runs)),
      max: round(Math.max(...runs)),
      runs: runs.map(round),
    };
    results[figure.id] = result;
    rows.push([figure, result]);
    progress(`${figure.id} = ${result.median} (min ${result.min}, max ${result.max}, ${runs.length} runs)`);
    if (figure.id === 'importRatio') release(ctx);
  }
} finally {
  clearInterval(memTimer);
}
const memoryMB = peakMemoryMB();

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  threats,
  date: new Date().toISOString(),
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
  loadAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
};

if (asJson) {
  process.stdout.write(`${JSON.stringify({ figures: results, memoryMB, machine }, null, 2)}\n`);
} else {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(['figure', 'median', 'min', 'max', 'goal', 'met']),
    line(['---', '---', '---', '---', '---', '---']),
  ];
  for (const [f, r] of rows)
    out.push(
      line([
        f.id,
        String(r.median),
        String(r.min),
        String(r.max),
        f.goalText,
        f.met(r.median) ? 'yes' : 'NO',
      ]),
    );
  out.push(line(['memoryMB', String(memoryMB), '', '', 'report', '—']));
  process.stdout.write(
    `${out.join('\n')}\n\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.platform}, Node ${machine.node}\n` +
      `Load average (1, 5, 15 min): ${machine.loadBefore.join(', ')} at the start, ${machine.loadAfter.join(', ')} at the end\n`,
  );
}
fs.rmSync(workDir, { recursive: true, force: true });
process.exit(0);
