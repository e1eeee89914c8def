// electron-builder cannot package here (Electron's binary cannot be downloaded), so its
// configuration is checked against electron-builder's own published schema, and its files exist.
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/db';

/** The part of the configuration these tests read (the schema check reads all of it). */
interface PlatformConfig {
  target: string[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
  asarUnpack: string[];
  npmRebuild: boolean;
  beforePack: string;
  afterPack: string;
  files: string[];
}

const config = load(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's configuration schema", () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg, with an app id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
  });

  it('unpacks only native binaries from the asar and rebuilds the driver for Electron outside npmRebuild', () => {
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
    expect(fs.existsSync(path.join(REPO_ROOT, config.beforePack))).toBe(true);
    expect(fs.existsSync(path.join(REPO_ROOT, config.afterPack))).toBe(true);
  });

  it('points at icons that exist, in the formats each platform needs', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, config.win.icon))).toBe(true);
    expect(fs.existsSync(path.join(REPO_ROOT, config.mac.icon))).toBe(true);
    const linuxIcons = fs.readdirSync(path.join(REPO_ROOT, config.linux.icon));
    expect(linuxIcons).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    const ico = fs.readFileSync(path.join(REPO_ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(fs.readFileSync(path.join(REPO_ROOT, config.mac.icon)).subarray(0, 4).toString('ascii')).toBe(
      'icns',
    );
  });

  it('packages the built app and its assets, and the package.json main points into them', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'assets/**']));
    expect(pkg.main).toBe('dist/main/index.cjs');
  });
});
