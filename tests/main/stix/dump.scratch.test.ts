import fs from 'node:fs';
import { it } from 'vitest';
import { openTestApp, steppingClock } from '../../helpers/db';
it('dumps', async () => {
  const app = await openTestApp({ clock: steppingClock('2027-05-10T12:00:00.000Z') });
  await app.call('workspace:loadSample', {});
  const out = process.env.STIX_DUMP ?? '/tmp/stix11';
  for (const tlp of ['clear', 'green', 'amber', 'red']) {
    const r = await app.call<{ content: string }>('stix:export', { tlp });
    fs.writeFileSync(`${out}/${tlp}.json`, r.content);
  }
  const r = await app.call<{ content: string }>('stix:export', {
    tlp: 'amber',
    country: 'CA',
    region: 'northern-america',
  });
  fs.writeFileSync(`${out}/amber-ca.json`, r.content);
});
