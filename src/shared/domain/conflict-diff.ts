// What differs between the version stored now and the one a person tried to save (a refused stale write,
// errors.ts ConflictDetails), field by field, as short text for the two columns of the conflict dialog.
import type { ConflictDetails } from '../errors';

export interface FieldDifference {
  /** The field's path: `title`, `place.regions`, `sections.en.headline`. */
  path: string;
  theirs: string;
  yours: string;
}

const MAX_DEPTH = 3;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A value as the dialog shows it: text as it is, lists one item a line, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.map((v) => String(v)).join('\n');
  return JSON.stringify(value, null, 1);
}

function walk(theirs: unknown, yours: unknown, path: string, depth: number, out: FieldDifference[]): void {
  if (isPlainObject(theirs) && isPlainObject(yours) && depth < MAX_DEPTH) {
    for (const key of [...new Set([...Object.keys(theirs), ...Object.keys(yours)])].sort())
      walk(theirs[key], yours[key], path ? `${path}.${key}` : key, depth + 1, out);
    return;
  }
  const a = showValue(theirs);
  const b = showValue(yours);
  if (a !== b) out.push({ path, theirs: a, yours: b });
}

/** The fields whose values differ, in a stable order (`ignore`: bookkeeping such as timestamps). */
export function differingFields(
  theirs: unknown,
  yours: unknown,
  ignore: ReadonlySet<string> = new Set(['updatedAt', 'createdAt', 'version', 'history']),
): FieldDifference[] {
  const out: FieldDifference[] = [];
  walk(theirs, yours, '', 0, out);
  return out.filter((d) => !ignore.has(d.path.split('.').pop() ?? d.path));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * "Apply mine on top": their version, with what the person changed (between the version they opened and
 * what they tried to save) laid over it, field by field; a field they did not touch keeps their value.
 */
export function applyEditsOnTop<T>(opened: T, theirs: T, yours: T, depth = 0): T {
  if (!isPlainObject(opened) || !isPlainObject(theirs) || !isPlainObject(yours) || depth > MAX_DEPTH)
    return sameValue(yours, opened) ? theirs : yours;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(theirs), ...Object.keys(yours)])) {
    const value = applyEditsOnTop(opened[key], theirs[key], yours[key], depth + 1);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** The record to save for "Apply mine on top" of a refused save: the edits made since the version the
 *  editor `opened`, laid over their version (`c.theirs`), to be saved as the version after it. */
export function mineOnTop<T>(opened: T | undefined, c: ConflictDetails): T {
  return applyEditsOnTop<T | undefined>(opened, c.theirs.record as T, c.yours.record as T) as T;
}
