// "What do we say?": the drafts about a threat, and the draft open in the editor
// (its plan and versions). Text being edited stays in the editor until it is saved.
import type { StateCreator } from 'zustand';
import type { CommunicationPlan, DraftLang, TemplateId } from '../../shared/domain/drafting';
import type {
  DraftSaved,
  DraftRecord,
  DraftSummary,
  DraftVersionSummary,
  PlanRecord,
  PlanSummary,
  PlanVersionSummary,
  SectionEdits,
} from '../../shared/domain/drafting-records';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export interface DraftEditorData {
  record: DraftRecord;
  plan: PlanRecord;
  versions: DraftVersionSummary[];
  planVersions: PlanVersionSummary[];
}

export interface DraftingSlice {
  threatDrafts: { threatId: string; plans: PlanSummary[]; drafts: DraftSummary[] } | null;
  allDrafts: DraftSummary[] | null;
  editor: DraftEditorData | null;
  editorError: string | null;
  loadThreatDrafts(threatId: string): Promise<void>;
  loadAllDrafts(): Promise<void>;
  /** A new draft about one threat, from its latest plan (or a new plan built from today's record). */
  createThreatDraft(
    threatId: string,
    template: TemplateId,
    languages: DraftLang[],
    freshPlan?: boolean,
  ): Promise<DraftRecord>;
  /** A new draft about threats chosen on the Communications screen, from a new plan (one threat, or
   *  several: as one cluster, or each on its own). */
  createDraftAbout(
    threatIds: string[],
    cluster: boolean,
    template: TemplateId,
    languages: DraftLang[],
  ): Promise<DraftRecord>;
  openDraft(draftId: string, version?: number): Promise<void>;
  /** Refetches the draft version on screen (a live update), unless the person has since opened another
   *  version or draft: what they chose to look at always wins over a refresh. */
  refreshOpenDraft(): Promise<void>;
  closeDraft(): void;
  /** Saves the edits over `expectedVersion` (default: the version open in the editor). */
  saveDraftText(sections: SectionEdits, expectedVersion?: number): Promise<DraftRecord>;
  signDraft(step: 'review' | 'approve', passphrase?: string): Promise<DraftRecord>;
  saveDraftPlan(plan: CommunicationPlan, note?: string): Promise<void>;
  viewPlanVersion(version: number): Promise<void>;
  /** Saves the open version's Word document where the user says (main writes it, or the browser downloads it). */
  saveDraftDocx(languages?: DraftLang[]): Promise<DraftSaved>;
}

export const createDraftingSlice: StateCreator<StoreState, [], [], DraftingSlice> = (set, get) => {
  // Each editor request a person makes takes a number; a slower, older answer never replaces a newer one.
  let editorRequest = 0;
  async function reloadEditor(record: DraftRecord, request = ++editorRequest, stillWanted = () => true) {
    const [plan, versions, planVersions] = await Promise.all([
      // The plan as it is now; the record says which version its text was written from.
      call(api.drafting.getPlan({ planId: record.planId })),
      call(api.drafting.draftVersions({ draftId: record.id })),
      call(api.drafting.planVersions({ planId: record.planId })),
    ]);
    if (request !== editorRequest || !stillWanted()) return;
    set({ editor: { record, plan, versions, planVersions }, editorError: null });
  }
  return {
    threatDrafts: null,
    allDrafts: null,
    editor: null,
    editorError: null,
    async loadThreatDrafts(threatId) {
      const { plans, drafts } = await call(api.drafting.list({ threatId }));
      set({ threatDrafts: { threatId, plans, drafts } });
    },
    async loadAllDrafts() {
      set({ allDrafts: (await call(api.drafting.list({}))).drafts });
    },
    async createThreatDraft(threatId, template, languages, freshPlan = false) {
      const { plans } = await call(api.drafting.list({ threatId }));
      const own = freshPlan
        ? undefined
        : plans.find((p) => !p.cluster && p.threatIds.length === 1 && p.threatIds[0] === threatId);
      const planId = own?.id ?? (await call(api.drafting.createPlan({ threatIds: [threatId] }))).id;
      const record = await call(api.drafting.createDraft({ planId, template, languages }));
      await get().loadThreatDrafts(threatId);
      return record;
    },
    async createDraftAbout(threatIds, cluster, template, languages) {
      const plan = await call(api.drafting.createPlan({ threatIds, cluster }));
      const record = await call(api.drafting.createDraft({ planId: plan.id, template, languages }));
      await get().loadAllDrafts();
      return record;
    },
    async openDraft(draftId, version) {
      const request = ++editorRequest;
      try {
        await reloadEditor(await call(api.drafting.getDraft({ draftId, version })), request);
      } catch (err) {
        if (request === editorRequest) set({ editor: null, editorError: (err as Error).message });
      }
    },
    async refreshOpenDraft() {
      const shown = get().editor?.record;
      if (!shown) return;
      const request = editorRequest;
      const stillWanted = () => get().editor?.record === shown;
      const record = await call(api.drafting.getDraft({ draftId: shown.id }));
      if (request === editorRequest && stillWanted()) await reloadEditor(record, request, stillWanted);
    },
    closeDraft() {
      set({ editor: null, editorError: null });
    },
    async saveDraftText(sections, over) {
      const editor = get().editor;
      if (!editor) throw new Error('No draft is open.');
      const record = await call(
        api.drafting.saveDraft({
          draftId: editor.record.id,
          expectedVersion: over ?? editor.record.currentVersion,
          sections,
        }),
      );
      await reloadEditor(record);
      return record;
    },
    async signDraft(step, passphrase) {
      const editor = get().editor;
      if (!editor) throw new Error('No draft is open.');
      const request = { draftId: editor.record.id, expectedVersion: editor.record.currentVersion };
      const record = await call(
        step === 'review'
          ? api.drafting.review(request)
          : api.drafting.approve({ ...request, passphrase: passphrase ?? '' }),
      );
      await reloadEditor(record);
      return record;
    },
    async saveDraftPlan(plan, note) {
      const editor = get().editor;
      if (!editor) throw new Error('No draft is open.');
      const result = await call(
        api.drafting.savePlan({
          planId: editor.plan.id,
          expectedVersion: editor.plan.currentVersion,
          plan,
          ...(note ? { note } : {}),
          applyToDraft: { draftId: editor.record.id, expectedVersion: editor.record.currentVersion },
        }),
      );
      await reloadEditor(result.draft ?? editor.record);
    },
    async viewPlanVersion(version) {
      const editor = get().editor;
      if (!editor) return;
      const plan = await call(api.drafting.getPlan({ planId: editor.plan.id, version }));
      set({ editor: { ...editor, plan } });
    },
    async saveDraftDocx(languages) {
      const editor = get().editor;
      if (!editor) throw new Error('No draft is open.');
      return call(
        api.drafting.saveDocx({
          draftId: editor.record.id,
          version: editor.record.version,
          ...(languages ? { languages } : {}),
        }),
      );
    },
  };
};
