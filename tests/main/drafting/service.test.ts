// The drafting service on a real SQLite file with the sample workspace: the organisation profile, plans and
// drafts with their versions, live checks, review and approval (which freezes a version), the audit trail,
// and the Word export (marked DRAFT until approved).
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  CheckReport,
  DraftExport,
  DraftRecord,
  DraftSummary,
  DraftVersionSummary,
  PlanRecord,
  PlanSummary,
  PlanVersionSummary,
} from '../../../src/shared/domain/drafting-records';
import type { AuditPage } from '../../../src/shared/domain/audit';
import type { AuditVerificationResult } from '../../../src/shared/domain/audit';
import { openTestApp, steppingClock, type TestApp } from '../../helpers/db';
import { docxText, readDocx } from './docx-helpers';

const AS_OF = '2027-05-12T12:00:00Z';
const IDENTITY = { name: 'Ana Ruiz', role: 'Communications lead' };
import type { OrganisationProfile } from '../../../src/shared/domain/organisation';
import { EMPTY_PROFILE, PROFILE } from '../../fixtures/organisation';
const REVIEWER = { name: 'Li Wei', role: 'Legal counsel' };
const APPROVER = { name: 'Marie Gagnon', role: 'Chief Electoral Officer' };

let app: TestApp;

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; problems?: { where: string; message: string }[] }> {
  try {
    await promise;
  } catch (err) {
    return (err as { envelope: { code: string; message: string } }).envelope;
  }
  throw new Error('expected the call to fail');
}

async function auditActions(subject: string): Promise<string[]> {
  const page = await app.call<AuditPage>('audit:list', { subject });
  return page.entries.map((e) => e.action).reverse();
}

async function newPlan(threatIds = ['lk27-001'], cluster = false): Promise<PlanRecord> {
  return app.call<PlanRecord>('drafting:createPlan', { threatIds, cluster, asOf: AS_OF });
}

async function newDraft(template = 'public-statement', threatIds = ['lk27-001']): Promise<DraftRecord> {
  const plan = await newPlan(threatIds);
  return app.call<DraftRecord>('drafting:createDraft', { planId: plan.id, template });
}

const section = (d: DraftRecord, lang: 'en' | 'fr', id: string) =>
  d.draft.sections[lang]!.find((s) => s.id === id)!;

beforeEach(async () => {
  app = openTestApp({ clock: steppingClock('2027-05-12T12:00:00.000Z') });
  await app.call('workspace:loadSample');
  await app.call('app:setIdentity', { identity: IDENTITY });
});

