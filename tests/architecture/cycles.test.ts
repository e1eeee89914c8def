// No import cycles, at any scale: between files, between the folders of a layer (a domain of
// src/main, src/shared …; each file at a layer's root counts as its own), and between the layers
// (main, cli, shared, renderer, preload). A cycle means two pieces cannot be understood, tested or
// changed apart; the cure is a port (an interface the lower piece declares) or a lower home.
import { describe, expect, it } from 'vitest';
import { cycles, groupGraph, importGraph } from './import-graph';

const graph = importGraph();

/** `src/main/threats/store.ts` → `main/threats`; `src/main/services.ts` → `main/services`. */
function moduleOf(file: string): string {
  const [, layer = '', name = ''] = file.split('/');
  return `${layer}/${name.replace(/\.tsx?$/, '')}`;
}

function layerOf(file: string): string {
  return file.split('/')[1] ?? file;
}

function describeCycles(groups: Map<string, Map<string, string>>): string[] {
  return cycles(groups.keys(), (g) => groups.get(g)?.keys() ?? []).map((members) => {
    const why = members.flatMap((a) =>
      members.flatMap((b) => {
        const edge = groups.get(a)?.get(b);
        return edge ? [`  ${edge}`] : [];
      }),
    );
    return [members.join(' ↔ '), ...why].join('\n');
  });
}

describe('the import graph of src/', () => {
  it('has no cycle between the folders of a layer', () => {
    expect(describeCycles(groupGraph(graph, moduleOf))).toEqual([]);
  });

  it('has no cycle between layers', () => {
    expect(describeCycles(groupGraph(graph, layerOf))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const sample = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(sample.keys(), (n) => sample.get(n) ?? [])).toEqual([['a', 'b', 'c']]);
  });
});
