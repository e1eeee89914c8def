// `npm start`'s build of the SQLite driver for Electron (scripts/electron-native.mjs): the copy of the
// driver's sources works wherever the project lives, and a build is reused only for the same driver,
// Electron, platform and architecture.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
// @ts-expect-error: a plain ES module script, without types
import { buildStamp, copyFilter, isBuildCurrent } from '../../scripts/electron-native.mjs';

const stamp = buildStamp as (b: {
  electronVersion: string;
  driverVersion: string;
  platform: string;
  arch: string;
}) => string;
const current = isBuildCurrent as (dir: string, wanted: string) => boolean;
const filterFor = copyFilter as (root: string) => (p: string) => boolean;

describe('copying the driver to build it for Electron', () => {
  it('copies the sources even when the project lives under a folder named "build"', () => {
    const project = path.join(tempDir('trust-native-'), 'build', 'threshold');
    const driver = path.join(project, 'node_modules', 'better-sqlite3-multiple-ciphers');
    const keep = path.join(driver, 'src', 'better_sqlite3.cpp');
    const leave = path.join(driver, 'build', 'Release', 'better_sqlite3.node');
    for (const f of [keep, leave, path.join(driver, 'deps', 'sqlite3', 'sqlite3.c')]) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, 'x');
    }
    const work = path.join(project, '.electron-native', 'src');
    fs.cpSync(driver, work, { recursive: true, filter: filterFor(driver) });
    expect(fs.existsSync(path.join(work, 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'deps', 'sqlite3', 'sqlite3.c'))).toBe(true);
    // The driver's own earlier build (for Node) stays behind.
    expect(fs.existsSync(path.join(work, 'build'))).toBe(false);
  });
});

describe('reusing a build of the driver for Electron', () => {
  const base = { electronVersion: '45.5.0', driverVersion: '12.11.1', platform: 'linux', arch: 'x64' };

  it('is reused for the same driver, Electron, platform and architecture only', () => {
    const dir = tempDir('trust-native-stamp-');
    fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), 'binary');
    fs.writeFileSync(path.join(dir, 'version.txt'), stamp(base));
    expect(current(dir, stamp(base))).toBe(true);
    for (const changed of [
      { driverVersion: '12.12.0' },
      { electronVersion: '46.0.0' },
      { arch: 'arm64' },
      { platform: 'darwin' },
    ]) {
      expect(current(dir, stamp({ ...base, ...changed })), JSON.stringify(changed)).toBe(false);
    }
  });

  it('is not reused without the binary', () => {
    const dir = tempDir('trust-native-missing-');
    fs.writeFileSync(path.join(dir, 'version.txt'), stamp(base));
    expect(current(dir, stamp(base))).toBe(false);
  });
});
