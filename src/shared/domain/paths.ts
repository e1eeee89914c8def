// Values at dotted paths (`target.kind`) of plain objects: the field table's paths, CSV columns.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(obj: object, path: string): unknown {
  let o: unknown = obj;
  for (const key of path.split('.')) o = isObj(o) ? o[key] : undefined;
  return o;
}

/** Sets the value at a dotted path, making the objects on the way. */
export function setPath(obj: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? path;
  let o = obj;
  for (const k of keys) {
    const next = o[k];
    o = isObj(next) ? next : (o[k] = {});
  }
  o[last] = value;
}
