// The team server in real Chromium: the same interface over HTTPS (its self-signed certificate), a
// browser that opens the page gets a session but no account, signs in with its own on the sign-in screen,
// and the page's writes carry the CSRF token (locking and unlocking are writes: refused without it).
// Two browsers are two sessions: signing in one signs in nothing else. Screenshot of the sign-in.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../src/main/serve/team-server';
import { ADMIN, openTestApp, REPO_ROOT, tempDir } from '../helpers/db';

let team: TeamServer;
let browser: Browser;
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

beforeAll(async () => {
  const app = await openTestApp({ keep: true, sample: true });
  const dbFile = path.join(tempDir('e2e-team-server-', { keep: true }), 'team.db');
  app.host.close();
  fs.copyFileSync(app.file, dbFile);
  fs.copyFileSync(`${app.file}.keyring`, `${dbFile}.keyring`);
  team = await startTeamServer({
    dbPath: dbFile,
    host: '127.0.0.1',
    port: 0,
    staticDir: path.join(REPO_ROOT, 'dist', 'renderer'),
    env: {},
    write: () => undefined,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await team?.close();
});

describe('the team server in Chromium', () => {
  it('serves the app over HTTPS; a person signs in with their account; writes carry the CSRF token', async () => {
    // The self-signed certificate: a browser shows a warning the person checks against the fingerprint.
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(team.server.url);
    await page.getByRole('heading', { name: 'Sign in to Threshold' }).waitFor();
    const cookies = await context.cookies(team.server.origin);
    expect(cookies.find((c) => c.name === 'threshold_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'team-server-sign-in.png') });
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('Name', { exact: true }).fill(ADMIN.name);
    await form.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Threat log', level: 1 }).waitFor();
    // Nothing secret in the address, ever.
    expect(page.url()).toMatch(new RegExp(`^${team.server.url.replace(/[.]/g, '\\.')}(#/log)?$`));
    // A write from the page itself: lock, then unlock with the passphrase.
    await page.getByTestId('lock').click();
    const lock = page.getByRole('dialog', { name: 'Threshold is locked' });
    await lock.waitFor();
    await lock.getByLabel(`Passphrase for ${ADMIN.name}`).fill(ADMIN.passphrase);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await lock.waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'team-server-log.png') });
    // Another browser is a session of its own: not signed in.
    const other = await browser.newContext({ ignoreHTTPSErrors: true });
    const otherPage = await other.newPage();
    await otherPage.goto(team.server.url);
    await otherPage.getByRole('heading', { name: 'Sign in to Threshold' }).waitFor();
    // The same write without the token (a request forged from the page's own cookies) is refused.
    const forged = await context.request.post(`${team.server.origin}/api/session:lock`, { data: {} });
    expect(forged.status()).toBe(403);
    expect(errors).toEqual([]);
    await other.close();
    await context.close();
  });
});
