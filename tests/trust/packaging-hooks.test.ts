// The packaging hooks named in electron-builder.yml, run against stand-ins for what electron-builder
// hands them (no Electron binary can be downloaded here): after-pack flips the fuses in an Electron-like
// binary (the real fuse wire format, found by its sentinel) and before-pack rebuilds the native module
// for Electron while keeping the Node build that the tests use, which after-pack puts back.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/db';

const require = createRequire(import.meta.url);
const afterPack = require('../../scripts/after-pack.cjs') as ((context: unknown) => Promise<void>) & {
  fuseConfig(p: string, a: number | string): Record<string, unknown>;
};
const beforePack = require('../../scripts/before-pack.cjs') as (
  context: unknown,
  deps?: { rebuild?: (o: Record<string, unknown>) => Promise<void> },
) => Promise<void>;
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49;
const OFF = 48;

/** A file laid out like an Electron binary's fuse wire: sentinel, version 1, length, states. */
function fakeElectronBinary(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, integrity off, asar-only off, v8 snapshot off, file privileges on.
  const wire = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
  fs.writeFileSync(
    file,
    Buffer.concat([
      randomBytes(4096),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length, ...wire]),
      randomBytes(4096),
    ]),
  );
}

function context(platform: string, appOutDir: string, projectDir = REPO_ROOT, arch = 1) {
  return {
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: {
      projectDir,
      executableName: 'threshold',
      appInfo: { productFilename: 'Threshold' },
      config: {},
    },
  };
}

describe('after-pack: Electron fuses', () => {
  for (const [platform, relative, integrity] of [
    ['linux', 'threshold', OFF],
    ['win32', 'Threshold.exe', ON],
    ['darwin', 'Threshold.app/Contents/Frameworks/Electron Framework.framework/Electron Framework', ON],
  ] as const) {
    it(`flips every fuse in the ${platform} binary and leaves the rest of it untouched`, async () => {
      const out = tempDir('trust-fuses-');
      const binary = path.join(out, relative);
      fakeElectronBinary(binary);
      const before = fs.readFileSync(binary);
      await afterPack(context(platform, out, tempDir('trust-fuses-project-')));
      const wire = (await getCurrentFuseWire(
        platform === 'darwin' ? path.join(out, 'Threshold.app') : binary,
      )) as unknown as Record<number, number>;
      expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(integrity);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
      const after = fs.readFileSync(binary);
      expect(after.length).toBe(before.length);
      let changed = 0;
      for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) changed++;
      expect(changed).toBeLessThanOrEqual(8);
    });
  }

  it('fails the build when the binary has no fuse wire', async () => {
    const out = tempDir('trust-fuses-none-');
    fs.writeFileSync(path.join(out, 'threshold'), randomBytes(10_000));
    await expect(afterPack(context('linux', out, tempDir('trust-fuses-project-')))).rejects.toThrow(
      /sentinel/,
    );
  });

  it('re-signs ad hoc only for Apple Silicon', () => {
    expect(afterPack.fuseConfig('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(afterPack.fuseConfig('darwin', 1).resetAdHocDarwinSignature).toBe(false);
    expect(afterPack.fuseConfig('linux', 3).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('before-pack: the native module for Electron', () => {
  function project() {
    const dir = tempDir('trust-beforepack-');
    const built = path.join(
      dir,
      'node_modules',
      'better-sqlite3-multiple-ciphers',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    fs.mkdirSync(path.dirname(built), { recursive: true });
    fs.writeFileSync(built, 'NODE-ABI BUILD');
    fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'node_modules', 'electron', 'package.json'),
      JSON.stringify({ version: '39.8.10' }),
    );
    return { dir, built };
  }

  it('rebuilds only better-sqlite3-multiple-ciphers, for Electron and the target arch, then after-pack puts the Node build back', async () => {
    const { dir, built } = project();
    const calls: Record<string, unknown>[] = [];
    await beforePack(context('linux', path.join(dir, 'out'), dir, 3), {
      rebuild: async (options) => {
        calls.push(options);
        fs.writeFileSync(built, 'ELECTRON-ABI BUILD');
      },
    });
    expect(calls).toEqual([
      expect.objectContaining({
        buildPath: dir,
        electronVersion: '39.8.10',
        arch: 'arm64',
        onlyModules: ['better-sqlite3-multiple-ciphers'],
        force: true,
      }),
    ]);
    expect(fs.readFileSync(built, 'utf8')).toBe('ELECTRON-ABI BUILD');
    // electron-builder copies node_modules into the package here; then after-pack runs.
    fakeElectronBinary(path.join(dir, 'out', 'threshold'));
    await afterPack(context('linux', path.join(dir, 'out'), dir, 3));
    expect(fs.readFileSync(built, 'utf8')).toBe('NODE-ABI BUILD');
    expect(fs.existsSync(path.join(dir, '.electron-native', 'node-build'))).toBe(false);
  });

  it('puts the Node build back at once when the rebuild fails', async () => {
    const { dir, built } = project();
    await expect(
      beforePack(context('linux', path.join(dir, 'out'), dir), {
        rebuild: async () => {
          fs.writeFileSync(built, 'HALF-BUILT');
          throw new Error('compiler missing');
        },
      }),
    ).rejects.toThrow(/compiler missing/);
    expect(fs.readFileSync(built, 'utf8')).toBe('NODE-ABI BUILD');
  });

  it('is what electron-builder.yml names, with npmRebuild off', () => {
    const yml = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^beforePack: scripts\/before-pack\.cjs$/m);
    expect(yml).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
    expect(yml).toMatch(/^npmRebuild: false$/m);
  });
});
