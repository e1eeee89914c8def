// What the drafting service keeps and answers: saved plans and drafts with their versions, status and
// approvals, the checks and reading grades of a text, and the files of an export. (The organisation profile
// the templates need is in ./organisation.ts.)
// Read by the IPC contract, the CLI and the renderer; no Node, no DOM.
import { z } from 'zod';
import type { AssessmentResult } from './assessment';
import type { Level } from './enums';
import {
  DRAFT_LANGS,
  type Check,
  type CommunicationPlan,
  type Draft,
  type DraftLang,
  type DraftStatus,
  type Marking,
  type Signoff,
  type TemplateId,
} from './drafting';
import { LIMITS } from './workspace';
import type { SavedFile } from './files';

/** Reading grade per language of a draft's prose, against the plain-language target. */
export interface Readability {
  target: number;
  /** The hardest language's grade (the one to bring down). */
  grade: number;
  byLanguage: Partial<Record<DraftLang, number>>;
}

export interface CheckReport {
  checks: Check[];
  readability: Readability;
  errors: number;
  warnings: number;
}

export interface PlanVersionSummary {
  version: number;
  savedAt: string;
  savedBy: string | null;
  savedRole: string | null;
  change: string;
}

export interface PlanRecord {
  id: string;
  electionId: string | null;
  cluster: boolean;
  threatIds: string[];
  /** The version shown (the current one unless an older one was asked for). */
  version: number;
  currentVersion: number;
  plan: CommunicationPlan;
  /** The assessment the plan was built from (level, score, spokesperson, partners, explanation). */
  assessment: AssessmentResult;
  savedAt: string;
  savedBy: string | null;
  createdAt: string;
}

export interface PlanSummary {
  id: string;
  cluster: boolean;
  threatIds: string[];
  version: number;
  level: Level;
  asOf: string;
  updatedAt: string;
}

export interface DraftVersionSummary {
  version: number;
  planVersion: number;
  status: DraftStatus;
  savedAt: string;
  savedBy: string | null;
  savedRole: string | null;
  change: string;
  approvals: NonNullable<Draft['approvals']>;
}

export interface DraftRecord {
  id: string;
  planId: string;
  /** The plan version this draft version was written from. */
  planVersion: number;
  template: TemplateId;
  /** The version shown (the current one unless an older one was asked for). */
  version: number;
  currentVersion: number;
  /** True for an approved version or an older one: read-only, editing makes a new version. */
  readOnly: boolean;
  draft: Draft;
  report: CheckReport;
  savedAt: string;
  savedBy: string | null;
  createdAt: string;
}

export interface DraftSummary {
  id: string;
  planId: string;
  template: TemplateId;
  threatIds: string[];
  languages: DraftLang[];
  title: string;
  version: number;
  status: DraftStatus;
  updatedAt: string;
  updatedBy: string | null;
  /** The latest approved version, if any (it stays releasable while a newer draft is written). */
  approvedVersion: number | null;
}

export interface DraftExport {
  /** The release file: the text as it leaves the organisation. */
  fileName: string;
  /** The .docx, base64-encoded. */
  base64: string;
  version: number;
  status: DraftStatus;
  /** True when the document carries "DRAFT — NOT FOR RELEASE". */
  markedDraft: boolean;
  report: CheckReport;
  /** The internal sign-off record (who drafted, reviewed and approved), a separate file. */
  signoff: { fileName: string; base64: string; marking: Marking };
}

/** A draft's Word document saved where the user said (or offered as a download), straight from main. */
/** What saving an export did with each of its two files (the release, then the sign-off record). */
export type DraftSaved = Omit<DraftExport, 'base64' | 'signoff'> &
  SavedFile & { signoff: Omit<DraftExport['signoff'], 'base64'> & SavedFile };

/** Edited text of a draft: per language, the sections' new text by section id (others unchanged). */
export const SectionEditsSchema = z.partialRecord(
  z.enum(DRAFT_LANGS),
  z
    .array(z.strictObject({ id: z.string().min(1).max(LIMITS.id), text: z.string().max(LIMITS.text) }))
    .max(LIMITS.listItems),
);
export type SectionEdits = z.infer<typeof SectionEditsSchema>;

export const SignerSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the name of the person').max(LIMITS.name),
  role: z.string().trim().min(1, 'Enter their role').max(LIMITS.name),
});
export type Signer = z.infer<typeof SignerSchema>;

export type { Signoff };