describe('organisation profile', () => {
  it('starts empty in a new workspace, so that templates show placeholders that fail a check', async () => {
    const fresh = openTestApp();
    expect(await fresh.call<OrganisationProfile>('profile:get')).toEqual(EMPTY_PROFILE);
    // The sample workspace carries its organisation; emptied again, drafts show what is missing.
    expect(await app.call<OrganisationProfile>('profile:get')).toMatchObject(PROFILE);
    await app.call('profile:set', { profile: EMPTY_PROFILE });
    const draft = await newDraft();
    expect(section(draft, 'en', 'reliable-sources').text).toContain('[TO COMPLETE: web address]');
    expect(section(draft, 'fr', 'media-contact').text).toContain('[À COMPLÉTER');
    const missing = draft.report.checks
      .filter((c) => c.id === 'placeholder')
      .map((c) => c.message.params?.field);
    expect(missing).toEqual(
      expect.arrayContaining(['organisation.website', 'organisation.mediaContact.email']),
    );
  });

  it('reads a profile saved before it had its own key', async () => {
    const fresh = openTestApp();
    fresh.ctx.settings.set('drafting.profile', {
      authorityName: { en: 'Elections Lakeshore', fr: 'Élections Lakeshore' },
      website: 'elections.lakeshore.example',
      phone: '1-800-555-0127',
      mediaContact: {
        name: 'Sam Okoro',
        phone: '1-800-555-0199',
        email: 'media@elections.lakeshore.example',
      },
    });
    expect(await fresh.call<OrganisationProfile>('profile:get')).toEqual({
      ...EMPTY_PROFILE,
      name: PROFILE.name,
      website: PROFILE.website,
      phone: PROFILE.phone,
      mediaContact: PROFILE.mediaContact,
    });
  });

  it('is validated, saved, audited and used by new plans', async () => {
    await app.call('profile:set', { profile: EMPTY_PROFILE });
    const bad = await failure(
      app.call('profile:set', {
        profile: {
          ...PROFILE,
          website: 'not a website',
          mediaContact: { ...PROFILE.mediaContact, email: 'sam@' },
        },
      }),
    );
    expect(bad.code).toBe('invalid-request');
    expect(bad.problems!.map((p) => p.where).sort()).toEqual([
      '$.profile.mediaContact.email',
      '$.profile.website',
    ]);
    expect((await app.call<OrganisationProfile>('profile:get')).website).toBe('');

    await app.call('profile:set', { profile: PROFILE });
    expect(await app.call<OrganisationProfile>('profile:get')).toEqual(PROFILE);
    const entries = (await app.call<AuditPage>('audit:list', { subject: 'organisation:profile' })).entries;
    // Imported with the sample, emptied, then saved.
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      action: 'organisation.profile.saved',
      actor: IDENTITY.name,
      role: IDENTITY.role,
    });
    expect((entries[0]!.details as { changed: string[] }).changed).toContain('mediaContact.email');
    // Saving the same profile again changes nothing and records nothing.
    await app.call('profile:set', { profile: PROFILE });
    expect(
      (await app.call<AuditPage>('audit:list', { subject: 'organisation:profile' })).entries,
    ).toHaveLength(3);

    const draft = await newDraft();
    expect(section(draft, 'en', 'reliable-sources').text).toBe(
      'Visit Elections Lakeshore’s website: elections.lakeshore.example\nCall Elections Lakeshore: 1-800-555-0127',
    );
    expect(section(draft, 'en', 'media-contact').text).toContain('Sam Okoro');
    expect(draft.report.checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('refuses a logo that is not a small image', async () => {
    const bad = await failure(
      app.call('profile:set', { profile: { ...PROFILE, logo: 'data:text/html;base64,PGI+' } }),
    );
    expect(bad.problems!.map((p) => p.where)).toEqual(['$.profile.logo']);
  });
});

describe('communication plans', () => {
  it('are built from the record and the assessment under the current policy', async () => {
    const plan = await newPlan();
    expect(plan).toMatchObject({
      version: 1,
      currentVersion: 1,
      cluster: false,
      threatIds: ['lk27-001'],
      electionId: 'lakeshore-2027',
    });
    expect(plan.plan.asOf).toBe(AS_OF);
    expect(plan.plan.level).toBe(plan.assessment.level);
    expect(plan.plan.spokesperson.id).toBe(plan.assessment.spokesperson.id);
    expect(plan.plan.partners.map((p) => p.id)).toEqual(plan.assessment.partners.map((p) => p.id));
    expect(plan.plan.where.languages).toEqual(['en', 'fr']);
    expect(plan.plan.timing.phase).toBe('advance-voting');
    expect(plan.plan.protectionMeasures.en.length).toBeGreaterThan(0);
    expect(plan.assessment.threatVersions).toEqual({ 'lk27-001': 1 });
    expect(await auditActions(`plan:${plan.id}`)).toEqual(['plan.created']);
  });

  it('need cluster: true for several threats, and are then assessed as one', async () => {
    const refused = await failure(
      app.call('drafting:createPlan', { threatIds: ['lk27-006', 'lk27-007'], asOf: AS_OF }),
    );
    expect(refused.code).toBe('invalid-request');
    const plan = await newPlan(['lk27-006', 'lk27-007'], true);
    expect(plan.cluster).toBe(true);
    expect(plan.assessment.cluster).toBe(true);
    expect(plan.plan.threatIds).toEqual(['lk27-006', 'lk27-007']);
    const listed = await app.call<{ plans: PlanSummary[] }>('drafting:list', { threatId: 'lk27-007' });
    expect(listed.plans.map((p) => p.id)).toEqual([plan.id]);
    expect((await failure(app.call('drafting:createPlan', { threatIds: ['nope'], asOf: AS_OF }))).code).toBe(
      'not-found',
    );
  });

  it('keep every saved version; the record-given fields cannot be edited', async () => {
    const v1 = await newPlan();
    const edited = structuredClone(v1.plan);
    edited.protectionMeasures.en = ['We asked the platforms to label the posts.', '  '];
    edited.attributionMayBeStated = true;
    edited.level = 'monitor';
    edited.threatIds = ['lk27-002'];
    const { plan: v2, draft } = await app.call<{ plan: PlanRecord; draft: DraftRecord | null }>(
      'drafting:savePlan',
      {
        planId: v1.id,
        expectedVersion: 1,
        plan: edited,
        note: 'Platforms contacted',
      },
    );
    expect(draft).toBeNull();
    expect(v2.version).toBe(2);
    expect(v2.plan.protectionMeasures.en).toEqual(['We asked the platforms to label the posts.']);
    expect(v2.plan.attributionMayBeStated).toBe(v1.plan.attributionMayBeStated);
    expect(v2.plan.level).toBe(v1.plan.level);
    expect(v2.plan.threatIds).toEqual(['lk27-001']);

    const old = await app.call<PlanRecord>('drafting:getPlan', { planId: v1.id, version: 1 });
    expect(old.plan).toEqual(v1.plan);
    expect(old.currentVersion).toBe(2);
    const versions = await app.call<PlanVersionSummary[]>('drafting:planVersions', { planId: v1.id });
    expect(versions.map((v) => [v.version, v.change, v.savedBy])).toEqual([
      [2, 'Platforms contacted', IDENTITY.name],
      [1, 'created', IDENTITY.name],
    ]);
    const blank = structuredClone(v2.plan);
    blank.protectionMeasures.fr = ['   '];
    const refused = await failure(
      app.call('drafting:savePlan', { planId: v1.id, expectedVersion: 2, plan: blank }),
    );
    expect(refused.code).toBe('invalid-request');
    expect(refused.problems).toEqual([
      { where: '$.plan.protectionMeasures.fr', message: 'must not be empty' },
    ]);
    const stale = await failure(
      app.call('drafting:savePlan', { planId: v1.id, expectedVersion: 1, plan: edited }),
    );
    expect(stale.code).toBe('conflict');
    expect(await auditActions(`plan:${v1.id}`)).toEqual(['plan.created', 'plan.saved']);
    // Versions are never rewritten, even by SQL.
    expect(() =>
      app.db.prepare("UPDATE comm_plan_versions SET doc = '{}' WHERE plan_id = ?").run(v1.id),
    ).toThrow(/never changed/);
  });

  it('carry edits of "what is being done" into a draft when asked', async () => {
    const plan = await newPlan();
    const d1 = await app.call<DraftRecord>('drafting:createDraft', {
      planId: plan.id,
      template: 'public-statement',
    });
    const edited = structuredClone(plan.plan);
    edited.protectionMeasures = {
      en: ['We asked the platforms to label the posts.'],
      fr: ['Nous avons demandé aux plateformes d’étiqueter les publications.'],
    };
    const { draft } = await app.call<{ plan: PlanRecord; draft: DraftRecord }>('drafting:savePlan', {
      planId: plan.id,
      expectedVersion: 1,
      plan: edited,
      applyToDraft: { draftId: d1.id, expectedVersion: 1 },
    });
    expect(draft.version).toBe(2);
    expect(draft.planVersion).toBe(2);
    expect(section(draft, 'en', 'protection').text).toBe('We asked the platforms to label the posts.');
    expect(section(draft, 'fr', 'protection').text).toBe(
      'Nous avons demandé aux plateformes d’étiqueter les publications.',
    );
    expect(section(draft, 'en', 'fact').text).toBe(section(d1, 'en', 'fact').text);
  });
});

describe('drafts', () => {
  it('are created from a plan in the election’s languages, signed as drafted, and listed per threat', async () => {
    const d = await newDraft();
    expect(d).toMatchObject({
      version: 1,
      currentVersion: 1,
      readOnly: false,
      template: 'public-statement',
      planVersion: 1,
    });
    expect(d.draft.status).toBe('draft');
    expect(d.draft.languages).toEqual(['en', 'fr']);
    expect(d.draft.approvals?.drafted).toEqual({ ...IDENTITY, date: '2027-05-12' });
    expect(d.report.readability.target).toBe(8);
    expect(d.report.readability.byLanguage.en).toBeGreaterThan(0);
    expect(d.report.readability.byLanguage.fr).toBeGreaterThan(0);
    const fr = await app.call<DraftRecord>('drafting:createDraft', {
      planId: d.planId,
      template: 'social-post',
      languages: ['fr'],
    });
    expect(fr.draft.languages).toEqual(['fr']);
    const { drafts } = await app.call<{ drafts: DraftSummary[] }>('drafting:list', { threatId: 'lk27-001' });
    expect(drafts.map((x) => x.id).sort()).toEqual([d.id, fr.id].sort());
    expect(
      (await app.call<{ drafts: DraftSummary[] }>('drafting:list', { threatId: 'lk27-002' })).drafts,
    ).toEqual([]);
  });

  it('save each edit as a new version, earlier versions unchanged', async () => {
    const d1 = await newDraft();
    const text = 'Your mail-in ballot counts if it is postmarked by polling day.';
    const d2 = await app.call<DraftRecord>('drafting:saveDraft', {
      draftId: d1.id,
      expectedVersion: 1,
      sections: { en: [{ id: 'fact', text }] },
    });
    expect(d2.version).toBe(2);
    expect(section(d2, 'en', 'fact').text).toBe(text);
    expect(section(d2, 'fr', 'fact').text).toBe(section(d1, 'fr', 'fact').text);
    const old = await app.call<DraftRecord>('drafting:getDraft', { draftId: d1.id, version: 1 });
    expect(section(old, 'en', 'fact').text).toBe(section(d1, 'en', 'fact').text);
    expect(old.readOnly).toBe(true);
    // Saving the same text again makes no new version.
    const same = await app.call<DraftRecord>('drafting:saveDraft', {
      draftId: d1.id,
      expectedVersion: 2,
      sections: { en: [{ id: 'fact', text }] },
    });
    expect(same.version).toBe(2);
    expect(
      (
        await failure(
          app.call('drafting:saveDraft', {
            draftId: d1.id,
            expectedVersion: 1,
            sections: { en: [{ id: 'fact', text: 'x' }] },
          }),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (
        await failure(
          app.call('drafting:saveDraft', {
            draftId: d1.id,
            expectedVersion: 2,
            sections: { en: [{ id: 'nope', text: 'x' }] },
          }),
        )
      ).code,
    ).toBe('invalid-request');
    const versions = await app.call<DraftVersionSummary[]>('drafting:draftVersions', { draftId: d1.id });
    expect(versions.map((v) => [v.version, v.status, v.change])).toEqual([
      [2, 'draft', 'edited'],
      [1, 'draft', 'created'],
    ]);
  });

  it('flag a classified sentence pasted into an edited section, where it is', async () => {
    const d = await newDraft();
    const detail = await app.call<{ threat: { classifiedNotes: { text: string }[] } }>('threats:get', {
      id: 'lk27-001',
    });
    const classified = detail.threat.classifiedNotes[0]!.text.split(';')[0]!;
    const before = 'Here is what we know. ';
    const text = `${before}${classified}.`;
    const report = await app.call<CheckReport>('drafting:check', {
      draftId: d.id,
      sections: { en: [{ id: 'context', text }] },
    });
    const hit = report.checks.find((c) => c.id === 'classified-content');
    expect(hit).toMatchObject({ severity: 'error', lang: 'en', sectionId: 'context' });
    expect(hit!.start).toBeGreaterThanOrEqual(before.length - 1);
    expect(text.slice(hit!.start, hit!.end).length).toBeGreaterThan(20);
    expect(classified).toContain(text.slice(hit!.start, hit!.end).trim().replace(/\.$/, ''));
    // The same text saved is flagged too, and the draft cannot be reviewed.
    const saved = await app.call<DraftRecord>('drafting:saveDraft', {
      draftId: d.id,
      expectedVersion: 1,
      sections: { en: [{ id: 'context', text }] },
    });
    expect(saved.report.checks.some((c) => c.id === 'classified-content' && c.severity === 'error')).toBe(
      true,
    );
    const refused = await failure(
      app.call('drafting:review', { draftId: d.id, expectedVersion: 2, signer: REVIEWER }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('classified-content');
  });

  it('flag a party name typed into a section', async () => {
    const d = await newDraft();
    const report = await app.call<CheckReport>('drafting:check', {
      draftId: d.id,
      sections: {
        fr: [{ id: 'context', text: 'Le Parti Patrimoine et Entreprise a relayé la publication.' }],
      },
    });
    const hit = report.checks.find((c) => c.id === 'partisan-name');
    expect(hit).toMatchObject({ severity: 'error', lang: 'fr', sectionId: 'context' });
  });
});

describe('approval', () => {
  it('goes draft → reviewed → approved by named people, freezes the version, and is audited', async () => {
    const d1 = await newDraft();
    expect(
      (await failure(app.call('drafting:approve', { draftId: d1.id, expectedVersion: 1, signer: APPROVER })))
        .message,
    ).toMatch(/reviewed before/);
    const reviewed = await app.call<DraftRecord>('drafting:review', {
      draftId: d1.id,
      expectedVersion: 1,
      signer: REVIEWER,
    });
    expect(reviewed.draft.status).toBe('reviewed');
    expect(reviewed.draft.approvals?.reviewed).toEqual({ ...REVIEWER, date: '2027-05-12' });
    const approved = await app.call<DraftRecord>('drafting:approve', {
      draftId: d1.id,
      expectedVersion: 1,
      signer: APPROVER,
    });
    expect(approved).toMatchObject({ version: 1, readOnly: true });
    expect(approved.draft.status).toBe('approved');
    expect(approved.draft.approvals).toMatchObject({
      drafted: { name: IDENTITY.name },
      reviewed: { name: REVIEWER.name },
      approved: { name: APPROVER.name },
    });
    expect(
      (await failure(app.call('drafting:approve', { draftId: d1.id, expectedVersion: 1, signer: APPROVER })))
        .message,
    ).toMatch(/read-only/);
    // The database itself refuses to change an approved version.
    expect(() =>
      app.db.prepare("UPDATE draft_versions SET doc = '{}' WHERE draft_id = ?").run(d1.id),
    ).toThrow(/read-only/);

    // Editing an approved text makes a new draft version; the approved one stays as it was.
    const d2 = await app.call<DraftRecord>('drafting:saveDraft', {
      draftId: d1.id,
      expectedVersion: 1,
      sections: {
        en: [
          {
            id: 'action',
            text: 'Check the facts with Elections Lakeshore before you share a post about voting.',
          },
        ],
      },
    });
    expect(d2).toMatchObject({ version: 2, readOnly: false });
    expect(d2.draft.status).toBe('draft');
    expect(d2.draft.approvals).toEqual({ drafted: { ...IDENTITY, date: '2027-05-12' } });
    const v1 = await app.call<DraftRecord>('drafting:getDraft', { draftId: d1.id, version: 1 });
    expect(v1.draft).toEqual(approved.draft);
    const versions = await app.call<DraftVersionSummary[]>('drafting:draftVersions', { draftId: d1.id });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    const { drafts } = await app.call<{ drafts: DraftSummary[] }>('drafting:list', { threatId: 'lk27-001' });
    expect(drafts[0]).toMatchObject({ id: d1.id, version: 2, status: 'draft', approvedVersion: 1 });

    const entries = (
      await app.call<AuditPage>('audit:list', { subject: `draft:${d1.id}` })
    ).entries.reverse();
    expect(entries.map((e) => [e.action, e.actor, e.role])).toEqual([
      ['draft.created', IDENTITY.name, IDENTITY.role],
      ['draft.reviewed', REVIEWER.name, REVIEWER.role],
      ['draft.approved', APPROVER.name, APPROVER.role],
      ['draft.edited', IDENTITY.name, IDENTITY.role],
    ]);
    expect(entries[2]!.details).toMatchObject({ version: 1, recordedBy: IDENTITY.name });
    expect((await app.call<AuditVerificationResult>('audit:verify')).ok).toBe(true);
  });

  it('needs a name and a role', async () => {
    const d = await newDraft();
    const refused = await failure(
      app.call('drafting:review', { draftId: d.id, expectedVersion: 1, signer: { name: '  ', role: 'x' } }),
    );
    expect(refused.code).toBe('invalid-request');
  });
});

describe('export', () => {
  it('gives the release, marked DRAFT until it is approved, and its sign-off record', async () => {
    const d = await newDraft();
    const draftExport = await app.call<DraftExport>('drafting:export', { draftId: d.id });
    expect(draftExport).toMatchObject({ version: 1, status: 'draft', markedDraft: true });
    expect(draftExport.fileName).toBe('elections-lakeshore-public-statement-2027-05-12-DRAFT.docx');
    expect(draftExport.signoff.fileName).toBe(`signoff-${d.id}-v1.docx`);
    const before = await readDocx(Buffer.from(draftExport.base64, 'base64'));
    expect(before.headers.join(' ')).toContain('DRAFT — NOT FOR RELEASE');
    expect(before.headers.join(' ')).toContain('ÉBAUCHE — NE PAS DIFFUSER');

    await app.call('drafting:review', { draftId: d.id, expectedVersion: 1, signer: REVIEWER });
    const reviewedExport = await app.call<DraftExport>('drafting:export', { draftId: d.id });
    expect(reviewedExport.markedDraft).toBe(true);
    await app.call('drafting:approve', { draftId: d.id, expectedVersion: 1, signer: APPROVER });
    const final = await app.call<DraftExport>('drafting:export', {
      draftId: d.id,
      languages: ['fr'],
      asOf: '2027-05-13T09:00:00-04:00',
    });
    expect(final).toMatchObject({
      status: 'approved',
      markedDraft: false,
      fileName: 'elections-lakeshore-public-statement-2027-05-13-fr.docx',
    });
    const buffer = Buffer.from(final.base64, 'base64');
    const after = await readDocx(buffer);
    expect([...after.headers, ...after.footers].join(' ')).not.toMatch(/DRAFT|ÉBAUCHE/);
    const text = await docxText(buffer);
    expect(text).toContain('Province du Lakeshore, le 13\u00A0mai 2027 —');
    expect(text).toContain('Élections Lakeshore');
    expect(text).not.toContain('Elections Lakeshore’s website');
    // Staff names are in the sign-off record only; the release names the media contact.
    for (const who of [APPROVER.name, REVIEWER.name, IDENTITY.name]) expect(text).not.toContain(who);
    expect(text).toContain('Sam Okoro');
    const record = await docxText(Buffer.from(final.signoff.base64, 'base64'));
    for (const who of [APPROVER.name, REVIEWER.name, IDENTITY.name]) expect(record).toContain(who);
    // lk27-001 holds a PROTECTED note: the record that cites it is marked so.
    expect(final.signoff.marking).toBe('PROTECTED');
    expect(record).toContain('PROTÉGÉ');
    expect(await auditActions(`draft:${d.id}`)).toEqual([
      'draft.created',
      'draft.exported',
      'draft.reviewed',
      'draft.exported',
      'draft.approved',
      'draft.exported',
    ]);
  });

  it('refuses nothing but reports the error-level checks', async () => {
    await app.call('profile:set', { profile: EMPTY_PROFILE });
    const d = await newDraft();
    const out = await app.call<DraftExport>('drafting:export', { draftId: d.id });
    expect(out.markedDraft).toBe(true);
    expect(out.report.errors).toBeGreaterThan(0);
    expect(out.report.checks.filter((c) => c.severity === 'error').map((c) => c.id)).toContain('placeholder');
    expect(Buffer.from(out.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const exported = (await app.call<AuditPage>('audit:list', { subject: `draft:${d.id}` })).entries[0]!;
    expect(exported.action).toBe('draft.exported');
    expect((exported.details as { errors: string[] }).errors).toContain('placeholder');
  });

  it('exports a classified briefing note marked for internal use only, even approved', async () => {
    const d = await newDraft('briefing-note');
    await app.call('drafting:review', { draftId: d.id, expectedVersion: 1, signer: REVIEWER });
    await app.call('drafting:approve', { draftId: d.id, expectedVersion: 1, signer: APPROVER });
    const out = await app.call<DraftExport>('drafting:export', { draftId: d.id });
    const parts = await readDocx(Buffer.from(out.base64, 'base64'));
    const detail = await app.call<{ threat: { classifiedNotes: { classification: string }[] } }>(
      'threats:get',
      { id: 'lk27-001' },
    );
    expect(parts.headers.join(' ')).toContain(
      `${detail.threat.classifiedNotes[0]!.classification} — INTERNAL`,
    );
    expect(parts.headers.join(' ')).toContain('INTERNAL — NOT FOR RELEASE');
  });
});
