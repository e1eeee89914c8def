// What a signature covers: the SHA-256 of a record's canonical JSON (RFC 8785, the `canonicalize`
// package), so that the same record always gives the same digest, whatever the order of its keys.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** SHA-256, hex, of the canonical JSON of `value` (plain JSON data only). */
export function contentHash(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('cannot canonicalise this value');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
