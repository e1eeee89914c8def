// "Should we speak?": the assessment on screen (a threat or a cluster), its stored history, the policy in
// force and its versions, the live preview of an edited policy, and suggested clusters.
import type { StateCreator } from 'zustand';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type {
  AssessmentRecord,
  AssessmentSummary,
  ClusterSuggestionView,
  DecisionFields,
  PolicyPreview,
  PolicyVersionInfo,
  StoredAssessment,
} from '../../shared/domain/decision';
import type { Policy } from '../../shared/domain/policy';
import type { AppErrorShape } from '../../shared/errors';
import { api, call, ServiceError } from '../api/bridge';
import type { StoreState } from './index';

/** Which threats are on screen, and whether they are assessed as one cluster. */
export interface AssessmentSubject {
  threatIds: string[];
  cluster: boolean;
}

export const subjectKey = (s: AssessmentSubject): string =>
  `${s.cluster ? 'cluster' : 'one'}:${s.threatIds.join(',')}`;

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export interface AssessmentSlice {
  assessmentKey: string | null;
  assessment: AssessmentResult | null;
  assessmentError: string | null;
  /** Stored assessments of the subject (for a cluster: of exactly these threats), newest first. */
  assessmentHistory: AssessmentSummary[] | null;
  assessmentRecord: AssessmentRecord | null;
  loadAssessment(subject: AssessmentSubject): Promise<void>;
  loadAssessmentHistory(subject: AssessmentSubject): Promise<void>;
  /** Stores the assessment (as of the one on screen), with the decision if given, then reloads. */
  saveAssessment(subject: AssessmentSubject, decision?: DecisionFields): Promise<StoredAssessment>;
  openAssessmentRecord(id: number): Promise<void>;
  closeAssessmentRecord(): void;

  policy: Policy | null;
  policyVersions: PolicyVersionInfo[] | null;
  loadPolicy(): Promise<void>;
  /** Saves over `expectedVersion` (default: the version this window loaded). */
  savePolicy(policy: unknown, note: string, expectedVersion?: number): Promise<Policy>;
  policyAtVersion(version: number): Promise<Policy>;

  preview: PolicyPreview | null;
  previewError: AppErrorShape | null;
  previewPending: boolean;
  previewPolicy(policy: unknown): Promise<void>;
  clearPreview(): void;

  suggestions: ClusterSuggestionView[] | null;
  suggestionsError: string | null;
  loadSuggestions(electionId: string, windowDays: number): Promise<void>;
}

let previewSeq = 0;

export const createAssessmentSlice: StateCreator<StoreState, [], [], AssessmentSlice> = (set, get) => ({
  assessmentKey: null,
  assessment: null,
  assessmentError: null,
  assessmentHistory: null,
  assessmentRecord: null,

  async loadAssessment(subject) {
    const key = subjectKey(subject);
    if (get().assessmentKey !== key)
      set({ assessmentKey: key, assessment: null, assessmentHistory: null, assessmentError: null });
    try {
      const result = subject.cluster
        ? await call(api.assessment.assessCluster({ threatIds: subject.threatIds }))
        : await call(api.assessment.assess({ threatId: subject.threatIds[0] ?? '' }));
      if (get().assessmentKey === key) set({ assessment: result, assessmentError: null });
    } catch (err) {
      if (get().assessmentKey === key) set({ assessment: null, assessmentError: (err as Error).message });
    }
    await get().loadAssessmentHistory(subject);
  },

  async loadAssessmentHistory(subject) {
    const key = subjectKey(subject);
    try {
      const all = await call(api.assessment.history({ threatId: subject.threatIds[0] ?? '' }));
      const mine = subject.cluster
        ? all.filter((a) => a.cluster && sameSet(a.threatIds, subject.threatIds))
        : all;
      if (get().assessmentKey === key) set({ assessmentHistory: mine });
    } catch {
      if (get().assessmentKey === key) set({ assessmentHistory: [] });
    }
  },

  async saveAssessment(subject, decision) {
    const asOf = get().assessment?.asOf;
    const stored = await call(
      api.assessment.save({
        threatIds: subject.threatIds,
        cluster: subject.cluster,
        ...(asOf ? { asOf } : {}),
        ...(decision ? { decision } : {}),
      }),
    );
    await get().loadAssessmentHistory(subject);
    return stored;
  },

  async openAssessmentRecord(id) {
    set({ assessmentRecord: await call(api.assessment.get({ id })) });
  },
  closeAssessmentRecord() {
    set({ assessmentRecord: null });
  },

  policy: null,
  policyVersions: null,
  async loadPolicy() {
    const [policy, policyVersions] = await Promise.all([
      call(api.policy.get({})),
      call(api.policy.versions({})),
    ]);
    set({ policy, policyVersions });
  },
  async savePolicy(policy, note, over) {
    // The version this window loaded: a save over someone else's newer policy is refused as a conflict.
    const expectedVersion = over ?? get().policy?.version;
    const saved = await call(
      api.policy.save({
        policy,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(expectedVersion ? { expectedVersion } : {}),
      }),
    );
    await get().loadPolicy();
    set({ preview: null, previewError: null });
    return saved;
  },
  async policyAtVersion(version) {
    return call(api.policy.get({ version }));
  },

  preview: null,
  previewError: null,
  previewPending: false,
  async previewPolicy(policy) {
    const seq = ++previewSeq;
    set({ previewPending: true });
    try {
      const preview = await call(api.policy.preview({ policy }));
      if (seq === previewSeq) set({ preview, previewError: null, previewPending: false });
    } catch (err) {
      if (seq !== previewSeq) return;
      const shape: AppErrorShape =
        err instanceof ServiceError
          ? err.shape
          : { code: 'internal', messageId: 'code/internal', message: (err as Error).message };
      set({ preview: null, previewError: shape, previewPending: false });
    }
  },
  clearPreview() {
    previewSeq++;
    set({ preview: null, previewError: null, previewPending: false });
  },

  suggestions: null,
  suggestionsError: null,
  async loadSuggestions(electionId, windowDays) {
    try {
      set({
        suggestions: await call(api.assessment.suggestClusters({ electionId, windowDays })),
        suggestionsError: null,
      });
    } catch (err) {
      set({ suggestions: null, suggestionsError: (err as Error).message });
    }
  },
});
