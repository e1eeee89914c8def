// Refuses input shapes that no legitimate client sends: prototype-pollution keys and
// nesting deeper than any document of ours, checked before any schema walks the value.
import { AppError } from '../errors';

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;

export function findUnsafeShape(value: unknown, maxDepth = MAX_DEPTH): string | null {
  // Iterative, so that a 10,000-deep value cannot overflow the stack here.
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '$' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { v, depth, path } = item;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `${path}: nested more than ${maxDepth} levels deep`;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path}: the key "${key}" is not allowed`;
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: `${path}.${key}` });
    }
  }
  return null;
}

/** Refuses a file to import whose data has an unsafe shape, saying where. */
export function refuseUnsafeImport(data: unknown, fileName: string): void {
  const unsafe = findUnsafeShape(data);
  if (unsafe)
    throw new AppError(
      'import-invalid',
      { id: 'domain/refused-nothing-imported', params: { fileName, unsafe } },
      [{ where: unsafe.split(':')[0] ?? '$', message: unsafe }],
    );
}
