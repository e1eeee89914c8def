// Payload generators for fuzzing the IPC contract: near-valid payloads built from each channel's zod
// schema (so that some reach the handlers), then broken in one place the way hostile or broken clients
// do: wrong types, missing fields, huge strings, prototype-pollution keys at any depth, deep nesting,
// arrays for objects, NaN/Infinity/-0, unicode edge cases.
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

interface Checks {
  min?: number;
  max?: number;
  int?: boolean;
  format?: string;
  pattern?: RegExp;
}

function checksOf(def: Def): Checks {
  const out: Checks = {};
  for (const c of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' || d.check === 'greater_than') out.min = Number(d.minimum ?? d.value);
    if (d.check === 'max_length' || d.check === 'less_than') out.max = Number(d.maximum ?? d.value);
    if (d.check === 'number_format') out.int = String(d.format).includes('int');
    if (d.check === 'string_format') {
      out.format = String(d.format);
      if (d.pattern instanceof RegExp) out.pattern = d.pattern;
    }
  }
  return out;
}

const isoDate = fc
  .integer({ min: Date.parse('2025-01-01'), max: Date.parse('2028-12-31') })
  .map((ms) => new Date(ms).toISOString());

/** A value that often satisfies `schema` (depth-limited; refinements are not attempted). */
export function nearValid(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const entries = Object.entries(shape).map(([k, s]) => [k, nearValid(s, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries)).map((o) => {
        const clean: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o as Record<string, unknown>)) if (v !== undefined) clean[k] = v;
        return clean;
      });
    }
    case 'string': {
      const c = checksOf(def);
      if (c.format === 'datetime') return isoDate;
      if (c.format === 'date') return isoDate.map((s) => s.slice(0, 10));
      if (c.format === 'email') return fc.emailAddress();
      if (c.format === 'url') return fc.webUrl();
      if (c.format === 'uuid' || c.format === 'guid') return fc.uuid();
      if (c.pattern) {
        try {
          return fc
            .stringMatching(new RegExp(c.pattern.source))
            .filter((s) => s.length >= (c.min ?? 0) && s.length <= (c.max ?? Infinity));
        } catch {
          // A pattern fast-check cannot generate from: plain strings will do.
        }
      }
      return fc.string({ minLength: c.min ?? 0, maxLength: Math.min(c.max ?? 20, 20) });
    }
    case 'number': {
      const c = checksOf(def);
      const min = Number.isFinite(c.min) ? c.min! : -1000;
      const max = Number.isFinite(c.max) ? c.max! : 1000;
      return c.int
        ? fc.integer({ min: Math.ceil(Math.max(min, -1e6)), max: Math.floor(Math.min(max, 1e6)) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const c = checksOf(def);
      return fc.array(nearValid(def.element as z.ZodType, depth + 1), {
        minLength: c.min ?? 0,
        maxLength: Math.max(c.min ?? 0, Math.min(c.max ?? 3, 3)),
      });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((s) => nearValid(s, depth + 1)));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(nearValid(def.innerType as z.ZodType, depth + 1), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(nearValid(def.innerType as z.ZodType, depth + 1), { nil: null, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return nearValid(def.innerType as z.ZodType, depth + 1);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((s) => nearValid(s, depth + 1)));
    case 'intersection':
      return nearValid(def.left as z.ZodType, depth + 1);
    case 'record':
      return fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }),
        nearValid(def.valueType as z.ZodType, depth + 1),
        { maxKeys: 3 },
      );
    case 'pipe':
      return nearValid(def.in as z.ZodType, depth + 1);
    case 'lazy':
      return nearValid((def.getter as () => z.ZodType)(), depth + 1);
    case 'null':
      return fc.constant(null);
    case 'date':
      return fc.date();
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Big strings are built once: fast-check would take seconds per case to grow them. */
const HUGE = [
  'x'.repeat(1024 * 1024),
  'é'.repeat(2 * 1024 * 1024),
  '\u202E'.repeat(3 * 1024 * 1024),
  'A\u0000B'.repeat(Math.floor((5 * 1024 * 1024) / 3)),
];
/** The huge strings' lengths in millions of characters (UTF-16 code units), and in MB as UTF-8. */
export const HUGE_SIZES = HUGE.map((s) => ({
  mChars: Math.round((s.length / 1024 / 1024) * 10) / 10,
  utf8MB: Math.round((Buffer.byteLength(s) / 1024 / 1024) * 10) / 10,
}));

export const UNICODE_EDGE = [
  '\uD800', // a lone high surrogate
  '\uDFFF\uD800',
  '\u0000',
  '\uFFFE\uFFFF',
  '\u202Eevil\u202C', // right-to-left override
  '\u2066\u2067\u2068\u2069',
  'pa\u200Bss\u200D\uFEFF', // zero-width characters
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '👩🏽‍⚖️🗳️',
  'Ⅻ ﬁ ǅ ß',
  '\r\n\t\v\f\u2028\u2029',
  '<script>alert(1)</script>',
  "'; DROP TABLE threats; --",
  '../../../../etc/passwd',
  '%s%n%x',
  '{{constructor.constructor("return process")()}}',
];

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Builds an object nested `levels` deep without recursion (and without JSON, which would overflow). */
export function deeplyNested(levels: number, leaf: unknown = 1, asArray = false): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Adds an own property with a dangerous name (as JSON.parse or structured clone would deliver it). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const badLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    1e308,
    null,
    undefined,
    true,
    '',
    [],
    {},
    [[]],
    [{}],
  ),
  fc.constantFrom(...UNICODE_EDGE),
  fc.constantFrom(...HUGE),
  fc.bigInt(),
  fc.date(),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
  fc.constantFrom(deeplyNested(10_000), deeplyNested(10_000, 'x', true), deeplyNested(100)),
);

