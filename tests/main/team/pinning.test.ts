// Trust on first use for team servers: the decisions (pure), the pins kept in the app's settings, and the
// service that checks a real server's certificate and pins it only when the person accepted what the
// server presents; a changed certificate is refused with a clear message, and never re-pinned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PinStore } from '../../../src/main/team/pins-store';
import {
  certificateCheck,
  normaliseFingerprint,
  normaliseServerUrl,
  pinVerdict,
  type PinnedServer,
} from '../../../src/main/team/pinning';
import { TeamServers } from '../../../src/main/team/service';
import { serverCertificate } from '../../../src/main/serve/certificate';
import { startBrowserServer } from '../../../src/main/browser/server';
import { tempDir } from '../../helpers/db';

const A = Array.from({ length: 32 }, () => 'AA').join(':');
const B = Array.from({ length: 32 }, () => 'BB').join(':');
const pins: PinnedServer[] = [
  { origin: 'https://team.example.org:8443', fingerprint: A, pinnedAt: '2026-12-01T00:00:00Z' },
];

describe('team server pinning decisions', () => {
  it('reads a server address: https only, host and port, nothing else', () => {
    expect(normaliseServerUrl('team.example.org:8443')).toEqual({
      ok: true,
      origin: 'https://team.example.org:8443',
      hostname: 'team.example.org',
      port: 8443,
    });
    expect(normaliseServerUrl(' https://team.example.org/ ')).toMatchObject({ ok: true, port: 443 });
    expect(normaliseServerUrl('https://[::1]:9000')).toMatchObject({ ok: true, hostname: '::1', port: 9000 });
    expect(normaliseServerUrl('http://team.example.org')).toEqual({ ok: false, reason: 'not-https' });
    for (const bad of [
      'https://team.example.org/app',
      'https://u:p@team.example.org',
      'https://x?y=1',
      'https://',
      '::',
    ])
      expect(normaliseServerUrl(bad).ok, bad).toBe(false);
  });

  it('reads a fingerprint as typed or pasted', () => {
    expect(normaliseFingerprint(A.toLowerCase().replace(/:/g, ' '))).toBe(A);
    expect(normaliseFingerprint('AA:BB')).toBeNull();
  });

  it('first use, trusted, changed', () => {
    expect(pinVerdict(pins, 'https://other.example.org:8443', B)).toEqual({
      verdict: 'first-use',
      presented: B,
    });
    expect(pinVerdict(pins, 'https://team.example.org:8443', A)).toEqual({
      verdict: 'trusted',
      presented: A,
    });
    expect(pinVerdict(pins, 'https://team.example.org:8443', B)).toEqual({
      verdict: 'changed',
      presented: B,
      pinned: A,
    });
  });

  it('accepts in the team window only the pinned certificate of the pinned host', () => {
    expect(certificateCheck(pins, 'team.example.org', A)).toEqual({ result: 0, changed: null });
    expect(certificateCheck(pins, 'team.example.org', B)).toEqual({ result: -2, changed: pins[0] });
    expect(certificateCheck(pins, 'evil.example.org', A)).toEqual({ result: -2, changed: null });
    expect(certificateCheck([], 'team.example.org', A)).toEqual({ result: -2, changed: null });
  });
});

describe('the pins in the app’s settings', () => {
  it('keeps the first pin of an origin, never replaces it, and trusts nothing from a damaged file', () => {
    const file = path.join(tempDir(), 'team-servers.json');
    const store = new PinStore(file);
    expect(store.read()).toEqual([]);
    store.pin('https://team.example.org:8443', A, new Date('2026-12-01T10:00:00Z'));
    store.pin('https://team.example.org:8443', B, new Date('2026-12-01T11:00:00Z'));
    expect(store.read()).toEqual([
      { origin: 'https://team.example.org:8443', fingerprint: A, pinnedAt: '2026-12-01T10:00:00.000Z' },
    ]);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    fs.writeFileSync(file, '{"servers":[{"origin":"https://x","fingerprint":"*","pinnedAt":""}]}');
    expect(store.read()).toEqual([]);
  });
});

/** A real HTTPS server with a certificate of its own (the team server's, made beside a "database"). */
async function httpsServer(dir: string, port = 0) {
  const cert = await serverCertificate({ dbPath: path.join(dir, 'team.db'), host: '127.0.0.1' });
  const server = await startBrowserServer({
    dispatch: async () => ({ ok: true, value: null }),
    staticDir: dir,
    port,
    team: { cert: cert.cert, key: cert.key },
  });
  return { server, fingerprint: cert.fingerprint };
}

describe('connecting to a team server (the desktop app’s service)', () => {
  it('shows a new server’s certificate, pins it when accepted, opens its window; refuses it once changed', async () => {
    const dir = tempDir();
    const first = await httpsServer(dir);
    const opened: string[] = [];
    const store = new PinStore(path.join(tempDir(), 'team-servers.json'));
    const team = new TeamServers(store, { open: (origin) => opened.push(origin) });
    const url = `https://127.0.0.1:${first.server.port}`;
    const check = await team.check(url);
    expect(check).toEqual({ origin: url, presented: first.fingerprint, verdict: 'first-use', pinned: null });
    // Accepting another fingerprint than the one presented pins nothing.
    await expect(team.connect(url, B)).rejects.toMatchObject({ code: 'certificate-changed' });
    expect(store.read()).toEqual([]);
    expect(opened).toEqual([]);
    await expect(team.connect(url, first.fingerprint)).resolves.toMatchObject({ origin: url });
    expect(opened).toEqual([url]);
    expect(await team.check(url)).toMatchObject({ verdict: 'trusted', pinned: first.fingerprint });
    await first.server.close();

    // The same address, another certificate (a new one made, as after deleting the old one).
    fs.rmSync(path.join(dir, 'threshold-serve.crt'));
    fs.rmSync(path.join(dir, 'threshold-serve.key'));
    const second = await httpsServer(dir, first.server.port);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(await team.check(url)).toEqual({
      origin: url,
      presented: second.fingerprint,
      verdict: 'changed',
      pinned: first.fingerprint,
    });
    const refused = team.connect(url, second.fingerprint);
    await expect(refused).rejects.toMatchObject({ code: 'certificate-changed' });
    await expect(refused).rejects.toThrow(
      /different certificate from the one trusted at the first connection/,
    );
    expect(opened).toEqual([url]);
    expect(store.read().map((p) => p.fingerprint)).toEqual([first.fingerprint]);
    await second.server.close();
  });

  it('says plainly what is wrong with an address, and when nobody answers', async () => {
    const team = new TeamServers(new PinStore(path.join(tempDir(), 'p.json')), { open: () => undefined });
    await expect(team.check('http://127.0.0.1:1')).rejects.toThrow(/HTTPS only/);
    await expect(team.check('https://127.0.0.1:1')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
