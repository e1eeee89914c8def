// Builds the renderer unless dist/renderer is newer than every source file it comes from.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureRenderer() {
  const built = 'dist/renderer/index.html';
  const sources = Math.max(
    newest('src/renderer'),
    newest('src/shared'),
    fs.statSync('vite.config.ts').mtimeMs,
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
  console.log('Building the renderer…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
