// The SQLite driver built for Electron's ABI, for `npm start`: kept in .electron-native/ so that the
// Node build that the tests and the CLI use is never touched. Pure parts exported for the tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const DRIVER = 'better-sqlite3-multiple-ciphers';

/** What the copy of the driver's sources leaves out: the driver's own earlier build (its top-level
 *  build/ folder). Judged on the path inside the driver, so a project under ~/build/ copies whole. */
export function copyFilter(sourceRoot) {
  return (p) => path.relative(sourceRoot, p).split(path.sep)[0] !== 'build';
}

/** Which build the folder holds: reused only for the same driver, Electron, platform and arch. */
export function buildStamp({ electronVersion, driverVersion, platform, arch }) {
  return JSON.stringify({ driver: driverVersion, electron: electronVersion, platform, arch });
}

export function isBuildCurrent(dir, wanted) {
  const stamp = path.join(dir, 'version.txt');
  return (
    fs.existsSync(path.join(dir, 'better_sqlite3.node')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === wanted
  );
}

export function ensureElectronNative({ electronVersion, dir = path.resolve('.electron-native') }) {
  const driverDir = path.dirname(require.resolve(`${DRIVER}/package.json`));
  const driverVersion = JSON.parse(fs.readFileSync(path.join(driverDir, 'package.json'), 'utf8')).version;
  const wanted = buildStamp({
    electronVersion,
    driverVersion,
    platform: process.platform,
    arch: process.arch,
  });
  if (isBuildCurrent(dir, wanted)) return;
  console.log(`Building ${DRIVER} for Electron ${electronVersion} (once; about two minutes)…`);
  const work = path.join(dir, 'src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(driverDir, work, { recursive: true, filter: copyFilter(driverDir) });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  fs.copyFileSync(
    path.join(work, 'build', 'Release', 'better_sqlite3.node'),
    path.join(dir, 'better_sqlite3.node'),
  );
  fs.writeFileSync(path.join(dir, 'version.txt'), wanted);
}
