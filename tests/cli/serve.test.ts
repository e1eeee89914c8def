// `threshold serve` as people run it (a process of its own): its help, its refusal of a database that is
// not set up, the self-signed certificate made beside the database on first start (its key readable by
// its owner only), its fingerprint printed and the same after a restart, a certificate given with
// --cert/--key, and HTTPS only.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { openTestApp, REPO_ROOT, tempDir } from '../helpers/db';
import { runCli } from '../trust/helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'threshold.mjs');
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

interface Started {
  child: ChildProcess;
  start: { url: string; port: number; fingerprint: string; generated: boolean; certificate: string };
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Starts `threshold serve` and waits for its start line (a JSON line on standard output). */
function startServe(args: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, THRESHOLD_DB_KEY: '' } });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.includes('"event":"started"'));
      if (line)
        resolve({
          child,
          start: JSON.parse(line) as Started['start'],
          stderr: () => err,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

function fingerprintAt(port: number): Promise<{ fingerprint: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, (res) => {
      let body = '';
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ fingerprint, body }));
    });
    req.on('error', reject);
  });
}

async function setUpDatabase(): Promise<string> {
  const app = await openTestApp({ keep: true });
  const dir = tempDir('threshold-cli-serve-');
  const file = path.join(dir, 'team.db');
  app.host.close();
  fs.copyFileSync(app.file, file);
  fs.copyFileSync(`${app.file}.keyring`, `${file}.keyring`);
  fs.rmSync(app.dir, { recursive: true, force: true });
  return file;
}

describe('threshold serve', () => {
  it('explains itself with --help', async () => {
    const r = await runCli(['serve', '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    for (const option of [
      '--db FILE',
      '--host ADDR',
      '--port N',
      '--cert FILE',
      '--key FILE',
      '/healthz',
      'fingerprint',
    ])
      expect(r.out).toContain(option);
    expect(r.out).toContain('default 127.0.0.1');
    const usage = await runCli(['serve', '--cert', 'a.pem'], { cwd: tempDir() });
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--cert and --key go together');
  });

  it('refuses a database that is not set up, and listens on nothing', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', path.join(dir, 'new.db'), 'serve', '--port', '0'], { cwd: dir, env: {} });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/not set up.*threshold setup/);
    expect(fs.existsSync(path.join(dir, 'threshold-serve.key'))).toBe(false);
  });

  it(
    'makes a self-signed certificate beside the database on first start, prints its fingerprint, and keeps it across restarts',
    { timeout: 120_000 },
    async () => {
      const db = await setUpDatabase();
      const dir = path.dirname(db);
      const first = await startServe(['--db', db, 'serve', '--port', '0']);
      expect(first.start.fingerprint).toMatch(FINGERPRINT);
      expect(first.start.generated).toBe(true);
      expect(first.start.url).toBe(`https://127.0.0.1:${first.start.port}/`);
      // (Standard error and output are separate pipes: the person's lines may arrive a little later.)
      await expect
        .poll(first.stderr)
        .toContain(`SHA-256 fingerprint (clients pin it): ${first.start.fingerprint}`);
      const keyFile = path.join(dir, 'threshold-serve.key');
      expect(first.start.certificate).toBe(path.join(dir, 'threshold-serve.crt'));
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      // What the server presents is what it printed.
      const seen = await fingerprintAt(first.start.port);
      expect(seen).toEqual({ fingerprint: first.start.fingerprint, body: '{"ok":true}' });
      // Plain HTTP gets nothing.
      const plain = await new Promise<string>((resolve) => {
        http
          .get({ host: '127.0.0.1', port: first.start.port, path: '/healthz' }, (res) =>
            resolve(`answered ${res.statusCode}`),
          )
          .on('error', () => resolve('refused'));
      });
      expect(plain).toBe('refused');
      // While it runs: a backup from the command line works; a second server on the same file is refused.
      const backup = await runCli(['--db', db, 'backup', '--json'], { cwd: dir });
      expect(backup.code, backup.err).toBe(0);
      expect(fs.existsSync((JSON.parse(backup.out) as { file: string }).file)).toBe(true);
      const second = await runCli(['--db', db, 'serve', '--port', '0'], { cwd: dir, env: {} });
      expect(second.code).not.toBe(0);
      expect(second.err).toMatch(/team server/);
      expect(await first.stop()).toBe(0);

      const restarted = await startServe(['--db', db, 'serve', '--port', '0']);
      expect(restarted.start.generated).toBe(false);
      expect(restarted.start.fingerprint).toBe(first.start.fingerprint);
      expect((await fingerprintAt(restarted.start.port)).fingerprint).toBe(first.start.fingerprint);
      expect(await restarted.stop()).toBe(0);

      // A certificate given with --cert/--key is the one served (here: a copy of the one made above).
      const given = tempDir('threshold-cli-serve-cert-');
      fs.copyFileSync(path.join(dir, 'threshold-serve.crt'), path.join(given, 'server.crt'));
      fs.copyFileSync(keyFile, path.join(given, 'server.key'));
      fs.rmSync(keyFile);
      const third = await startServe([
        '--db',
        db,
        'serve',
        '--port',
        '0',
        '--cert',
        path.join(given, 'server.crt'),
        '--key',
        path.join(given, 'server.key'),
      ]);
      expect(third.start.certificate).toBe(path.join(given, 'server.crt'));
      expect((await fingerprintAt(third.start.port)).fingerprint).toBe(first.start.fingerprint);
      expect(fs.existsSync(keyFile)).toBe(false);
      expect(await third.stop()).toBe(0);
    },
  );

  it('ships a hardened systemd unit that runs serve on a data folder of its own', () => {
    const unit = fs.readFileSync(path.join(REPO_ROOT, 'assets', 'threshold-serve.service'), 'utf8');
    const directives = new Map<string, string[]>();
    for (const line of unit.split('\n')) {
      const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
      if (m) directives.set(m[1]!, [...(directives.get(m[1]!) ?? []), m[2]!]);
    }
    const one = (name: string) => directives.get(name)?.[0];
    expect(one('ExecStart')).toMatch(
      /threshold\.mjs serve --db \/var\/lib\/threshold\/threshold\.db --host /,
    );
    expect(one('DynamicUser')).toBe('yes');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ReadWritePaths')).toBe('/var/lib/threshold');
    expect(one('StateDirectory')).toBe('threshold');
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectHome')).toBe('yes');
    expect(one('PrivateTmp')).toBe('yes');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('UMask')).toBe('0077');
  });
});
