// The drafting workflow's decisions as pure functions: merging edited text, the approval steps, what of a plan
// may be edited, the plan-driven sections, the reading grade per language, the exported file's name.
import { describe, expect, it } from 'vitest';
import { renderDraft } from '../../../src/main/drafting';
import {
  applyPlanSections,
  applySectionEdits,
  asNewDraftVersion,
  checksProblem,
  mergePlanEdits,
  readabilityOf,
  releaseFileName,
  sameText,
  signOff,
  signoffFileName,
  stepProblem,
} from '../../../src/main/drafting/workflow';
import type { Check } from '../../../src/shared/domain/drafting';
import { assessment, election, planFor, threat } from './fixtures';

const draft = () =>
  renderDraft('public-statement', {
    threats: [threat()],
    election,
    assessment: assessment(),
    plan: planFor(),
  });
const signer = { name: 'Li Wei', role: 'Legal counsel' };

describe('drafting workflow', () => {
  it('merges edited sections by id and refuses sections or languages the draft does not have', () => {
    const d = draft();
    const edited = applySectionEdits(d, { fr: [{ id: 'fact', text: 'Nouveau\r\ntexte' }] });
    expect(edited.sections.fr!.find((s) => s.id === 'fact')!.text).toBe('Nouveau\ntexte');
    expect(edited.sections.en).toEqual(d.sections.en);
    expect(sameText(edited, d)).toBe(false);
    expect(sameText(applySectionEdits(d, {}), d)).toBe(true);
    // The headline is the title.
    expect(
      applySectionEdits(d, { en: [{ id: 'headline', text: 'Your mail-in\nballot counts' }] }).title.en,
    ).toBe('Your mail-in ballot counts');
    expect(() => applySectionEdits(d, { en: [{ id: 'nope', text: 'x' }] })).toThrow(/no section "nope"/);
    const enOnly = { ...d, languages: ['en' as const], sections: { en: d.sections.en } };
    expect(() => applySectionEdits(enOnly, { fr: [{ id: 'fact', text: 'x' }] })).toThrow(
      /not written in "fr"/,
    );
  });

  it('goes draft → reviewed → approved, in that order only, and an approved text is final', () => {
    expect(stepProblem('draft', 'reviewed')).toBeNull();
    expect(stepProblem('draft', 'approved')).toMatch(/reviewed before/);
    expect(stepProblem('reviewed', 'approved')).toBeNull();
    expect(stepProblem('reviewed', 'reviewed')).toMatch(/already been reviewed/);
    expect(stepProblem('approved', 'approved')).toMatch(/read-only/);
    expect(stepProblem('approved', 'reviewed')).toMatch(/read-only/);
    const reviewed = signOff(draft(), 'reviewed', { name: ' Li Wei ', role: 'Legal counsel' }, '2027-05-12');
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.approvals?.reviewed).toEqual({ ...signer, date: '2027-05-12' });
    expect(() => signOff(reviewed, 'reviewed', signer, '2027-05-12')).toThrow();
    const approved = signOff(reviewed, 'approved', { name: 'Marie Gagnon', role: 'CEO' }, '2027-05-13');
    expect(approved.approvals).toMatchObject({
      reviewed: { name: 'Li Wei' },
      approved: { name: 'Marie Gagnon', date: '2027-05-13' },
    });
    // Edited again, the text is a draft, signed only by whoever edited it.
    const again = asNewDraftVersion(approved, { name: 'Ana', role: 'Comms', date: '2027-05-14' });
    expect(again.status).toBe('draft');
    expect(again.approvals).toEqual({ drafted: { name: 'Ana', role: 'Comms', date: '2027-05-14' } });
    expect(asNewDraftVersion(approved, undefined).approvals).toBeUndefined();
  });

  it('blocks sign-off on error-level checks only', () => {
    const check = (severity: Check['severity'], id: Check['id']): Check => ({
      id,
      severity,
      message: { id: 'checks:x' },
      sectionId: null,
      lang: 'en',
      start: 0,
      end: 0,
    });
    expect(checksProblem([check('warning', 'readability')], 'approved')).toBeNull();
    expect(
      checksProblem(
        [check('error', 'partisan-name'), check('error', 'placeholder'), check('error', 'placeholder')],
        'approved',
      ),
    ).toBe(
      '3 checks at error level must be fixed before the text can be approved (partisan-name, placeholder).',
    );
  });

  it('keeps what the record and the assessment decide when a plan is edited', () => {
    const stored = planFor();
    const edited = structuredClone(stored);
    edited.attributionMayBeStated = true;
    edited.level = 'monitor';
    edited.spokesperson = { ...edited.spokesperson, id: 'government' };
    edited.purpose = 'reassure';
    edited.where.channels = [' radio ', ''];
    edited.reliableSources.en = ['Call 311', ' '];
    const merged = mergePlanEdits(stored, edited);
    expect(merged.attributionMayBeStated).toBe(stored.attributionMayBeStated);
    expect(merged.level).toBe(stored.level);
    expect(merged.spokesperson).toEqual(stored.spokesperson);
    expect(merged.purpose).toBe('reassure');
    expect(merged.where.channels).toEqual(['radio']);
    expect(merged.reliableSources.en).toEqual(['Call 311']);
  });

  it('rewrites only the plan-driven sections from a new plan', () => {
    const d = applySectionEdits(draft(), { en: [{ id: 'fact', text: 'An edited fact.' }] });
    const plan = planFor();
    plan.protectionMeasures.en = ['We asked the platforms to act.'];
    const fresh = renderDraft('public-statement', {
      threats: [threat()],
      election,
      assessment: assessment(),
      plan,
    });
    const applied = applyPlanSections(d, fresh);
    expect(applied.sections.en!.find((s) => s.id === 'protection')!.text).toBe(
      'We asked the platforms to act.',
    );
    expect(applied.sections.en!.find((s) => s.id === 'fact')!.text).toBe('An edited fact.');
  });

  it('grades each language’s prose, leaving out headlines, contacts and placeholders', () => {
    const d = draft();
    const r = readabilityOf(d, 8);
    expect(r.target).toBe(8);
    expect(r.byLanguage.en).toBeGreaterThan(0);
    expect(r.byLanguage.fr).toBeGreaterThan(0);
    expect(r.grade).toBe(Math.max(r.byLanguage.en!, r.byLanguage.fr!));
    const noisy = applySectionEdits(d, {
      en: [{ id: 'media-contact', text: 'Extraordinarily incomprehensible institutional communications.' }],
    });
    expect(readabilityOf(noisy, 8).byLanguage.en).toBe(r.byLanguage.en);
  });

  it('names the exported file by template, threats, version, languages and draft status', () => {
    const d = draft();
    const org = { name: { en: 'Élections Lakeshore / Est', fr: '' } };
    const opts = { organisation: org, date: '2027-05-12' };
    // The release names no internal id: the organisation, the kind of text, the date.
    expect(releaseFileName(d, { ...opts, languages: ['en', 'fr'], markedDraft: true })).toBe(
      'elections-lakeshore-est-public-statement-2027-05-12-DRAFT.docx',
    );
    expect(releaseFileName(d, { ...opts, languages: ['fr'], markedDraft: false })).toBe(
      'elections-lakeshore-est-public-statement-2027-05-12-fr.docx',
    );
    expect(signoffFileName('D-20270512-a1b2c3', 3)).toBe('signoff-D-20270512-a1b2c3-v3.docx');
  });
});

describe('four eyes', () => {
  it('refuses an approval by the person who reviewed the text, and accepts a second person', async () => {
    const { signOff } = await import('../../../src/main/drafting/workflow');
    const { AppError } = await import('../../../src/shared/errors');
    const base = {
      status: 'reviewed',
      approvals: { reviewed: { name: 'Ana Ruiz', role: 'Director', date: '2027-05-12' } },
    } as unknown as Parameters<typeof signOff>[0];
    expect(() => signOff(base, 'approved', { name: ' ana ruiz ', role: 'Director' }, '2027-05-12')).toThrow(
      AppError,
    );
    expect(signOff(base, 'approved', { name: 'Sam Okoro', role: 'ADM' }, '2027-05-12').status).toBe(
      'approved',
    );
  });
});
