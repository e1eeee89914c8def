// The recovery key: 256 random bits, shown once at setup, written in Crockford's base32 (no I, L, O or
// U; case and dashes do not matter when typed back) in groups of four. Its slot opens the database when
// every passphrase is lost, and it has its own signing key, so that what is done with it is signed too.
import { randomBytes } from 'node:crypto';
import { deriveSecretKeys } from '../crypto/credentials';
import type { DbKey } from '../db/encryption';
import { openSlot, recoverySlot, type Keyring } from './keyring';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function decode(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return null;
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newRecoveryKey(): { text: string; secret: Buffer } {
  const secret = randomBytes(32);
  return { text: formatRecoveryKey(secret), secret };
}

export function formatRecoveryKey(secret: Buffer): string {
  return (encode(secret).match(/.{1,4}/g) ?? []).join('-');
}

/** The secret a typed recovery key stands for, or null when it is not one. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 52) return null;
  const secret = decode(text);
  return secret?.length === 32 ? secret : null;
}

/** True when a typed text looks like a recovery key (rather than a database key or a passphrase). */
export function looksLikeRecoveryKey(typed: string): boolean {
  return /^[0-9A-Za-z]{4}(-[0-9A-Za-z]{4}){12}$/.test(typed.trim());
}

/** The database key the recovery key's slot holds, or null when `typed` is not this database's recovery key. */
export function openWithRecoveryKey(keyring: Keyring | null, typed: string): DbKey | null {
  const secret = parseRecoveryKey(typed);
  const slot = recoverySlot(keyring);
  if (!secret || !slot) return null;
  return openSlot(slot, deriveSecretKeys(secret, Buffer.from(slot.salt, 'base64')).slotKey);
}
