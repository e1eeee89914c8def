// Bundles the Electron main process and the preload into CommonJS. The native module stays external
// for main: it is loaded at run time. `--outdir DIR` builds into DIR instead of dist/ (the tests).
//
// The preload runs sandboxed: Electron gives it only `require` for electron's renderer modules,
// events, timers and url, and `process` (a subset), `Buffer`, `global`, `exports`, `module`,
// `setImmediate`, `clearImmediate` — no `__filename`, no Node built-ins. So it is built for the
// browser, self-contained, with none of main's Node-only banner; tests/trust/electron-preload.test.ts
// runs the built file with exactly those globals.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'dist');

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  // Prefer packages' ES module builds: some (jsonc-parser) ship a UMD "main" whose relative require()s
  // cannot be bundled, and the app would fail to start with "Cannot find module './impl/format'".
  mainFields: ['module', 'main'],
};

await build({
  ...common,
  platform: 'node',
  target: 'node20',
  // resvg (the report's charts) is a Node-API binary: loaded from node_modules, outside the archive.
  external: ['electron', 'better-sqlite3-multiple-ciphers', '@resvg/resvg-js'],
  // paths.ts uses import.meta.url when run from source; in the bundle it is this file's URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  entryPoints: ['src/main/electron/index.ts'],
  outfile: path.join(outdir, 'main', 'index.cjs'),
});
await build({
  ...common,
  platform: 'browser',
  target: 'chrome120',
  external: ['electron'],
  entryPoints: ['src/preload/index.ts'],
  outfile: path.join(outdir, 'preload', 'index.cjs'),
});
console.log(
  `Built ${path.join(outdir, 'main', 'index.cjs')} and ${path.join(outdir, 'preload', 'index.cjs')}`,
);
