// `npm start`: builds the app, makes sure better-sqlite3 has a build for Electron's ABI in its
// own folder (.electron-native/, so the Node build that tests and the CLI use is never touched),
// and starts Electron.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureRenderer } from './renderer-fresh.mjs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch (err) {
    console.error(
      `Electron's own program is not installed (${err.message.split('\n')[0]}).\n` +
        'On a machine with internet access run: node node_modules/electron/install.js\n' +
        'Where Electron cannot be downloaded, use browser mode: npm run start:browser',
    );
    process.exit(1);
  }
}

function ensureElectronNative(electronVersion) {
  const dir = path.resolve('.electron-native');
  const stamp = path.join(dir, 'version.txt');
  const target = path.join(dir, 'better_sqlite3.node');
  const wanted = `electron-${electronVersion}`;
  if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about two minutes)…`);
  const work = path.join(dir, 'src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), work, {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`),
  });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.writeFileSync(stamp, wanted);
}

const binary = electronBinary();
ensureRenderer();
execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
ensureElectronNative(require('electron/package.json').version);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
