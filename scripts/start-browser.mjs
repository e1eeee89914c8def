// `npm run start:browser [-- --demo] [-- --no-open] [-- --port N] [-- --db FILE]`
// The same renderer and services as the desktop app, served on 127.0.0.1 with a secret token.
import { spawn } from 'node:child_process';
import { ensureRenderer } from './renderer-fresh.mjs';

ensureRenderer();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/main/browser/main.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
