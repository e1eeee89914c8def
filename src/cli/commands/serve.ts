// `threshold serve`: the team server. Everything on standard output is a JSON line (the start, then one
// per request, with no content); what a person reads at start (the address, the fingerprint to pin)
// is also written to standard error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { text, type Command } from '../command';
import { UsageError } from '../io';
import { startTeamServer } from '../../main/serve/team-server';

const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

function portOf(value: string | undefined): number {
  if (value === undefined) return 8443;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, 0 to 65535 (got "${value}")`);
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the database to the team over HTTPS (the same interface and services as the app)',
  usage: [
    'threshold serve --db FILE [--host ADDR] [--port N] [--cert FILE --key FILE] [--idle-minutes N]',
    '',
    "  --db FILE          the database, on this machine's own disk (set it up first: threshold setup)",
    '  --host ADDR        the address to listen on (default 127.0.0.1; a LAN address only when given)',
    '  --port N           the port (default 8443; 0 picks a free one)',
    "  --cert FILE        the server's certificate (PEM), with --key: e.g. from the organisation's CA;",
    '  --key FILE         without them, a self-signed certificate is made on first start and kept',
    '                     beside the database (threshold-serve.crt, and threshold-serve.key readable',
    '                     by its owner only); its SHA-256 fingerprint is printed for clients to pin',
    '  --idle-minutes N   a browser left unused this long is signed out (default 60)',
    '',
    'HTTPS only. People sign in with their accounts; sign-in slows down per name and per address.',
    'Standard output: JSON lines (start, then one per request: method, path template, status, ms,',
    'account id; never any content). GET /healthz answers {"ok":true} for monitoring.',
    'THRESHOLD_DB_KEY opens an encrypted database at start; otherwise the first person to sign in does.',
  ].join('\n'),
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'idle-minutes': { type: 'string' },
  },
  async run({ positionals, values, io, dbPath }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const host = text(values, 'host') ?? '127.0.0.1';
    const port = portOf(text(values, 'port'));
    const idle = text(values, 'idle-minutes');
    const idleMinutes = idle === undefined ? 60 : Number(idle);
    if (!Number.isInteger(idleMinutes) || idleMinutes < 1 || idleMinutes > 24 * 60)
      throw new UsageError(`--idle-minutes must be a whole number of minutes, 1 to 1440 (got "${idle}")`);
    const certFile = text(values, 'cert');
    const keyFile = text(values, 'key');
    if (Boolean(certFile) !== Boolean(keyFile))
      throw new UsageError('--cert and --key go together: give both, or neither');
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
      io.err(`threshold: the interface is not built (${RENDERER_DIR}): run \`npm run build:renderer\`.`);
    const team = await startTeamServer({
      dbPath: path.resolve(io.cwd, dbPath),
      host,
      port,
      ...(certFile ? { certFile: path.resolve(io.cwd, certFile) } : {}),
      ...(keyFile ? { keyFile: path.resolve(io.cwd, keyFile) } : {}),
      staticDir: RENDERER_DIR,
      env: io.env,
      write: (line) => io.out(line),
      idleMinutes,
    });
    const { server, certificate } = team;
    io.out(
      JSON.stringify({
        at: new Date().toISOString(),
        event: 'started',
        url: server.url,
        port: server.port,
        db: team.host.dbPath,
        certificate: certificate.certPath,
        selfSigned: !certFile,
        generated: certificate.generated,
        fingerprint: certificate.fingerprint,
      }),
    );
    io.err(`Threshold team server: ${server.url}`);
    io.err(`Database: ${team.host.dbPath}`);
    io.err(
      certFile
        ? `Certificate: ${certificate.certPath}`
        : `Certificate: self-signed, ${certificate.generated ? 'made now and ' : ''}kept beside the database (${certificate.certPath})`,
    );
    io.err(`SHA-256 fingerprint (clients pin it): ${certificate.fingerprint}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await team.close();
    io.out(JSON.stringify({ at: new Date().toISOString(), event: 'stopped' }));
    return 0;
  },
};
