// The team server's certificate: the one the organisation gives (--cert/--key), or one of its own,
// made on first start and kept beside the database so that its fingerprint stays the same across
// restarts (clients pin it). The private key is readable by its owner only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { AppError } from '../../shared/errors';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as colon-separated hex: what clients pin. */
  fingerprint: string;
  certPath: string;
  keyPath: string;
  /** Made on this start (not given, not found beside the database). */
  generated: boolean;
}

/** Where a database's own certificate and key are kept: beside it. */
export function selfSignedPaths(dbPath: string): { certPath: string; keyPath: string } {
  const dir = path.dirname(path.resolve(dbPath));
  return {
    certPath: path.join(dir, 'threshold-serve.crt'),
    keyPath: path.join(dir, 'threshold-serve.key'),
  };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The names a self-signed certificate is made for: this machine's, loopback, and the address served. */
export function certificateNames(host: string): { dns: string[]; ips: string[] } {
  const dns = new Set(['localhost', os.hostname()]);
  const ips = new Set(['127.0.0.1', '::1']);
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    if (host !== '0.0.0.0' && host !== '::') ips.add(host);
  } else if (host) dns.add(host);
  return { dns: [...dns].filter(Boolean), ips: [...ips] };
}

export async function serverCertificate(opts: {
  dbPath: string;
  host: string;
  certFile?: string;
  keyFile?: string;
  clock?: () => Date;
}): Promise<ServerCertificate> {
  if (Boolean(opts.certFile) !== Boolean(opts.keyFile))
    throw new AppError('invalid-request', { id: 'serve/cert-key-go-together' });
  if (opts.certFile && opts.keyFile) {
    const cert = fs.readFileSync(opts.certFile, 'utf8');
    const key = fs.readFileSync(opts.keyFile, 'utf8');
    return {
      cert,
      key,
      fingerprint: fingerprintOf(cert),
      certPath: opts.certFile,
      keyPath: opts.keyFile,
      generated: false,
    };
  }
  const { certPath, keyPath } = selfSignedPaths(opts.dbPath);
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const cert = fs.readFileSync(certPath, 'utf8');
    return {
      cert,
      key: fs.readFileSync(keyPath, 'utf8'),
      fingerprint: fingerprintOf(cert),
      certPath,
      keyPath,
      generated: false,
    };
  }
  const now = opts.clock?.() ?? new Date();
  const names = certificateNames(opts.host);
  const made = await generate([{ name: 'commonName', value: os.hostname() || 'threshold' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 825 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.dns.map((value) => ({ type: 2 as const, value })),
          ...names.ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  fs.mkdirSync(path.dirname(keyPath), { recursive: true });
  // The key first, owner-only from the moment it exists.
  fs.writeFileSync(keyPath, made.private, { mode: 0o600 });
  fs.chmodSync(keyPath, 0o600);
  fs.writeFileSync(certPath, made.cert, { mode: 0o644 });
  return {
    cert: made.cert,
    key: made.private,
    fingerprint: fingerprintOf(made.cert),
    certPath,
    keyPath,
    generated: true,
  };
}
