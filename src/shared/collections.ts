// Small helpers over objects and maps that the rest of the code would otherwise write again.

/** A copy of `obj` without `keys`. */
export function omit<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const out = { ...obj };
  for (const key of keys) Reflect.deleteProperty(out, key);
  return out;
}

/** Appends `value` to the list kept under `key`, making the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Removes the oldest entry of a map used as a small cache, when it holds `max` already. */
export function evictOldest<K, V>(cache: Map<K, V>, max: number): void {
  if (cache.size < max) return;
  const oldest = cache.keys().next();
  if (!oldest.done) cache.delete(oldest.value);
}

/** `{ [key]: value }` when there is a value, `{}` when not: for optional fields of a document. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The item at `index`, which the caller knows is there (a loop bound, a non-empty list): a broken
 *  assumption fails loudly here instead of flowing on as `undefined`. */
export function at<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length)
    throw new RangeError(`No item ${index} in a list of ${items.length}`);
  return items[index] as T;
}
