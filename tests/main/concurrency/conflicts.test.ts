// Optimistic writes: every save carries the version the person started from; a stale one is refused by
// the service (not only the interface) with "X changed this while you were editing", who X is (from the
// version's metadata: the signed-in account, never a request field), and both versions; nothing is
// overwritten and nothing is written (no version, no audit entry).
import { beforeEach, describe, expect, it } from 'vitest';
import type { DraftRecord, PlanRecord } from '../../../src/shared/domain/drafting-records';
import type { PartnerDetail } from '../../../src/shared/domain/partners';
import type { Policy } from '../../../src/shared/domain/policy';
import type { ThreatDetail, ThreatPage } from '../../../src/shared/domain/threat-log';
import type { AppErrorShape } from '../../../src/shared/errors';
import { applyEditsOnTop, differingFields } from '../../../src/shared/domain/conflict-diff';
import { openTestApp, type Acting, type TestApp } from '../../helpers/db';
import { ADMIN } from '../../helpers/people';

let app: TestApp;
let dana: Acting;

async function refusal(promise: Promise<unknown>): Promise<AppErrorShape> {
  try {
    await promise;
  } catch (err) {
    return (err as { envelope: AppErrorShape }).envelope;
  }
  throw new Error('expected the call to be refused');
}

const auditCount = () => app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

beforeEach(async () => {
  app = await openTestApp({ sample: true });
  dana = await app.person('Dana Roy', ['analyst', 'communications', 'policy-owner']);
});

describe('a stale save is refused with who changed it and both versions', () => {
  it('a threat', async () => {
    const id = (await app.call<ThreatPage>('threats:list', { limit: 1 })).rows[0]!.id;
    const opened = await app.call<ThreatDetail>('threats:get', { id });
    // Dana saves first, from the same version.
    await dana.call('threats:update', {
      threat: { ...opened.threat, title: 'Dana’s title' },
      expectedVersion: opened.meta.version,
    });
    const audited = auditCount();
    const mine = { ...opened.threat, summary: 'Avery’s summary' };
    const refused = await refusal(
      app.call('threats:update', { threat: mine, expectedVersion: opened.meta.version }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /^Dana Roy changed this threat while you were editing \(it is now at version 2; you started from version 1\)\. Nothing was saved/,
    );
    expect(refused.conflict).toMatchObject({
      kind: 'threat',
      id,
      changedBy: 'Dana Roy',
      theirs: { version: 2, record: { title: 'Dana’s title', summary: opened.threat.summary } },
      yours: { version: 1, record: { title: opened.threat.title, summary: 'Avery’s summary' } },
    });
    expect(
      differingFields(refused.conflict!.theirs.record, refused.conflict!.yours.record).map((d) => d.path),
    ).toEqual(['summary', 'title']);
    // Nothing written.
    const now = await app.call<ThreatDetail>('threats:get', { id });
    expect(now.meta.version).toBe(2);
    expect(now.threat.summary).toBe(opened.threat.summary);
    expect(auditCount()).toBe(audited);
    // "Apply mine on top": Dana's title kept, Avery's summary over it, saved from version 2.
    const merged = applyEditsOnTop(opened.threat, refused.conflict!.theirs.record, mine);
    const saved = await app.call<ThreatDetail>('threats:update', { threat: merged, expectedVersion: 2 });
    expect(saved.threat).toMatchObject({ title: 'Dana’s title', summary: 'Avery’s summary' });
    expect(saved.meta).toMatchObject({ version: 3, changedBy: ADMIN.name });
  });

  it('the policy', async () => {
    const policy = await app.call<Policy>('policy:get', {});
    await dana.call('policy:save', { policy, note: 'Dana’s', expectedVersion: policy.version });
    const refused = await refusal(
      app.call('policy:save', { policy, note: 'Avery’s', expectedVersion: policy.version }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/^Dana Roy changed this policy while you were editing/);
    expect(refused.conflict).toMatchObject({
      kind: 'policy',
      changedBy: 'Dana Roy',
      theirs: { version: policy.version + 1 },
      yours: { version: policy.version },
    });
    expect((await app.call<Policy>('policy:get', {})).version).toBe(policy.version + 1);
  });

  it('a communication plan and a draft', async () => {
    const threatId = (await app.call<ThreatPage>('threats:list', { limit: 1 })).rows[0]!.id;
    const plan = await app.call<PlanRecord>('drafting:createPlan', { threatIds: [threatId] });
    const edited = {
      ...plan.plan,
      protectionMeasures: { en: ['Dana’s measure'], fr: ['La mesure de Dana'] },
    };
    await dana.call('drafting:savePlan', { planId: plan.id, expectedVersion: 1, plan: edited });
    const planRefused = await refusal(
      app.call('drafting:savePlan', { planId: plan.id, expectedVersion: 1, plan: plan.plan }),
    );
    expect(planRefused.code).toBe('conflict');
    expect(planRefused.message).toMatch(/^Dana Roy changed this communication plan while you were editing/);
    expect(planRefused.conflict).toMatchObject({
      kind: 'plan',
      changedBy: 'Dana Roy',
      theirs: { version: 2, record: { protectionMeasures: { en: ['Dana’s measure'] } } },
      yours: { version: 1 },
    });

    const draft = await app.call<DraftRecord>('drafting:createDraft', {
      planId: plan.id,
      template: 'public-statement',
    });
    const sectionId = draft.draft.sections.en![0]!.id;
    await dana.call('drafting:saveDraft', {
      draftId: draft.id,
      expectedVersion: 1,
      sections: { en: [{ id: sectionId, text: 'Dana’s words.' }] },
    });
    const draftRefused = await refusal(
      app.call('drafting:saveDraft', {
        draftId: draft.id,
        expectedVersion: 1,
        sections: { en: [{ id: sectionId, text: 'Avery’s words.' }] },
      }),
    );
    expect(draftRefused.code).toBe('conflict');
    expect(draftRefused.message).toMatch(/^Dana Roy changed this draft while you were editing/);
    const theirs = draftRefused.conflict!.theirs.record as DraftRecord['draft'];
    const yours = draftRefused.conflict!.yours.record as DraftRecord['draft'];
    expect(theirs.sections.en!.find((s) => s.id === sectionId)!.text).toBe('Dana’s words.');
    expect(yours.sections.en!.find((s) => s.id === sectionId)!.text).toBe('Avery’s words.');
    expect((await app.call<DraftRecord>('drafting:getDraft', { draftId: draft.id })).currentVersion).toBe(2);
  });

  it('a partner', async () => {
    const partner = {
      name: 'Meta — Election integrity',
      kind: 'platform',
      handles: ['facebook'],
      roles: [{ role: 'Escalation', primary: { name: 'Hannah K.', email: 'escalations@meta.example' } }],
    };
    const created = await app.call<PartnerDetail>('partners:create', { partner });
    await dana.call('partners:update', {
      partner: { ...created.partner, name: 'Meta — Integrity' },
      expectedVersion: 1,
    });
    const refused = await refusal(
      app.call('partners:update', {
        partner: { ...created.partner, handles: ['facebook', 'instagram'] },
        expectedVersion: 1,
      }),
    );
    expect(refused.message).toMatch(/^Dana Roy changed this partner while you were editing/);
    expect(refused.conflict).toMatchObject({
      kind: 'partner',
      changedBy: 'Dana Roy',
      theirs: { version: 2, record: { name: 'Meta — Integrity', handles: ['facebook'] } },
      yours: {
        version: 1,
        record: { name: 'Meta — Election integrity', handles: ['facebook', 'instagram'] },
      },
    });
  });
});
