// The architecture's boundaries, checked on the source: Electron only in the shell, no Node or
// main-process code in the renderer, nothing platform-specific in src/shared.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/db';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const rel = (f: string) => path.relative(REPO_ROOT, f);

describe('architecture boundaries', () => {
  it('only the Electron shell and the preload import electron', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'src'))
      .filter((f) => !rel(f).startsWith('src/main/electron/') && !rel(f).startsWith('src/preload/'))
      .filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('the renderer imports no Node built-ins, no native modules and no main-process code', () => {
    const offenders: string[] = [];
    for (const f of sourceFiles(path.join(REPO_ROOT, 'src/renderer'))) {
      for (const i of imports(f)) {
        const resolved = i.startsWith('.') ? path.resolve(path.dirname(f), i) : '';
        if (
          i.startsWith('node:') ||
          ['fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3-multiple-ciphers'].includes(i) ||
          (resolved && rel(resolved).startsWith('src/main'))
        ) {
          offenders.push(`${rel(f)} → ${i}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('src/shared uses neither Node nor the DOM nor the other layers', () => {
    const offenders: string[] = [];
    for (const f of sourceFiles(path.join(REPO_ROOT, 'src/shared'))) {
      const text = fs
        .readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const i of imports(f)) {
        const resolved = i.startsWith('.') ? rel(path.resolve(path.dirname(f), i)) : '';
        if (i.startsWith('node:') || i === 'electron' || (resolved && !resolved.startsWith('src/shared')))
          offenders.push(`${rel(f)} → ${i}`);
      }
      if (/\b(document|window|localStorage)\./.test(text)) offenders.push(`${rel(f)} uses the DOM`);
    }
    expect(offenders).toEqual([]);
  });

  it('the services under src/main are reachable without Electron: the CLI entry imports no shell code', () => {
    const shell = sourceFiles(path.join(REPO_ROOT, 'src/cli')).flatMap((f) =>
      imports(f)
        .filter((i) => i.includes('/electron'))
        .map((i) => `${rel(f)} → ${i}`),
    );
    expect(shell).toEqual([]);
  });
});
