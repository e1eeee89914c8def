// The decisions of the drafting workflow, as pure functions: merging edited text into a draft, the approval
// steps (draft → reviewed → approved), what of a plan may be edited, the reading grade per language, the
// exported file's name. The service only loads, calls these, and saves.
import type {
  Check,
  CommunicationPlan,
  Draft,
  DraftLang,
  DraftSection,
  DraftStatus,
  Signoff,
} from '../../shared/domain/drafting';
import type { CheckReport, Readability, SectionEdits, Signer } from '../../shared/domain/drafting-records';
import type { OrganisationProfile } from '../../shared/domain/organisation';
import { AppError, type ErrorText } from '../../shared/errors';
import { NOT_PROSE } from './checks/readability';
import { readingGrade } from './readability/reading-grade';
import { withoutPlaceholders } from './text/placeholders';
import { omit } from '../../shared/collections';

export type SignoffStep = 'reviewed' | 'approved';

/** The draft with edited section text (and title) merged in. Unknown languages or sections are refused. */
export function applySectionEdits(
  draft: Draft,
  edits: SectionEdits,
  title?: Partial<Record<DraftLang, string>>,
): Draft {
  const sections: Draft['sections'] = { ...draft.sections };
  for (const [lang, list] of Object.entries(edits) as [
    DraftLang,
    { id: string; text: string }[] | undefined,
  ][]) {
    if (!list || list.length === 0) continue;
    const current = draft.sections[lang];
    if (!draft.languages.includes(lang) || !current) {
      throw new AppError('invalid-request', { id: 'drafting/draft-not-written', params: { lang } }, [
        { where: `$.sections.${lang}`, message: 'not a language of the draft' },
      ]);
    }
    const byId = new Map(list.map((e) => [e.id, e.text]));
    for (const id of byId.keys()) {
      if (!current.some((s) => s.id === id)) {
        throw new AppError('invalid-request', { id: 'drafting/draft-has-no-section', params: { id, lang } }, [
          { where: `$.sections.${lang}`, message: `no section with id ${id}` },
        ]);
      }
    }
    sections[lang] = current.map((s) => {
      const text = byId.get(s.id);
      return text === undefined ? s : { ...s, text: normalizeNewlines(text) };
    });
  }
  const newTitle: Draft['title'] = { ...draft.title };
  // The headline is the document's title: an edited headline retitles the draft.
  for (const lang of draft.languages) {
    const headline = sections[lang]?.[0];
    if (headline?.kind === 'headline' && headline.text !== draft.sections[lang]?.[0]?.text)
      newTitle[lang] = headline.text.replace(/\s*\n\s*/g, ' ').trim();
  }
  for (const [lang, text] of Object.entries(title ?? {}) as [DraftLang, string | undefined][]) {
    if (text === undefined) continue;
    if (!draft.languages.includes(lang)) {
      throw new AppError('invalid-request', { id: 'drafting/draft-not-written', params: { lang } }, [
        { where: `$.title.${lang}`, message: 'not a language of the draft' },
      ]);
    }
    newTitle[lang] = text;
  }
  return { ...draft, title: newTitle, sections };
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** True when two drafts say the same thing (title and every section's text). */
export function sameText(a: Draft, b: Draft): boolean {
  if (a.languages.join() !== b.languages.join()) return false;
  return a.languages.every((lang) => {
    if ((a.title[lang] ?? '') !== (b.title[lang] ?? '')) return false;
    const sa = a.sections[lang] ?? [];
    const sb = b.sections[lang] ?? [];
    return (
      sa.length === sb.length &&
      sa.every((s, i) => {
        const t = sb[i];
        return (
          t !== undefined && s.id === t.id && s.text === t.text && (s.heading ?? '') === (t.heading ?? '')
        );
      })
    );
  });
}

/** A new version of edited text: back to "draft", signed off as drafted by whoever edited it. */
export function asNewDraftVersion(draft: Draft, drafted: Signoff | undefined): Draft {
  return { ...omit(draft, 'approvals'), status: 'draft', ...(drafted ? { approvals: { drafted } } : {}) };
}

/** Why a step cannot be taken on a draft in this status, or null when it can. A review is a second pair
 *  of eyes before approval when the team wants one; approval is what the four-eyes rule requires. */
export function stepProblem(status: DraftStatus, step: SignoffStep): ErrorText | null {
  if (status === 'approved') return { id: 'drafting/approved-read-only' };
  if (step === 'reviewed' && status !== 'draft') return { id: 'drafting/already-reviewed' };
  return null;
}

/**
 * The four-eyes rule, as accounts: nobody reviews a text they wrote; nobody approves a text they wrote or
 * reviewed. `authors` are the accounts that wrote the versions since the text was last approved.
 */
export function fourEyesProblem(
  draft: Pick<Draft, 'approvals'>,
  step: SignoffStep,
  signer: Pick<Signer, 'accountId' | 'name'>,
  authors: readonly string[],
): ErrorText | null {
  const params = { name: signer.name };
  if (authors.includes(signer.accountId))
    return step === 'reviewed'
      ? { id: 'drafting/author-cannot-review', params }
      : { id: 'drafting/author-cannot-approve', params };
  if (step === 'approved' && draft.approvals?.reviewed?.accountId === signer.accountId)
    return { id: 'drafting/reviewer-cannot-approve', params };
  return null;
}

/** Why the text cannot be signed off because of its checks, or null. Error-level checks block review and approval. */
export function checksProblem(checks: readonly Check[], step: SignoffStep): ErrorText | null {
  const errors = checks.filter((c) => c.severity === 'error');
  if (errors.length === 0) return null;
  const params = { count: errors.length, checks: [...new Set(errors.map((c) => c.id))].join(', ') };
  return {
    id: step === 'approved' ? 'drafting/checks-block-approval' : 'drafting/checks-block-review',
    params,
  };
}

/** The draft signed off for a step (its text unchanged). Throws when the step cannot be taken. */
export function signOff(
  draft: Draft,
  step: SignoffStep,
  signer: Signer,
  authors: readonly string[],
  signoff: Omit<Signoff, 'name' | 'role' | 'accountId'>,
): Draft {
  const problem = stepProblem(draft.status, step);
  if (problem) throw new AppError('conflict', problem);
  const refused = fourEyesProblem(draft, step, signer, authors);
  if (refused) throw new AppError('forbidden', refused);
  const signed: Signoff = { name: signer.name, role: signer.role, accountId: signer.accountId, ...signoff };
  return { ...draft, status: step, approvals: { ...draft.approvals, [step]: signed } };
}

/**
 * A plan as edited, with what comes from the record and the assessment kept from the stored plan: the threats,
 * the "as of", the level, the threat types and audience kinds, the spokesperson and partners (the assessment
 * names them) and whether attribution may be stated (never granted by an edit).
 */
export function mergePlanEdits(stored: CommunicationPlan, edited: CommunicationPlan): CommunicationPlan {
  const trimList = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x !== '');
  return {
    ...stored,
    purpose: edited.purpose,
    purposeReason: edited.purposeReason,
    audience: { ...stored.audience, text: edited.audience.text },
    timing: {
      ...stored.timing,
      urgency: edited.timing.urgency,
      text: edited.timing.text,
      ...(edited.timing.releaseBy ? { releaseBy: edited.timing.releaseBy } : { releaseBy: undefined }),
    },
    where: {
      ...stored.where,
      channels: trimList(edited.where.channels),
      regions: trimList(edited.where.regions),
      languages: edited.where.languages,
    },
    protectionMeasures: {
      en: trimList(edited.protectionMeasures.en),
      fr: trimList(edited.protectionMeasures.fr),
    },
    reliableSources: { en: trimList(edited.reliableSources.en), fr: trimList(edited.reliableSources.fr) },
    mediaContact: edited.mediaContact,
  };
}

/** The sections a plan's edits flow into: what is being done, where to find reliable information, the media contact. */
export const PLAN_SECTION_KINDS: ReadonlySet<DraftSection['kind']> = new Set([
  'protection',
  'reliable-sources',
  'media-contact',
]);

/** The current draft with its plan-driven sections rewritten from a draft rendered from the new plan. */
export function applyPlanSections(current: Draft, rerendered: Draft): Draft {
  const sections: Draft['sections'] = {};
  for (const lang of current.languages) {
    const fresh = new Map((rerendered.sections[lang] ?? []).map((s) => [s.id, s]));
    sections[lang] = (current.sections[lang] ?? []).map((s) => {
      const f = PLAN_SECTION_KINDS.has(s.kind) ? fresh.get(s.id) : undefined;
      return f ? { ...s, text: f.text } : s;
    });
  }
  return { ...current, sections };
}

/** Reading grade per language of the prose (headings, contacts and lists left out), against the target. */
export function readabilityOf(draft: Draft, target: number): Readability {
  const byLanguage: Readability['byLanguage'] = {};
  for (const lang of draft.languages) {
    const prose = (draft.sections[lang] ?? [])
      .filter((s) => !NOT_PROSE.has(s.kind))
      .map((s) => withoutPlaceholders(s.text))
      .filter((t) => t !== '')
      .join('\n\n');
    byLanguage[lang] = readingGrade(prose, lang);
  }
  const grades = Object.values(byLanguage) as number[];
  return { target, grade: grades.length ? Math.max(...grades) : 0, byLanguage };
}

export function checkReport(checks: Check[], readability: Readability): CheckReport {
  const errors = checks.filter((c) => c.severity === 'error').length;
  return { checks, readability, errors, warnings: checks.length - errors };
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The release file's name: the organisation, the kind of text, the date, the languages when not all of the
 * draft's, and DRAFT while not approved ("elections-lakeshore-public-statement-2027-05-12-DRAFT.docx"). It
 * leaves the organisation, so it carries no internal id.
 */
export function releaseFileName(
  draft: Pick<Draft, 'template' | 'languages'>,
  opts: {
    organisation: Pick<OrganisationProfile, 'name'>;
    date: string;
    languages: readonly DraftLang[];
    markedDraft: boolean;
  },
): string {
  const org = slug(opts.organisation.name[opts.languages[0] ?? 'en'] || opts.organisation.name.en);
  const langs = opts.languages.length === draft.languages.length ? '' : `-${opts.languages.join('-')}`;
  const base = `${org ? `${org}-` : ''}${draft.template}-${opts.date}${langs}${opts.markedDraft ? '-DRAFT' : ''}`;
  return `${base.slice(0, 150)}.docx`;
}

/** The internal sign-off record's name: "signoff-D-20270512-a1b2c3-v3.docx". */
export function signoffFileName(draftId: string, version: number): string {
  return `signoff-${draftId.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120)}-v${version}.docx`;
}
