// The drafting workflow's decisions as pure functions: merging edited text, the approval steps, what of a plan
// may be edited, the plan-driven sections, the reading grade per language, the exported file's name.
import { describe, expect, it } from 'vitest';
import { renderDraft } from '../../../src/main/drafting';
import {
  applyPlanSections,
  applySectionEdits,
  asNewDraftVersion,
  checksProblem,
  fourEyesProblem,
  mergePlanEdits,
  readabilityOf,
  releaseFileName,
  sameText,
  signOff,
  signoffFileName,
  stepProblem,
} from '../../../src/main/drafting/workflow';
import type { Check } from '../../../src/shared/domain/drafting';
import { englishErrorText } from '../../../src/shared/i18n/error-text';
import { AppError, type ErrorText } from '../../../src/shared/errors';
import { assessment, election, planFor, threat } from './fixtures';

/** A refusal's sentence in English, or null when there is none. */
const said = (text: ErrorText | null) => (text ? englishErrorText(text.id, text.params) : null);

const draft = () =>
  renderDraft('public-statement', {
    threats: [threat()],
    election,
    assessment: assessment(),
    plan: planFor(),
  });
const li = { accountId: 'acct-00000000000000a1', name: 'Li Wei', role: 'reviewer' };
const marie = { accountId: 'acct-00000000000000a2', name: 'Marie Gagnon', role: 'approver' };
const ana = 'acct-00000000000000a3';
const at = (date: string) => ({ date, at: `${date}T12:00:00.000Z` });

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

  it('goes draft → (reviewed →) approved, and an approved text is final', () => {
    expect(said(stepProblem('draft', 'reviewed'))).toBeNull();
    // A review is optional; the four-eyes rule is the approver being someone else.
    expect(said(stepProblem('draft', 'approved'))).toBeNull();
    expect(said(stepProblem('reviewed', 'approved'))).toBeNull();
    expect(said(stepProblem('reviewed', 'reviewed'))).toMatch(/already been reviewed/);
    expect(said(stepProblem('approved', 'approved'))).toMatch(/read-only/);
    expect(said(stepProblem('approved', 'reviewed'))).toMatch(/read-only/);
    const reviewed = signOff(draft(), 'reviewed', li, [ana], at('2027-05-12'));
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.approvals?.reviewed).toEqual({ ...li, ...at('2027-05-12') });
    expect(() => signOff(reviewed, 'reviewed', li, [ana], at('2027-05-12'))).toThrow();
    const approved = signOff(reviewed, 'approved', marie, [ana], at('2027-05-13'));
    expect(approved.approvals).toMatchObject({
      reviewed: { name: 'Li Wei' },
      approved: { name: 'Marie Gagnon', date: '2027-05-13', accountId: marie.accountId },
    });
    // Edited again, the text is a draft, signed only by whoever edited it.
    const again = asNewDraftVersion(approved, {
      name: 'Ana',
      role: 'Comms',
      date: '2027-05-14',
      accountId: ana,
    });
    expect(again.status).toBe('draft');
    expect(again.approvals).toEqual({
      drafted: { name: 'Ana', role: 'Comms', date: '2027-05-14', accountId: ana },
    });
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
    expect(said(checksProblem([check('warning', 'readability')], 'approved'))).toBeNull();
    expect(
      said(
        checksProblem(
          [check('error', 'partisan-name'), check('error', 'placeholder'), check('error', 'placeholder')],
          'approved',
        ),
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

describe('four eyes, as accounts', () => {
  it('refuses a review by an author, an approval by an author or by the reviewer, and accepts someone else', () => {
    const base = {
      status: 'reviewed',
      approvals: { reviewed: { ...li, ...at('2027-05-12') } },
    } as unknown as Parameters<typeof signOff>[0];
    // Names do not matter: the same account under another spelling is still the reviewer.
    expect(
      said(fourEyesProblem(base, 'approved', { accountId: li.accountId, name: 'LI WEI' }, [ana])),
    ).toMatch(/reviewed this text/);
    expect(() => signOff(base, 'approved', { ...li, role: 'approver' }, [ana], at('2027-05-12'))).toThrow(
      AppError,
    );
    expect(said(fourEyesProblem(base, 'approved', { accountId: ana, name: 'Ana' }, [ana]))).toMatch(
      /wrote this text.*cannot approve/,
    );
    const fresh = { status: 'draft' } as unknown as Parameters<typeof signOff>[0];
    expect(said(fourEyesProblem(fresh, 'reviewed', { accountId: ana, name: 'Ana' }, [ana]))).toMatch(
      /wrote this text.*cannot review/,
    );
    // Another person, with the same name as the reviewer, is another account.
    const other = { accountId: 'acct-00000000000000b9', name: 'Li Wei', role: 'approver' };
    expect(signOff(base, 'approved', other, [ana], at('2027-05-12')).status).toBe('approved');
    expect(signOff(base, 'approved', marie, [ana], at('2027-05-12')).status).toBe('approved');
  });
});
