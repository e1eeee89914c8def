// The dashboard's series for the chosen election and range, fetched in one call.
import type { StateCreator } from 'zustand';
import type { BucketChoice, DashboardData } from '../../shared/domain/dashboard';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export interface DashboardRange {
  from: string;
  to: string;
  bucket: BucketChoice;
}

export interface DashboardSlice {
  dashboard: DashboardData | null;
  dashboardRange: DashboardRange;
  dashboardError: string | null;
  loadDashboard(): Promise<void>;
  setDashboardRange(patch: Partial<DashboardRange>): void;
  /** Opens the log filtered to the threats behind a number (the election and the range stay). */
  openLogFiltered(patch: Partial<ThreatFilter>): void;
}

let generation = 0;

export const createDashboardSlice: StateCreator<StoreState, [], [], DashboardSlice> = (set, get) => ({
  dashboard: null,
  dashboardRange: { from: '', to: '', bucket: 'auto' },
  dashboardError: null,
  async loadDashboard() {
    const mine = ++generation;
    const { electionId, dashboardRange: r } = get();
    try {
      const data = await call(
        api.dashboard.series({
          electionId: electionId || undefined,
          from: r.from || undefined,
          to: r.to || undefined,
          bucket: r.bucket,
        }),
      );
      if (mine === generation) set({ dashboard: data, dashboardError: null });
    } catch (err) {
      if (mine === generation) set({ dashboardError: (err as Error).message });
    }
  },
  setDashboardRange(patch) {
    set({ dashboardRange: { ...get().dashboardRange, ...patch } });
    void get().loadDashboard();
  },
  openLogFiltered(patch) {
    const { filter, electionId } = get();
    const cleared = Object.fromEntries(
      Object.keys(filter).map((k) => [k, undefined]),
    ) as Partial<ThreatFilter>;
    get().setFilter({ ...cleared, electionId: electionId || undefined, ...patch });
    get().navigate({ screen: 'log' });
  },
});
