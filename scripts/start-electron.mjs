// `npm start`: builds the app, makes sure better-sqlite3 has a build for Electron's ABI in its
// own folder (.electron-native/, so the Node build that tests and the CLI use is never touched),
// and starts Electron.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureElectronNative } from './electron-native.mjs';
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

const binary = electronBinary();
ensureRenderer();
execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
ensureElectronNative({ electronVersion: require('electron/package.json').version });
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
