// Where Threshold keeps its database when nothing says otherwise: Electron's userData folder
// for an app named "Threshold", so the CLI and the desktop app share one file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Threshold';
export const DB_FILE_NAME = 'threshold.db';

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.THRESHOLD_DB || path.join(userDataDir(process.platform, env), DB_FILE_NAME);
}

/** The repository's (or installed package's) assets folder, when running from source. */
export function sourceAssetsDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets');
}

export function appVersion(): string {
  try {
    const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
