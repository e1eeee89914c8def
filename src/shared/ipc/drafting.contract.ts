// "What do we say?": communication plans, drafts with versions and approvals, live checks, and the export
// (the release and its sign-off record, two .docx files). The organisation profile is profile.contract.ts.
import { z } from 'zod';
import { CommunicationPlanSchema, DRAFT_LANGS, TEMPLATE_IDS } from '../domain/drafting';
import {
  SectionEditsSchema,
  SignerSchema,
  type CheckReport,
  type DraftExport,
  type DraftSaved,
  type DraftRecord,
  type DraftSummary,
  type DraftVersionSummary,
  type PlanRecord,
  type PlanSummary,
  type PlanVersionSummary,
} from '../domain/drafting-records';
import { DateTimeString, LIMITS } from '../domain/workspace';
import { returns } from './define';

const Id = z.string().min(1).max(LIMITS.id);
const Version = z.number().int().min(1);
const Languages = z
  .array(z.enum(DRAFT_LANGS))
  .min(1)
  .max(DRAFT_LANGS.length)
  .refine((l) => new Set(l).size === l.length, 'lists a language twice');
const Title = z.partialRecord(z.enum(DRAFT_LANGS), z.string().max(LIMITS.title));

/** A draft version's Word document: which version (default the current one), in which languages. */
const DocxRequest = z.strictObject({
  draftId: Id,
  version: Version.optional(),
  languages: Languages.optional(),
  /** The document's date (default today). */
  asOf: DateTimeString.optional(),
});

export const draftingContract = {
  /** Plans and drafts about a threat (plans that include it, and their drafts), or all of them. */
  'drafting:list': {
    request: z.strictObject({ threatId: Id.optional() }),
    response: returns<{ plans: PlanSummary[]; drafts: DraftSummary[] }>(),
  },

  /** Builds a plan from the record and the assessment under the current policy. Several ids need cluster: true. */
  'drafting:createPlan': {
    request: z.strictObject({
      threatIds: z.array(Id).min(1).max(500),
      cluster: z.boolean().default(false),
      /** Default: now. */
      asOf: DateTimeString.optional(),
    }),
    response: returns<PlanRecord>(),
  },
  'drafting:getPlan': {
    request: z.strictObject({ planId: Id, version: Version.optional() }),
    response: returns<PlanRecord>(),
  },
  'drafting:planVersions': {
    request: z.strictObject({ planId: Id }),
    response: returns<PlanVersionSummary[]>(),
  },
  /**
   * Saves the plan as a new version. What comes from the record and the assessment (threats, level, who may be
   * named as the source) is kept from the stored plan. With applyToDraft, the draft's "what is being done",
   * "where to find reliable information" and media contact sections are rewritten from the new plan (a new draft version).
   */
  'drafting:savePlan': {
    request: z.strictObject({
      planId: Id,
      expectedVersion: Version,
      plan: CommunicationPlanSchema,
      note: z.string().max(LIMITS.shortText).optional(),
      applyToDraft: z.strictObject({ draftId: Id, expectedVersion: Version }).optional(),
    }),
    response: returns<{ plan: PlanRecord; draft: DraftRecord | null }>(),
  },

  'drafting:createDraft': {
    request: z.strictObject({
      planId: Id,
      template: z.enum(TEMPLATE_IDS),
      /** Default: the plan's languages (the election's official languages). */
      languages: Languages.optional(),
    }),
    response: returns<DraftRecord>(),
  },
  'drafting:getDraft': {
    request: z.strictObject({ draftId: Id, version: Version.optional() }),
    response: returns<DraftRecord>(),
  },
  'drafting:draftVersions': {
    request: z.strictObject({ draftId: Id }),
    response: returns<DraftVersionSummary[]>(),
  },
  /** Saves edited text as a new draft version (status draft). An approved version is never changed. */
  'drafting:saveDraft': {
    request: z.strictObject({
      draftId: Id,
      expectedVersion: Version,
      sections: SectionEditsSchema,
      title: Title.optional(),
    }),
    response: returns<DraftRecord>(),
  },
  /** Runs the checks on edited text without saving it (offsets are into the text sent). */
  'drafting:check': {
    request: z.strictObject({
      draftId: Id,
      version: Version.optional(),
      sections: SectionEditsSchema.default({}),
      title: Title.optional(),
    }),
    response: returns<CheckReport>(),
  },
  'drafting:review': {
    request: z.strictObject({ draftId: Id, expectedVersion: Version, signer: SignerSchema }),
    response: returns<DraftRecord>(),
  },
  'drafting:approve': {
    request: z.strictObject({ draftId: Id, expectedVersion: Version, signer: SignerSchema }),
    response: returns<DraftRecord>(),
  },
  /** The release and its sign-off record, for a draft version (default the current one), base64, with the checks. */
  'drafting:export': { request: DocxRequest, response: returns<DraftExport>() },
  /** Both documents saved where the user says, written by main itself (desktop app: a save dialog;
   *  browser mode: a download of this run's server). */
  'drafting:saveDocx': {
    request: DocxRequest,
    response: returns<DraftSaved>(),
  },
} as const;
