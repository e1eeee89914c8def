// The cryptography of people, from node:crypto only:
// - a passphrase goes through scrypt (memory-hard; parameters stored with what it protects) once per
//   sign-in; HKDF-SHA256 then splits the result into independent keys: a verifier (the stored hash), the
//   key that wraps the database key in the person's key slot, and the key that seals their signing key;
// - sealing is AES-256-GCM with the purpose as associated data, so a sealed value moved elsewhere fails;
// - signatures are Ed25519, over SHA-256 digests of canonical JSON (RFC 8785, see ./signing.ts).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  sign as edSign,
  timingSafeEqual,
  verify as edVerify,
  createCipheriv,
  createDecipheriv,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

/** scrypt's cost: N = 2^17, r = 8, p = 1 (128 MiB; OWASP's recommendation for scrypt). */
export const KDF_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
let cost: { N: number; r: number; p: number } = KDF_COST;

/** Tests only (tests/setup.ts): cheaper new credentials. What is stored always carries its own cost. */
export function setKdfCostForTests(next: { N: number; r: number; p: number }): void {
  cost = next;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/);

export const KdfSchema = z.strictObject({
  alg: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64,
});
export type Kdf = z.infer<typeof KdfSchema>;

export const SealedSchema = z.strictObject({ alg: z.literal('aes-256-gcm'), iv: b64, data: b64, tag: b64 });
export type Sealed = z.infer<typeof SealedSchema>;

export function newKdf(): Kdf {
  return { alg: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** The keys one passphrase gives, for one set of scrypt parameters. */
export interface PassphraseKeys {
  /** Stored with the account: proves the passphrase without revealing it. */
  verifier: string;
  /** Wraps the database key in the person's key slot. */
  slotKey: Buffer;
  /** Seals the person's private signing key. */
  signingKey: Buffer;
}

/** A passphrase as bytes: Unicode-normalised, so that é typed either way is the same passphrase. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function subkey(master: Buffer, salt: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, `threshold/${purpose}`, 32));
}

/** scrypt, in Node's thread pool (it takes a noticeable fraction of a second by design). */
export async function derivePassphraseKeys(passphrase: string, kdf: Kdf): Promise<PassphraseKeys> {
  const salt = Buffer.from(kdf.salt, 'base64');
  const master = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      passphraseBytes(passphrase),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
  return {
    verifier: subkey(master, salt, 'verifier').toString('base64'),
    slotKey: subkey(master, salt, 'key-slot'),
    signingKey: subkey(master, salt, 'signing-key'),
  };
}

/** Keys from a high-entropy secret (the recovery key): no stretching needed. */
export function deriveSecretKeys(secret: Buffer, salt: Buffer): { slotKey: Buffer; signingSeed: Buffer } {
  return {
    slotKey: subkey(secret, salt, 'recovery/key-slot'),
    signingSeed: subkey(secret, salt, 'recovery/signing-seed'),
  };
}

export function sameVerifier(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function seal(key: Buffer, plaintext: Buffer, purpose: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The plaintext, or null when the key is wrong or anything was changed. */
export function unseal(key: Buffer, sealed: Sealed, purpose: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// Signing keys: Ed25519. The public key travels as the 32 raw bytes in base64url (a JWK's `x`).

export interface SigningKeyPair {
  publicKey: string;
  privateKey: KeyObject;
}

export function newSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKeyText(publicKey), privateKey };
}

/** The public key of a key pair (given either half), as stored: the raw 32 bytes, base64url. */
export function publicKeyText(key: KeyObject): string {
  const x = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' }).x;
  if (!x) throw new Error('not an Ed25519 key');
  return x;
}

/** PKCS#8 prefix of an Ed25519 private key: the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The key pair a 32-byte seed determines (the recovery key's). */
export function signingKeyPairFromSeed(seed: Buffer): SigningKeyPair {
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { publicKey: publicKeyText(privateKey), privateKey };
}

export function sealPrivateKey(key: Buffer, privateKey: KeyObject, purpose: string): Sealed {
  return seal(key, privateKey.export({ format: 'der', type: 'pkcs8' }), purpose);
}

export function unsealPrivateKey(key: Buffer, sealed: Sealed, purpose: string): KeyObject | null {
  const der = unseal(key, sealed, purpose);
  return der ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) : null;
}

export function signDigest(privateKey: KeyObject, digestHex: string): string {
  return edSign(null, Buffer.from(digestHex, 'hex'), privateKey).toString('base64');
}

// Public keys as KeyObjects, made once each: a log's check verifies thousands of entries by a few people.
const publicKeys = new Map<string, KeyObject>();

function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    if (publicKeys.size > 1000) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

export function verifyDigest(publicKey: string, digestHex: string, signature: string): boolean {
  try {
    const key = publicKeyObject(publicKey);
    return edVerify(null, Buffer.from(digestHex, 'hex'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** What a person can compare by eye: the first 16 hex digits of SHA-256 of the public key. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(publicKey, 'utf8').digest('hex').slice(0, 16);
}
