// File → Connect to a team server…, in the desktop app's seam (the built preload, the shell's IPC binding)
// in real Chromium, against a real team server (`threshold serve`, in-process): the first connection
// shows the certificate's fingerprint to compare (trust on first use), connecting pins it and opens the
// server's window; after the server's certificate changes, the dialog refuses it with both fingerprints.
// Screenshots in English and French go to test-artifacts/e2e/electron/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinStore } from '../../src/main/team/pins-store';
import { TeamServers } from '../../src/main/team/service';
import { startTeamServer, type TeamServer } from '../../src/main/serve/team-server';
import { openTestApp, tempDir } from '../helpers/db';
import { axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;
let team: TeamServer;
let dbFile: string;
const opened: string[] = [];
const pinsFile = path.join(tempDir('e2e-team-pins-', { keep: true }), 'team-servers.json');

async function serve(port = 0): Promise<TeamServer> {
  return startTeamServer({
    dbPath: dbFile,
    host: '127.0.0.1',
    port,
    staticDir: path.resolve('dist/renderer'),
    env: {},
    write: () => undefined,
  });
}

beforeAll(async () => {
  const server = await openTestApp({ keep: true });
  dbFile = path.join(tempDir('e2e-team-db-', { keep: true }), 'team.db');
  server.host.close();
  fs.copyFileSync(server.file, dbFile);
  fs.copyFileSync(`${server.file}.keyring`, `${dbFile}.keyring`);
  team = await serve();
  e2e = await startE2E({
    transport: 'electron',
    teamServers: new TeamServers(new PinStore(pinsFile), { open: (origin) => opened.push(origin) }),
  });
});

afterAll(async () => {
  await e2e?.close();
  await team?.close();
});

async function openDialog(): Promise<void> {
  e2e.menu('Connect to a Team Server…');
  await e2e.page.getByRole('dialog').waitFor();
}

describe('connecting the desktop app to a team server', () => {
  it('shows the fingerprint at the first connection, pins it on trust, and opens the server', async () => {
    const { page } = e2e;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await openDialog();
    await expect(page.getByRole('heading', { name: 'Connect to a team server' }).isVisible()).resolves.toBe(
      true,
    );
    await page.getByTestId('team-url').fill(team.server.origin);
    await page.getByTestId('team-check').click();
    await page.getByTestId('team-first-use').waitFor();
    await expect(page.getByTestId('team-presented').getAttribute('aria-label')).resolves.toBe(
      team.certificate.fingerprint,
    );
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot('team-connect-first-use');
    await page.getByTestId('team-connect').click();
    await page.getByTestId('team-connected').waitFor();
    expect(opened).toEqual([team.server.origin]);
    expect(new PinStore(pinsFile).read()).toEqual([
      expect.objectContaining({ origin: team.server.origin, fingerprint: team.certificate.fingerprint }),
    ]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('refuses the server once its certificate has changed, showing both fingerprints (en and fr)', async () => {
    const { page } = e2e;
    const port = team.server.port;
    const pinned = team.certificate.fingerprint;
    await team.close();
    fs.rmSync(path.join(path.dirname(dbFile), 'threshold-serve.crt'));
    fs.rmSync(path.join(path.dirname(dbFile), 'threshold-serve.key'));
    team = await serve(port);
    expect(team.certificate.fingerprint).not.toBe(pinned);
    await openDialog();
    await page.getByTestId('team-url').fill(team.server.origin);
    await page.getByTestId('team-check').click();
    await page.getByTestId('team-changed').waitFor();
    await expect(page.getByTestId('team-pinned').getAttribute('aria-label')).resolves.toBe(pinned);
    await expect(page.getByTestId('team-presented').getAttribute('aria-label')).resolves.toBe(
      team.certificate.fingerprint,
    );
    await expect(page.getByTestId('team-connect').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot('team-connect-changed');
    expect(opened).toHaveLength(1);
    // In French.
    await page.evaluate(() => localStorage.setItem('threshold.language', 'fr'));
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await openDialog();
    await page.getByTestId('team-url').fill(team.server.origin);
    await page.getByTestId('team-check').click();
    await page.getByTestId('team-changed').waitFor();
    await expect(page.getByTestId('team-changed').textContent()).resolves.toContain('le certificat a changé');
    await e2e.shot('team-connect-changed-fr');
  });
});
