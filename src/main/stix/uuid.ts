// Name-based UUIDs (RFC 9562 version 5, SHA-1), so that the same threat always gets the same
// STIX id and a re-export can be matched with what a partner already holds.
import { createHash } from 'node:crypto';

/** Threshold's namespace for STIX ids (a fixed, random version 4 UUID). */
export const THRESHOLD_NAMESPACE = '6f1c1a7e-3c1b-4d8e-9a52-1d2f0b7c4e90';

function bytesOf(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

export function uuidv5(name: string, namespace: string = THRESHOLD_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b.readUInt8(6) & 0x0f) | 0x50;
  b[8] = (b.readUInt8(8) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A STIX identifier `<type>--<uuidv5(name)>`. */
export function stixId(type: string, name: string): string {
  return `${type}--${uuidv5(`${type}:${name}`)}`;
}