interface Mutation {
  kind: string;
  apply(value: unknown): unknown;
}

function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
  depth = 0,
): (string | number)[][] {
  out.push(prefix);
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out, depth + 1));
  else for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out, depth + 1);
  return out;
}

/** A shallow copy that keeps dangerous own keys as own keys. */
function shallow<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return [...v] as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) withOwnKey(out, k, x);
  return out as T;
}

/** Replaces the value at `at`, copying only the containers on the way (values may be 10,000 deep). */
function setAt(
  root: unknown,
  at: (string | number)[],
  fn: (old: unknown, parent: unknown, key: string | number | undefined) => unknown,
): unknown {
  if (at.length === 0) return fn(root, undefined, undefined);
  const copy = shallow(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) {
    const next = shallow(node[k]) as Record<string | number, unknown>;
    withOwnKey(node as Record<string, unknown>, String(k), next);
    if (Array.isArray(node)) node[k] = next;
    node = next;
  }
  const key = at[at.length - 1]!;
  const replaced = fn(node[key], node, key);
  if (replaced === DELETE) {
    if (Array.isArray(node)) node.splice(Number(key), 1);
    else Reflect.deleteProperty(node, key);
  } else node[key] = replaced;
  return copy;
}

const DELETE = Symbol('delete');

/** One way of breaking a payload, chosen by fast-check (so it shrinks to the simplest breakage). */
export function mutation(): fc.Arbitrary<Mutation & { pick: number }> {
  return fc
    .tuple(
      fc.nat(),
      fc.oneof(
        badLeaf.map((leaf) => ({ kind: 'wrong value', apply: () => leaf })),
        fc.constant({ kind: 'missing field', apply: () => DELETE as unknown }),
        fc.constantFrom(...POLLUTION_KEYS).map((key) => ({
          kind: `pollution key ${key}`,
          apply: (old: unknown) =>
            withOwnKey(
              old !== null && typeof old === 'object' && !Array.isArray(old)
                ? { ...(old as Record<string, unknown>) }
                : { value: old },
              key,
              key === '__proto__' ? { polluted: true } : { prototype: { polluted: true } },
            ),
        })),
        fc.constant({ kind: 'array for object', apply: (old: unknown) => [old] }),
        fc.constant({
          kind: 'object for array',
          apply: (old: unknown) =>
            Array.isArray(old)
              ? Object.fromEntries(Array.from(old, (v, i) => [String(i), v]))
              : { 0: old, length: 1 },
        }),
        fc.constant({ kind: 'deep nesting', apply: (old: unknown) => deeplyNested(10_000, old) }),
        fc.string({ minLength: 1, maxLength: 12 }).map((k) => ({
          kind: 'extra key',
          apply: (old: unknown) =>
            old !== null && typeof old === 'object' && !Array.isArray(old)
              ? { ...(old as Record<string, unknown>), [`x${k}`]: 1 }
              : old,
        })),
      ),
    )
    .map(([pick, m]) => ({ ...m, pick }));
}

/** Near-valid payloads for `schema`, broken in one to three places; sometimes left valid. */
export function hostilePayload(schema: z.ZodType): fc.Arbitrary<{ payload: unknown; how: string[] }> {
  return fc
    .tuple(nearValid(schema), fc.array(mutation(), { minLength: 0, maxLength: 3 }))
    .map(([base, muts]) => {
      let payload: unknown = base;
      const how: string[] = [];
      for (const m of muts) {
        const all = paths(payload);
        const at = all[m.pick % all.length]!;
        payload = setAt(payload, at, (old) => m.apply(old));
        if (payload === DELETE) payload = undefined;
        how.push(`${m.kind} at $${at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`);
      }
      return { payload, how };
    });
}

/** Whole payloads of the wrong kind altogether. */
export const wrongKindPayload: fc.Arbitrary<unknown> = fc.oneof(
  badLeaf,
  fc.constant(undefined),
  fc.constant(deeplyNested(10_000)),
  fc.constant(withOwnKey({}, '__proto__', { isAdmin: true })),
  fc.constant(withOwnKey({}, 'constructor', { prototype: { isAdmin: true } })),
);
