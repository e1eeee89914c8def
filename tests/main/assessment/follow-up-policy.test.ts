// The policy's outcome follow-up (`outcomes.followUpDays`) on a real database: the service refuses a value out
// of range (the policy in force stays) and the dashboard counts with the saved one.
import { describe, expect, it } from 'vitest';
import { outcomesSection } from '../../../src/shared/domain/policy';
import type { DashboardData } from '../../../src/shared/domain/dashboard';
import { openTestApp } from '../../helpers/db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a policy poked at as JSON
type Json = Record<string, any>;

describe('the outcome follow-up in force', () => {
  it('is refused by the service when out of range (the policy in force stays), and used by the dashboard once saved', async () => {
    const app = await openTestApp();
    const policy = await app.call<Json>('policy:get', {});
    expect(policy.outcomes).toBeUndefined();
    const at = (value: number) => ({
      ...policy,
      outcomes: { ...outcomesSection(), followUpDays: { ...outcomesSection().followUpDays, value } },
    });
    await expect(app.call('policy:save', { policy: at(0), note: 'too soon' })).rejects.toThrow(
      /outcomes\.followUpDays\.value/,
    );
    expect((await app.call<Json>('policy:get', {})).version).toBe(policy.version);
    expect((await app.call<DashboardData>('dashboard:series', {})).responses.overdue.days).toBe(7);
    await app.call('policy:save', { policy: at(3), note: 'sooner' });
    expect((await app.call<DashboardData>('dashboard:series', {})).responses.overdue.days).toBe(3);
  });
});
