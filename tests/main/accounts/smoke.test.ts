import { describe, expect, it } from 'vitest';
import { openTestApp } from '../../helpers/db';

describe('smoke', () => {
  it('sets up and works', async () => {
    const app = await openTestApp({ sample: true });
    const status = await app.call<{ state: string }>('session:status');
    expect(status.state).toBe('signed-in');
    const page = await app.call<{ total: number }>('threats:list', {});
    expect(page.total).toBeGreaterThan(10);
    const sam = await app.person('Sam Okoro', ['analyst']);
    const r = await sam.dispatch('policy:save', { policy: {} });
    expect(r.ok).toBe(false);
    console.log(JSON.stringify(r));
    const v = await app.call('audit:verify');
    console.log(JSON.stringify(v));
  });
});
