// rendererBundleGzKB: the renderer's production JavaScript, every chunk, gzipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../figures';

export function buildRenderer(outDir: string): void {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
}

export const rendererBundleGzKB: Figure = {
  id: 'rendererBundleGzKB',
  what: "the renderer's production JS, gzipped (all chunks)",
  goalText: '≤ 400 KB',
  standalone: true,
  met: (v) => v <= 400,
  async measure(ctx) {
    const out = path.join(ctx.workDir, 'renderer');
    buildRenderer(out);
    let bytes = 0;
    for (const f of fs.readdirSync(path.join(out, 'assets'))) {
      if (f.endsWith('.js'))
        bytes += gzipSync(fs.readFileSync(path.join(out, 'assets', f)), { level: 9 }).length;
    }
    return [bytes / 1024];
  },
};
