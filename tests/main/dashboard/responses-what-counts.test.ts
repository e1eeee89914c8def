// What the dashboard's "responses and their effect" counts as a response, on a real database: a decision,
// a public text approved for release, a partner notification approved (it names its threats); not a
// briefing note (it stays inside), and not a contact in a partner's log (the log names no threat: a note
// that mentions a threat's id is text, not a link).
import { describe, expect, it } from 'vitest';
import type { DashboardData } from '../../../src/shared/domain/dashboard';
import type { DraftRecord, PlanRecord } from '../../../src/shared/domain/drafting-records';
import type { ThreatTimeline } from '../../../src/shared/domain/outcomes';
import type { PartnerDetail } from '../../../src/shared/domain/partners';
import { openTestApp, steppingClock, type TestApp } from '../../helpers/db';

const ELECTION = 'lakeshore-2027';

async function approved(app: TestApp, threatId: string, template: string) {
  const li = await app.person(`Li ${template}`, ['reviewer']);
  const marie = await app.person(`Marie ${template}`, ['approver']);
  const plan = await app.call<PlanRecord>('drafting:createPlan', {
    threatIds: [threatId],
    asOf: '2027-05-13T12:00:00Z',
  });
  const draft = await app.call<DraftRecord>('drafting:createDraft', { planId: plan.id, template });
  await li.call('drafting:review', { draftId: draft.id, expectedVersion: 1 });
  await marie.call('drafting:approve', {
    draftId: draft.id,
    expectedVersion: 1,
    passphrase: marie.passphrase,
  });
}

describe('what counts as a response', () => {
  it('counts an approved partner notification, not a briefing note nor a partner contact naming the threat', async () => {
    const app = await openTestApp({ clock: steppingClock('2027-05-20T12:00:00.000Z') });
    await app.call('workspace:loadSample');
    // Sample threats nobody has responded to yet.
    const T = { NOTIFY: 'lk27-011', BRIEF: 'lk27-021', CALL: 'lk27-030', STATEMENT: 'lk27-023' };
    const before = await app.call<DashboardData>('dashboard:series', { electionId: ELECTION });
    expect(before.responses.effects.filter((e) => Object.values(T).includes(e.threatId))).toEqual([]);
    const partner = (await app.call<PartnerDetail[]>('partners:list', {}))[0]!.partner;
    await approved(app, T.NOTIFY, 'partner-notification');
    await approved(app, T.BRIEF, 'briefing-note');
    await approved(app, T.STATEMENT, 'public-statement');
    await app.call('partners:recordContact', {
      id: partner.id,
      date: '2027-05-14',
      channel: 'phone',
      note: `Told them about ${T.CALL}.`,
    });

    const data = await app.call<DashboardData>('dashboard:series', { electionId: ELECTION });
    const effects = new Map(data.responses.effects.map((e) => [e.threatId, e]));
    expect(effects.has(T.BRIEF)).toBe(false);
    // The threat page's timeline shows the call (its note names the threat), but it is not a response.
    const timeline = await app.call<ThreatTimeline>('outcomes:timeline', { threatId: T.CALL });
    expect(timeline.events.map((e) => e.kind)).toContain('partner-contacted');
    expect(effects.has(T.CALL)).toBe(false);
    expect(data.responses.responded).toBe(before.responses.responded + 2);
    expect(effects.get(T.NOTIFY)).toMatchObject({
      releasedOn: null,
      partnerNotifiedOn: expect.stringMatching(/^2027-05-20/),
      respondedOn: '2027-05-20',
      effect: 'no-outcome',
    });
    // Its timeline says the same: partners notified, no statement released.
    const notified = await app.call<ThreatTimeline>('outcomes:timeline', { threatId: T.NOTIFY });
    expect(notified.events.map((e) => e.kind)).toContain('partner-notified');
    expect(notified.events.map((e) => e.kind)).not.toContain('released');
    expect(notified.releasedOn).toBeNull();
    const briefed = await app.call<ThreatTimeline>('outcomes:timeline', { threatId: T.BRIEF });
    expect(briefed.events.map((e) => e.kind)).toEqual(['first-seen']);
    expect(effects.get(T.STATEMENT)).toMatchObject({
      releasedOn: expect.stringMatching(/^2027-05-20/),
      partnerNotifiedOn: null,
    });
  });
});
