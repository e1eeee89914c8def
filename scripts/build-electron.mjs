// Bundles the Electron main process and the preload into CommonJS (a sandboxed preload must be
// one self-contained script). The native module stays external: it is loaded at run time.
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  // Prefer packages' ES module builds: some (jsonc-parser) ship a UMD "main" whose relative require()s
  // cannot be bundled, and the app would fail to start with "Cannot find module './impl/format'".
  mainFields: ['module', 'main'],
  // paths.ts uses import.meta.url when run from source; in the bundle it is this file's URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...shared, entryPoints: ['src/main/electron/index.ts'], outfile: 'dist/main/index.cjs' });
await build({ ...shared, entryPoints: ['src/preload/index.ts'], outfile: 'dist/preload/index.cjs' });
console.log('Built dist/main/index.cjs and dist/preload/index.cjs');
