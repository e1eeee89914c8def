// Packaging for Linux with electron-builder itself, offline: a stub Electron distribution (`electronDist`:
// a folder with an `electron` executable, which electron-builder copies and renames, carrying a real
// fuse wire for after-pack to flip) stands in for the download. The real electron-builder.yml and hooks
// run; only the compiler step of before-pack (which needs Electron's headers from the internet) is
// replaced by a stand-in. Then the package is read back with @electron/asar.
//
// The .deb target runs as far as it can without fpm (electron-builder downloads fpm, a Ruby program,
// from GitHub; Debian does not package it): its metadata checks (homepage, maintainer from the author's
// email) and the desktop entry run for real, and the fpm command line electron-builder would run is
// captured through its `effectiveOptionComputed` hook, which stops the build before fpm.
import asar from '@electron/asar';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/db';

const { build, Platform, Arch } = (await import('electron-builder')) as typeof import('electron-builder');
const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const NATIVE = path.join(
  REPO_ROOT,
  'node_modules',
  'better-sqlite3-multiple-ciphers',
  'build',
  'Release',
  'better_sqlite3.node',
);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

interface Packaged {
  project: string;
  out: string;
  fpmArgs: string[];
  desktopFile: string;
  error: Error | null;
  nodeBuildBefore: string;
  stub: string;
}
let packaged: Packaged;

/** The project as `npm run dist` sees it after `npm run build`, in a folder of its own. */
function stageProject(): string {
  const project = tempDir('trust-pack-project-', { keep: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(project, 'package.json'));
  fs.cpSync(path.join(REPO_ROOT, 'assets'), path.join(project, 'assets'), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  execFileSync(process.execPath, [
    path.join(REPO_ROOT, 'scripts', 'build-electron.mjs'),
    '--outdir',
    path.join(project, 'dist'),
  ]);
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      path.join(project, 'dist', 'renderer'),
      '--emptyOutDir',
    ],
    { cwd: REPO_ROOT },
  );
  return project;
}

/** What electron-builder needs of an Electron distribution for Linux: the `electron` executable. */
function stubElectronDist(): string {
  const dist = tempDir('trust-pack-electron-', { keep: true });
  // Electron's default fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, …
  const wire = [49, 48, 49, 49, 48, 48, 48, 49];
  fs.writeFileSync(
    path.join(dist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length, ...wire]),
    ]),
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(dist, 'LICENSE'), 'Electron licence (stand-in)');
  return dist;
}

beforeAll(async () => {
  const project = stageProject();
  const out = tempDir('trust-pack-out-', { keep: true });
  const config = loadYaml(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
  // before-pack as named in electron-builder.yml, with the compiler replaced (it needs the internet).
  const beforePack = path.join(project, 'before-pack-offline.cjs');
  fs.writeFileSync(
    beforePack,
    `const beforePack = require(${JSON.stringify(path.join(REPO_ROOT, config.beforePack as string))});
     module.exports = (context) => beforePack(context, { rebuild: async () => {} });`,
  );
  let fpmArgs: string[] = [];
  let desktopFile = '';
  let error: Error | null = null;
  const nodeBuildBefore = sha(NATIVE);
  const stub = stubElectronDist();
  try {
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
      publish: 'never',
      config: {
        ...config,
        electronDist: stub,
        directories: { ...(config.directories as object), output: out },
        beforePack,
        afterPack: path.join(REPO_ROOT, config.afterPack as string),
      },
      // Called with fpm's arguments just before fpm would run; true stops there.
      effectiveOptionComputed: async (options: unknown) => {
        if (Array.isArray(options) && Array.isArray(options[0])) {
          fpmArgs = options[0] as string[];
          desktopFile = fs.readFileSync(options[1] as string, 'utf8'); // a temporary file
          return true;
        }
        return false;
      },
    } as Parameters<typeof build>[0]);
  } catch (err) {
    error = err as Error;
  }
  packaged = {
    project,
    out,
    fpmArgs,
    desktopFile,
    error,
    nodeBuildBefore,
    stub: path.join(stub, 'electron'),
  };
}, 240_000);

afterAll(() => {
  // The package is about 100 MB: leave nothing behind.
  for (const dir of [packaged.project, packaged.out, path.dirname(packaged.stub)])
    fs.rmSync(dir, { recursive: true, force: true });
});

