// A restore, as every open window sees it: while the database is offline (between the restore's
// "offline" notice and its "online" one) each window says who is restoring and that what is typed stays;
// once it is back, each says which backup it came from, until dismissed. A real restore is one step
// (checks first, then the swap, during which the server answers nothing): to look at the offline state
// for longer than that step, the test announces it through the host's own live hub, as restoreFile does,
// then runs the real restore.
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BackupInfo } from '../../src/shared/domain/backups';
import { ARTIFACTS, startE2E, type E2E } from './harness';

let e2e: E2E;
let dana: Page;
const DANA = { name: 'Dana Roy', passphrase: 'harbour-cobalt-meadow-lantern-71' };

describe('a restore, in every open window (http)', () => {
  beforeAll(async () => {
    e2e = await startE2E({ viewport: { width: 1280, height: 860 } });
    await e2e.app.call('workspace:loadSample', {});
    await e2e.app.person(DANA.name, ['analyst'], DANA.passphrase);
    await e2e.page.reload();
    dana = await e2e.openBrowser(DANA);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the offline notice in every window while offline, then the restored notice after', async () => {
    const windows = [e2e.page, dana];
    for (const page of windows) await page.getByTestId('log-count').waitFor();
    const backup = await e2e.app.call<BackupInfo>('backups:create', {});
    e2e.app.host.live.publish({ kind: 'offline', by: 'Avery Admin' });
    for (const page of windows)
      await page
        .getByTestId('offline-notice')
        .filter({ hasText: 'Avery Admin is restoring the database from a backup' })
        .waitFor();
    await dana.screenshot({ path: path.join(ARTIFACTS, 'team-offline-en.png') });

    await e2e.app.call('backups:restore', { name: backup.name, confirm: true });
    for (const page of windows) {
      await page.getByTestId('offline-notice').waitFor({ state: 'detached' });
      await page
        .getByTestId('restored-notice')
        .filter({ hasText: `Avery Admin restored the database from a backup (${backup.name})` })
        .waitFor();
    }
    await dana.screenshot({ path: path.join(ARTIFACTS, 'team-restored-en.png') });
  });
});
