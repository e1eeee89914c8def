// A threat's status follows the work, in the services: a recorded decision makes it "assessed", an approved
// public text "responded"; it only moves forward, people can set it by hand, and each move is a new
// version of the threat with its audit entry, in the transaction of the work that moved it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../src/shared/domain/assessment';
import type { AuditPage } from '../../../src/shared/domain/audit';
import type { DraftRecord, PlanRecord } from '../../../src/shared/domain/drafting-records';
import type { ThreatDetail, ThreatVersion } from '../../../src/shared/domain/threat-log';
import type { ThreatStatus } from '../../../src/shared/domain/enums';
import { statusAfter } from '../../../src/main/threats/workflow';
import { openTestApp, steppingClock, type Acting, type TestApp } from '../../helpers/db';

const AS_OF = '2027-05-12T12:00:00Z';
const ME = 'Ana Ruiz';
const ID = 'lk27-001';

/** Ana logs, decides and drafts; Li reviews; Marie approves (four eyes: people of their own). */
let app: TestApp;
let li: Acting;
let marie: Acting;
const detail = (id = ID) => app.call<ThreatDetail>('threats:get', { id });
const statusOf = async (id = ID) => (await detail(id)).threat.status;

async function setStatus(status: ThreatStatus, id = ID): Promise<void> {
  const d = await detail(id);
  await app.call('threats:update', { threat: { ...d.threat, status }, expectedVersion: d.meta.version });
}

async function decide(id = ID): Promise<void> {
  const r = await app.call<AssessmentResult>('assessment:assess', { threatId: id, asOf: AS_OF });
  await app.call('assessment:save', {
    threatIds: [id],
    cluster: false,
    asOf: AS_OF,
    decision: { recommendedLevel: r.level, level: r.level, rationale: '', passphrase: app.passphrase },
  });
}

async function approve(template: string, id = ID): Promise<void> {
  const plan = await app.call<PlanRecord>('drafting:createPlan', {
    threatIds: [id],
    cluster: false,
    asOf: AS_OF,
  });
  const d = await app.call<DraftRecord>('drafting:createDraft', { planId: plan.id, template });
  await li.call('drafting:review', { draftId: d.id, expectedVersion: 1 });
  await marie.call('drafting:approve', {
    draftId: d.id,
    expectedVersion: 1,
    passphrase: marie.passphrase,
  });
}

beforeEach(async () => {
  const admin = await openTestApp({ clock: steppingClock('2027-05-12T12:00:00.000Z') });
  await admin.call('workspace:loadSample');
  app = await admin.as(ME, ['analyst', 'approver', 'communications']);
  li = await admin.person('Li Wei', ['reviewer']);
  marie = await admin.person('Marie Gagnon', ['approver']);
  // The sample workspace carries its organisation: the drafts are complete enough to approve.
  await setStatus('new');
});

describe('statusAfter', () => {
  it('moves forward only', () => {
    expect(statusAfter(undefined, 'assessed')).toBe('assessed');
    expect(statusAfter('new', 'assessed')).toBe('assessed');
    expect(statusAfter('monitoring', 'assessed')).toBe('assessed');
    expect(statusAfter('assessed', 'assessed')).toBeNull();
    expect(statusAfter('responded', 'assessed')).toBeNull();
    expect(statusAfter('assessed', 'responded')).toBe('responded');
    expect(statusAfter('closed', 'responded')).toBeNull();
  });
});

describe('the status follows the work', () => {
  it('a recorded decision makes the threat assessed: a new version, audited, with what moved it', async () => {
    const before = (await detail()).meta.version;
    await decide();
    expect(await statusOf()).toBe('assessed');
    const versions = await app.call<ThreatVersion[]>('threats:history', { id: ID });
    expect(versions[0]).toMatchObject({
      version: before + 1,
      change: 'status: assessed',
      changedBy: ME,
    });
    const entries = (await app.call<AuditPage>('audit:list', { subject: `threat:${ID}` })).entries;
    expect(entries[0]).toMatchObject({ action: 'threat.status', details: { from: 'new', to: 'assessed' } });
    expect((entries[0]!.details as { assessment: number }).assessment).toBeGreaterThan(0);
  });

  it('saving an assessment without a decision leaves the status alone', async () => {
    await app.call('assessment:save', { threatIds: [ID], cluster: false, asOf: AS_OF });
    expect(await statusOf()).toBe('new');
  });

  it('an approved public statement makes it responded; an approved briefing note does not', async () => {
    await approve('briefing-note');
    expect(await statusOf()).toBe('new');
    await approve('public-statement');
    expect(await statusOf()).toBe('responded');
    // Further work never moves it back.
    await decide();
    expect(await statusOf()).toBe('responded');
  });

  it('people can set it by hand, back or forward, and the work moves it on from there', async () => {
    await decide();
    await setStatus('monitoring');
    expect(await statusOf()).toBe('monitoring');
    await decide();
    expect(await statusOf()).toBe('assessed');
    await setStatus('closed');
    await approve('public-statement');
    expect(await statusOf()).toBe('closed');
  });

  it('a threat deleted meanwhile is left as it is', async () => {
    const plan = await app.call<PlanRecord>('drafting:createPlan', {
      threatIds: [ID],
      cluster: false,
      asOf: AS_OF,
    });
    const d = await app.call<DraftRecord>('drafting:createDraft', {
      planId: plan.id,
      template: 'public-statement',
    });
    await li.call('drafting:review', { draftId: d.id, expectedVersion: 1 });
    await app.call('threats:delete', { id: ID });
    const before = (await detail()).meta.version;
    await marie.call('drafting:approve', {
      draftId: d.id,
      expectedVersion: 1,
      passphrase: marie.passphrase,
    });
    expect((await detail()).meta.version).toBe(before);
    expect(await statusOf()).toBe('new');
  });
});
