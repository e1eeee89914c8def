// The streamed workspace reader: fed in pieces of any size (splitting tokens, escapes and multi-byte
// characters anywhere), it hands over exactly the elements JSON.parse finds and keeps the rest of the
// document; it refuses prototype keys and deep nesting before building them, and says where a document
// is broken, by line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStreamError, WorkspaceJsonReader } from '../../../src/main/transfer/json-stream';

function read(text: string, cuts: readonly number[]) {
  const elements: Record<string, unknown[]> = { elections: [], threats: [], partners: [] };
  const reader = new WorkspaceJsonReader({
    element: (list, index, value) => {
      expect(index).toBe(elements[list]!.length);
      elements[list]!.push(value);
    },
  });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.write(text.slice(at, cut));
    at = cut;
  }
  reader.write(text.slice(at));
  return { elements, skeleton: reader.end() };
}

const errorOf = (text: string, cuts: number[] = []): JsonStreamError => {
  try {
    read(text, cuts);
  } catch (err) {
    expect(err).toBeInstanceOf(JsonStreamError);
    return err as JsonStreamError;
  }
  throw new Error('expected an error');
};

// Values as JSON.parse gives them back (no -0, no undefined), with keys that are allowed.
const value = fc
  .jsonValue({ maxDepth: 4 })
  .filter((v) => !/"(__proto__|constructor|prototype)"/.test(JSON.stringify(v)));
const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', '\u2028', ' ') });

describe('WorkspaceJsonReader', () => {
  it('hands over what JSON.parse finds, whatever the pieces', () => {
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constant('threshold-workspace/1'),
          elections: fc.array(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 3 }), {
            maxLength: 3,
          }),
          threats: fc.array(fc.record({ id: text, title: text, extra: value }), { maxLength: 6 }),
          note: value,
        }),
        fc.constantFrom(0, 2),
        fc.array(fc.nat(), { maxLength: 8 }),
        (doc, indent, rawCuts) => {
          const json = JSON.stringify(doc, null, indent);
          const cuts = rawCuts.map((c) => c % (json.length + 1));
          const parsed = JSON.parse(json) as typeof doc;
          const { elements, skeleton } = read(json, cuts);
          expect(elements.elections).toEqual(parsed.elections);
          expect(elements.threats).toEqual(parsed.threats);
          expect(skeleton).toEqual({ ...parsed, elections: [], threats: [] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips a byte-order mark and keeps fields it does not stream, including a whole STIX bundle', () => {
    const { skeleton } = read('\uFEFF{"type":"bundle","objects":[{"type":"incident","id":"x"}]}', [5, 9]);
    expect(skeleton).toEqual({ type: 'bundle', objects: [{ type: 'incident', id: 'x' }] });
  });

  it('refuses prototype keys and deep nesting before building them, saying where', () => {
    expect(errorOf('{"threats":[{"id":"a"},{"__proto__":{"x":1}}]}')).toMatchObject({
      where: '$.threats[1].__proto__',
      message: 'the key "__proto__" is not allowed',
    });
    expect(errorOf('{"constructor":1}').where).toBe('$.constructor');
    const deep = errorOf(`{"threats":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`);
    expect(deep.message).toBe('nested more than 64 levels deep');
    expect(deep.where).toMatch(/^\$\.threats\[0\](\[0\])+$/);
    expect(errorOf('{"threats":[],"x":1,"threats":[]}')).toMatchObject({ where: '$.threats' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('says where a document is broken: line and column, in whichever piece the error falls', () => {
    const doc = '{\n  "format": "threshold-workspace/1",\n  "elections": [,]\n}';
    for (const cuts of [[], [20], [41, 44], [1, 2, 3, 4, 5, 40, 41, 42, 43]])
      expect(errorOf(doc, cuts)).toMatchObject({ where: 'line 3, column 17', message: 'unexpected ","' });
    // Columns count UTF-16 code units, as editors and JSON.parse's offsets do.
    for (const cut of [8, 9, 10])
      expect(errorOf('{"a": "é😀", "b" 1}', [cut])).toMatchObject({ where: 'line 1, column 18' });
    expect(errorOf('{"a":"x\ny"}').message).toBe('a line break inside a string');
    expect(errorOf('{"a":1} x').message).toBe('unexpected "x"');
    expect(errorOf('{"threats":[{"id":"t1"}]').message).toBe('the file ends before the document does');
    expect(errorOf('').message).toBe('the file is empty');
  });
});
