// The import graph of src/, read from the source text: every relative import (type-only ones too,
// since they tie modules together just as much), resolved to the file it names.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/db';

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

export const rel = (file: string): string => path.relative(REPO_ROOT, file).split(path.sep).join('/');

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate))
      return candidate;
  return null;
}

/** file (repo-relative) → the files it imports. */
export function importGraph(root = path.join(REPO_ROOT, 'src')): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const deps = new Set<string>();
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(file, m[1] ?? m[2] ?? m[3] ?? '');
      if (target) deps.add(rel(target));
    }
    graph.set(rel(file), deps);
  }
  return graph;
}

/** The graph between groups of files (`groupOf` names each file's group); edges inside a group drop. */
export function groupGraph(
  graph: Map<string, Set<string>>,
  groupOf: (file: string) => string,
): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [file, deps] of graph) {
    const from = groupOf(file);
    const edges = groups.get(from) ?? new Map<string, string>();
    groups.set(from, edges);
    for (const dep of deps) {
      const to = groupOf(dep);
      if (to !== from && !edges.has(to)) edges.set(to, `${file} → ${dep}`);
    }
  }
  return groups;
}

/** The cycles of a graph: its strongly connected components of more than one node (Tarjan). */
export function cycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}
