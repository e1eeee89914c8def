// electron-builder afterPack hook (runs before signing, as fuses must): flips Electron's fuses in the
// packaged binary, reads them back to prove it, and puts back the Node build of the native module that
// before-pack.cjs set aside.
//
//   RunAsNode off                           ELECTRON_RUN_AS_NODE cannot turn the app into a Node runtime
//   EnableNodeOptionsEnvironmentVariable off NODE_OPTIONS cannot inject code
//   EnableNodeCliInspectArguments off       --inspect cannot attach a debugger
//   EnableCookieEncryption on               the cookie store is encrypted with an OS-protected key
//   OnlyLoadAppFromAsar on                  the app code comes from app.asar only
//   EnableEmbeddedAsarIntegrityValidation   on where Electron supports it (macOS, Windows; electron-builder
//                                           embeds the ASAR hashes there), off on Linux
//   GrantFileProtocolExtraPrivileges off    file:// gets no extra privileges (the app uses app://)
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');
const { restoreNodeBuild } = require('./before-pack.cjs');

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
const INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32']);

function fuseConfig(platform, arch) {
  const archName = typeof arch === 'number' ? ARCH_NAMES[arch] : arch;
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks an Apple Silicon binary's ad-hoc signature; sign it again (real signing follows).
    resetAdHocDarwinSignature:
      (platform === 'darwin' || platform === 'mas') && (archName === 'arm64' || archName === 'universal'),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: INTEGRITY_PLATFORMS.has(platform),
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where electron-builder put the Electron binary (for macOS, the .app; @electron/fuses finds the framework). */
function electronBinary(context) {
  const platform = context.electronPlatformName;
  const appInfo = context.packager.appInfo;
  if (platform === 'darwin' || platform === 'mas')
    return path.join(context.appOutDir, `${appInfo.productFilename}.app`);
  if (platform === 'win32') return path.join(context.appOutDir, `${appInfo.productFilename}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

async function afterPack(context) {
  const projectDir = context.packager?.projectDir ?? context.packager?.info?.projectDir ?? process.cwd();
  try {
    const binary = electronBinary(context);
    const config = fuseConfig(context.electronPlatformName, context.arch);
    await flipFuses(binary, config);
    const wire = await getCurrentFuseWire(binary);
    for (const [index, wanted] of Object.entries(config)) {
      if (!/^\d+$/.test(index)) continue;
      const actual = wire[index];
      const expected = wanted ? 49 : 48; // FuseState.ENABLE / DISABLE ('1' / '0')
      if (actual !== expected && actual !== 114 /* removed in this Electron */) {
        throw new Error(
          `after-pack: fuse ${FuseV1Options[index]} is ${String.fromCharCode(actual)} in ${binary}, expected ${wanted ? 'on' : 'off'}`,
        );
      }
    }
    console.log(`after-pack: fuses set in ${binary}`);
  } finally {
    if (restoreNodeBuild(projectDir))
      console.log('after-pack: put back the Node build of better-sqlite3-multiple-ciphers');
  }
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
