// electron-builder beforePack hook: builds better-sqlite3-multiple-ciphers for Electron's ABI (and the
// target architecture) with @electron/rebuild, just before electron-builder copies node_modules into
// the package (electron-builder.yml sets npmRebuild: false, so this is the only rebuild).
//
// `npm install` built the module for Node, which the tests and the CLI use. That build is kept aside
// first (.electron-native/node-build/) and put back by after-pack.cjs once the package holds its copy,
// so `npm run dist` never leaves `npm test` with a module Node cannot load. If the rebuild fails, the
// Node build is put back at once.
const fs = require('node:fs');
const path = require('node:path');

const NATIVE = 'better-sqlite3-multiple-ciphers';
// electron-builder's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function paths(projectDir) {
  const built = path.join(projectDir, 'node_modules', NATIVE, 'build', 'Release', 'better_sqlite3.node');
  const savedDir = path.join(projectDir, '.electron-native', 'node-build');
  return {
    built,
    savedDir,
    saved: path.join(savedDir, 'better_sqlite3.node'),
    stamp: path.join(savedDir, 'packaging.json'),
  };
}

function projectDirOf(context) {
  return context.packager?.projectDir ?? context.packager?.info?.projectDir ?? process.cwd();
}

function electronVersionOf(context, projectDir) {
  const configured = context.packager?.config?.electronVersion ?? context.packager?.info?.framework?.version;
  if (configured) return configured;
  return JSON.parse(
    fs.readFileSync(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
}

/** Puts the Node build back (after packaging, or after a failed rebuild). True if there was one to put back. */
function restoreNodeBuild(projectDir) {
  const p = paths(projectDir);
  if (!fs.existsSync(p.saved)) return false;
  fs.mkdirSync(path.dirname(p.built), { recursive: true });
  fs.copyFileSync(p.saved, `${p.built}.restoring`);
  fs.renameSync(`${p.built}.restoring`, p.built);
  fs.rmSync(p.savedDir, { recursive: true, force: true });
  return true;
}

async function beforePack(context, deps = {}) {
  const projectDir = projectDirOf(context);
  const p = paths(projectDir);
  const electronVersion = electronVersionOf(context, projectDir);
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  if (arch === 'universal')
    throw new Error(
      'before-pack: build each architecture separately (x64, arm64); electron-builder merges them.',
    );
  if (!fs.existsSync(p.built)) throw new Error(`before-pack: ${p.built} is missing: run npm ci first.`);
  // Keep the Node build once: a second architecture in the same run must not save an Electron build as "Node's".
  if (!fs.existsSync(p.saved)) {
    fs.mkdirSync(p.savedDir, { recursive: true });
    fs.copyFileSync(p.built, p.saved);
  }
  const rebuild = deps.rebuild ?? (await import('@electron/rebuild')).rebuild;
  console.log(
    `before-pack: building ${NATIVE} for Electron ${electronVersion} (${context.electronPlatformName ?? process.platform}-${arch})`,
  );
  try {
    await rebuild({
      buildPath: projectDir,
      electronVersion,
      arch,
      onlyModules: [NATIVE],
      force: true,
      mode: 'sequential',
      buildFromSource: true,
    });
  } catch (err) {
    restoreNodeBuild(projectDir);
    throw err;
  }
  fs.writeFileSync(
    p.stamp,
    JSON.stringify(
      { electronVersion, arch, platform: context.electronPlatformName ?? process.platform },
      null,
      2,
    ),
  );
}

module.exports = beforePack;
module.exports.default = beforePack;
module.exports.restoreNodeBuild = restoreNodeBuild;
module.exports.paths = paths;
