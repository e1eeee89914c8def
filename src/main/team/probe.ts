// What certificate a team server presents, before anything is sent to it: a TLS handshake that accepts
// any certificate (the person, then the pin, decides), and nothing more.
import tls from 'node:tls';
import { AppError, type ErrorText } from '../../shared/errors';

export function presentedFingerprint(hostname: string, port: number, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: hostname,
      port,
      servername: /^[\d.]+$/.test(hostname) || hostname.includes(':') ? undefined : hostname,
      rejectUnauthorized: false,
    });
    const fail = (text: ErrorText) => {
      socket.destroy();
      reject(new AppError('unavailable', text));
    };
    const server = `${hostname}:${port}`;
    socket.setTimeout(timeoutMs, () => fail({ id: 'team/server-did-not-answer', params: { server } }));
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      if (!fingerprint) fail({ id: 'team/no-certificate', params: { server } });
      else resolve(fingerprint);
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      fail({ id: 'team/could-not-reach', params: { server, reason: err.code ?? err.message } }),
    );
  });
}