const appOut = () => path.join(packaged.out, 'linux-unpacked');
const archive = () => path.join(appOut(), 'resources', 'app.asar');

describe('electron-builder --linux, offline', () => {
  it('passes the .deb metadata checks (homepage, maintainer with an email) and would call fpm with them', () => {
    expect(packaged.error?.message ?? null).toBeNull();
    const arg = (name: string) => packaged.fpmArgs[packaged.fpmArgs.indexOf(name) + 1];
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      homepage: string;
      author: { name: string; email: string };
      version: string;
    };
    expect(arg('--name')).toBe('threshold');
    expect(arg('--maintainer')).toBe(`${pkg.author.name} <${pkg.author.email}>`);
    expect(arg('--maintainer')).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+>$/);
    expect(arg('--url')).toBe(pkg.homepage);
    expect(arg('--version')).toBe(pkg.version);
    expect(arg('--license')).toBe('MIT');
    expect(packaged.fpmArgs).toContain(`${appOut()}/=/opt/Threshold`);
    const desktop = packaged.desktopFile;
    expect(desktop).toMatch(/^Name=Threshold$/m);
    expect(desktop).toMatch(/^Exec=\/opt\/Threshold\/threshold %U$/m);
    expect(desktop).toMatch(/^Categories=Office;$/m);
    // The AppArmor profile electron-builder ships for Ubuntu 24.04 and later is in the package.
    expect(fs.existsSync(path.join(appOut(), 'resources', 'apparmor-profile'))).toBe(true);
  });

  it('puts in the archive everything the app reads, and no source or test file', () => {
    const entries = asar.listPackage(archive(), { isPack: false }).map((e) => e.replace(/\\/g, '/'));
    const files = new Set(entries);
    const project = packaged.project;
    for (const rel of [
      ...listFiles(path.join(project, 'dist')).map((f) => `dist/${f}`),
      ...listFiles(path.join(project, 'assets')).map((f) => `assets/${f}`),
      'package.json',
      'node_modules/better-sqlite3-multiple-ciphers/package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
    ]) {
      expect(files.has(`/${rel.split(path.sep).join('/')}`), rel).toBe(true);
    }
    const app = JSON.parse(asar.extractFile(archive(), 'package.json').toString()) as { main: string };
    expect(files.has(`/${app.main}`)).toBe(true);
    const ours = entries.filter((e) => !e.startsWith('/node_modules/'));
    expect(
      ours.filter((e) =>
        /^\/(src|tests|bench|scripts|docs|test-artifacts|release|\.electron-native|\.ci)(\/|$)/.test(e),
      ),
    ).toEqual([]);
    expect(ours.filter((e) => /\.(ts|tsx|map)$/.test(e) || /(\.|\/)test\./.test(e))).toEqual([]);
  });

  it("unpacks only native binaries (the driver's among them), and after-pack puts the Node build back", () => {
    const unpacked = path.join(appOut(), 'resources', 'app.asar.unpacked');
    const files = listFiles(unpacked);
    expect(files.filter((f) => !f.endsWith('.node'))).toEqual([]);
    expect(files).toContain(
      path.join('node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    );
    // Nor does the archive carry the driver's sources, the SQLite amalgamation or build objects.
    const driver = asar
      .listPackage(archive(), { isPack: false })
      .filter((e) => e.startsWith('/node_modules/better-sqlite3-multiple-ciphers/'));
    expect(
      driver.filter((e) => /\.(c|cc|cpp|h|hpp|o|a|mk|gyp|gypi)$|\/(deps|src|obj|obj\.target)\//.test(e)),
    ).toEqual([]);
    expect(driver).toContain('/node_modules/better-sqlite3-multiple-ciphers/lib/database.js');
    expect(
      asar.statFile(
        archive(),
        'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      ),
    ).toMatchObject({ unpacked: true });
    expect(sha(NATIVE)).toBe(packaged.nodeBuildBefore);
    expect(fs.existsSync(path.join(packaged.project, '.electron-native', 'node-build'))).toBe(false);
  });

  it('flips the fuses of the packaged executable (after-pack)', async () => {
    const wire = (await getCurrentFuseWire(path.join(appOut(), 'threshold'))) as unknown as Record<
      number,
      number
    >;
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(48);
  });
});
