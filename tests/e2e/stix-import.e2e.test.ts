// A partner's STIX bundle opened on the welcome screen of a fresh workspace, in real Chromium: the bundle
// does not say which election its incidents belong to, so the import asks for the election (never "the
// workspace has no election"), creates it with the incidents, and opens the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startE2E, type E2E } from './harness';

let e2e: E2E;

const UUID = (n: number) => `${String(n).padStart(8, '0')}-2222-4222-8222-222222222222`;
const T0 = '2027-05-12T10:00:00.000Z';
const partnerBundle = {
  type: 'bundle',
  id: `bundle--${UUID(1)}`,
  objects: [
    {
      type: 'incident',
      spec_version: '2.1',
      id: `incident--${UUID(2)}`,
      created: T0,
      modified: T0,
      name: 'Fake polling-place closures posted in a community group',
      description: 'Posts said that two polling places on the North Shore are closed on polling day.',
    },
  ],
};

describe('STIX import into a fresh workspace, end to end', () => {
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('asks which election the incidents belong to, creates it and imports them', async () => {
    const { page } = e2e;
    await page.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
    await page.getByLabel('Choose a file…').setInputFiles({
      name: 'partner.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(partnerBundle)),
    });
    const dialog = page.getByRole('dialog', { name: 'Which election are these incidents about?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('partner.json does not say which election');
    expect(await dialog.textContent()).not.toMatch(/has no election to record/);
    await dialog.getByLabel('Name').fill('North Shore Municipal Election 2027');
    await dialog.getByLabel('Jurisdiction').fill('North Shore');
    await dialog.getByLabel('Polling day').fill('2027-10-25');
    await e2e.shot('stix-01-bundle-election');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create the election and import' }).click();
    await page.getByRole('grid', { name: 'Threat log' }).waitFor();
    await page.getByTestId('log-count').filter({ hasText: '1 threat' }).waitFor();
    await e2e.shot('stix-02-log');
    expect(e2e.app.db.prepare('SELECT id, name FROM elections').all()).toEqual([
      { id: 'north-shore-municipal-election-2027', name: 'North Shore Municipal Election 2027' },
    ]);
    expect(e2e.app.db.prepare('SELECT election_id FROM threats').pluck().all()).toEqual([
      'north-shore-municipal-election-2027',
    ]);
  });
});
