// What certificate a team server presents, before anything is sent to it: a TLS handshake that accepts
// any certificate (the person, then the pin, decides), and nothing more.
import tls from 'node:tls';
import { AppError } from '../../shared/errors';

export function presentedFingerprint(hostname: string, port: number, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: hostname,
      port,
      servername: /^[\d.]+$/.test(hostname) || hostname.includes(':') ? undefined : hostname,
      rejectUnauthorized: false,
    });
    const fail = (message: string) => {
      socket.destroy();
      reject(new AppError('unavailable', message));
    };
    socket.setTimeout(timeoutMs, () => fail(`${hostname}:${port} did not answer.`));
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      if (!fingerprint) fail(`${hostname}:${port} presented no certificate.`);
      else resolve(fingerprint);
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      fail(`Could not reach ${hostname}:${port} over HTTPS (${err.code ?? err.message}).`),
    );
  });
}
