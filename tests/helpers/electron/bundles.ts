// The Electron bundles exactly as scripts/build-electron.mjs makes them, built into a folder of their
// own (so that tests never race over dist/), with the project's node_modules beside them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../db';

export interface ElectronBundles {
  dir: string;
  main: string;
  preload: string;
}

export function buildElectronBundles(outDir: string): ElectronBundles {
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs'), '--outdir', outDir],
    {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    },
  );
  // The driver stays external to main's bundle, as in the package: resolvable beside it.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(outDir, 'node_modules'));
  return {
    dir: outDir,
    main: path.join(outDir, 'main', 'index.cjs'),
    preload: path.join(outDir, 'preload', 'index.cjs'),
  };
}
