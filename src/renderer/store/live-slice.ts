// Live updates in this window: when anyone changes the log, a decision, a draft or the policy (here, in
// another window, or in another program), what this window shows is refetched within a moment, without
// a reload. What a person is editing is never replaced: a form with unsaved edits says so (the app's
// unsaved list, which also guards leaving it),
// its data is left alone, and its save meets the conflict path instead (the service refuses a stale
// version, and the conflict dialog shows both).
import type { StateCreator } from 'zustand';
import { LIVE_TOPICS, type LiveNotice, type LiveTopic } from '../../shared/domain/live';
import { onLiveUpdate } from '../api/bridge';
import type { AssessmentSubject } from './assessment-slice';
import type { StoreState } from './index';

/** The editors whose data a live update leaves alone while they hold unsaved edits (useUnsavedGuard owners). */
const EDITORS = { policy: 'policy-editor', draft: 'draft-editor', partner: 'partner-editor' } as const;

export interface LiveSlice {
  /** The database is being restored (by whom): the window says so until it is back. */
  offline: { by: string | null } | null;
  /** The last restore this window saw, to tell the person (cleared when dismissed). */
  restoredBy: { by: string | null; from: string | null } | null;
  /** A counter per topic, moved on every change: screens with data of their own refetch on it. */
  liveTicks: Record<LiveTopic, number>;
  dismissRestored(): void;
  /** Subscribes to live updates; returns the unsubscribe function. */
  startLive(): () => void;
  /** Refetches what this window shows of these topics (and these ids; none: every one). */
  applyLive(topics: readonly LiveTopic[], ids: readonly string[]): Promise<void>;
}

/** Notices arriving close together (an import announces once, a burst of saves many times) are applied
 *  once, a moment after the last. */
const SETTLE_MS = 120;

/** The subject on the assessment screen, from its key (`one:T-1` or `cluster:T-1,T-2`). */
function subjectOfKey(key: string | null): AssessmentSubject | null {
  const at = key?.indexOf(':') ?? -1;
  if (!key || at < 0) return null;
  const threatIds = key
    .slice(at + 1)
    .split(',')
    .filter(Boolean);
  return threatIds.length ? { cluster: key.slice(0, at) === 'cluster', threatIds } : null;
}

const zeroTicks = () => Object.fromEntries(LIVE_TOPICS.map((t) => [t, 0])) as Record<LiveTopic, number>;

export const createLiveSlice: StateCreator<StoreState, [], [], LiveSlice> = (set, get) => ({
  offline: null,
  restoredBy: null,
  liveTicks: zeroTicks(),
  dismissRestored() {
    set({ restoredBy: null });
  },
  startLive() {
    let topics = new Set<LiveTopic>();
    let ids = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const t = [...topics];
      const i = [...ids];
      topics = new Set();
      ids = new Set();
      void get().applyLive(t, i);
    };
    const queue = (more: readonly LiveTopic[], moreIds: readonly string[]) => {
      for (const t of more) topics.add(t);
      // No ids means "anything may have changed": refetch every one.
      if (moreIds.length === 0) ids.add('*');
      for (const id of moreIds) ids.add(id);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, SETTLE_MS);
    };
    const unsubscribe = onLiveUpdate((notice: LiveNotice) => {
      if (notice.kind === 'offline') set({ offline: { by: notice.by } });
      else if (notice.kind === 'online') {
        set({ offline: null, restoredBy: { by: notice.by, from: notice.from } });
        queue(LIVE_TOPICS, []);
      } else queue(notice.topics, notice.ids);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  },
  async applyLive(topics, ids) {
    const s = get();
    const all = ids.includes('*');
    const affects = (id: string) => all || ids.includes(id);
    const ticks = { ...s.liveTicks };
    for (const t of topics) ticks[t] += 1;
    set({ liveTicks: ticks });
    const work: Promise<unknown>[] = [];
    const editing = (editor: keyof typeof EDITORS) => s.unsaved.includes(EDITORS[editor]);
    const has = (t: LiveTopic) => topics.includes(t);
    if (has('threats')) {
      work.push(s.reloadLog(), s.loadInfo());
      if (s.detail && affects(s.detail.threat.id)) work.push(s.refreshDetail(s.detail.threat.id));
      if (s.threatDrafts && affects(s.threatDrafts.threatId))
        work.push(s.loadThreatDrafts(s.threatDrafts.threatId));
    }
    if (has('elections')) work.push(s.loadElections());
    // "Should we speak?": the recommendation moves with the threats and the policy; decisions join its history.
    const subject = subjectOfKey(s.assessmentKey);
    if (subject) {
      if ((has('threats') && subject.threatIds.some(affects)) || has('policy'))
        work.push(s.loadAssessment(subject));
      else if (has('assessment')) work.push(s.loadAssessmentHistory(subject));
    }
    if (s.dashboard && (has('threats') || has('assessment') || has('outcomes'))) work.push(s.loadDashboard());
    if (has('policy') && s.policy && !editing('policy')) work.push(s.loadPolicy());
    if (has('drafting')) {
      if (s.allDrafts) work.push(s.loadAllDrafts());
      if (s.threatDrafts) work.push(s.loadThreatDrafts(s.threatDrafts.threatId));
      const record = s.editor?.record;
      if (record && record.version === record.currentVersion && !editing('draft') && affects(record.id))
        work.push(s.refreshOpenDraft());
    }
    if (has('partners') && s.partners && !editing('partner')) work.push(s.loadPartners());
    // A refetch that fails (the session ended meanwhile) is the next request's to report.
    await Promise.allSettled(work);
  },
});
