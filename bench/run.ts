// `npm run bench [-- --json] [-- --threats N]`: Threshold against the physical limit of its own parts.
// Every figure runs the real code path and, where it is a ratio, the bare baseline written here
// beside it, in the same run, on the same data. Progress goes to stderr; the result to stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspace } from './generate';
import { peakMemoryMB, sampleMemory } from './measure';
import { FIGURES, type BenchContext, type Figure } from './figures';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const nIndex = args.indexOf('--threats');
const threats = nIndex >= 0 ? Number(args[nIndex + 1]) : 100_000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;

const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const memTimer = setInterval(sampleMemory, 100);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-bench-'));
progress(`generating ${threats.toLocaleString('en')} threats (seeded) in ${workDir}`);
const ctx: BenchContext = {
  workDir,
  workspace: generateWorkspace(threats),
  text: '',
  threats,
  progress,
  mainDb: path.join(workDir, 'main.db'),
};
ctx.text = JSON.stringify(ctx.workspace);

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

const results: Record<string, number> = {};
const rows: [Figure, number][] = [];
try {
  for (const figure of FIGURES) {
    if (only && !only.includes(figure.id)) continue;
    progress(`${figure.id}: ${figure.what}`);
    // Each figure starts from a collected heap, not the garbage of the one before.
    (globalThis as { gc?: () => void }).gc?.();
    const value = await figure.measure(ctx);
    results[figure.id] = Math.round(value * 1000) / 1000;
    rows.push([figure, value]);
    progress(`${figure.id} = ${results[figure.id]}`);
    if (figure.id === 'importRatio') release(ctx);
  }
} finally {
  clearInterval(memTimer);
}
results.memoryMB = peakMemoryMB();

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  threats,
  date: new Date().toISOString(),
};

if (asJson) {
  process.stdout.write(`${JSON.stringify({ figures: results, machine }, null, 2)}\n`);
} else {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [line(['figure', 'value', 'goal', 'met']), line(['---', '---', '---', '---'])];
  for (const [f, v] of rows)
    out.push(line([f.id, String(results[f.id]), f.goalText, f.met(v) ? 'yes' : 'NO']));
  out.push(line(['memoryMB', String(results.memoryMB), 'report', '—']));
  process.stdout.write(
    `${out.join('\n')}\n\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} ` +
      `GB, ${machine.platform}, Node ${machine.node}\n`,
  );
}
fs.rmSync(workDir, { recursive: true, force: true });
process.exit(0);
