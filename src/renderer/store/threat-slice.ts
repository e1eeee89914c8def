// One threat at a time: its detail, its history, and the actions on it.
import type { StateCreator } from 'zustand';
import type { ThreatDetail, ThreatVersion } from '../../shared/domain/threat-log';
import type { Threat } from '../../shared/domain/workspace';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export interface ThreatSlice {
  detail: ThreatDetail | null;
  detailError: string | null;
  history: ThreatVersion[] | null;
  loadDetail(id: string): Promise<void>;
  loadHistory(id: string): Promise<void>;
  /** Refetches the open threat in place (a live update): its history too, if it is shown. */
  refreshDetail(id: string): Promise<void>;
  createThreat(threat: Omit<Threat, 'id'> & { id?: string | undefined }): Promise<ThreatDetail>;
  updateThreat(threat: Threat, expectedVersion: number): Promise<ThreatDetail>;
  deleteThreat(id: string): Promise<void>;
  undeleteThreat(id: string): Promise<void>;
  restoreVersion(id: string, version: number): Promise<void>;
}

export const createThreatSlice: StateCreator<StoreState, [], [], ThreatSlice> = (set, get) => {
  async function afterChange(detail: ThreatDetail): Promise<void> {
    set({ detail, history: null });
    await Promise.all([get().refreshLog(), get().loadInfo()]);
  }
  return {
    detail: null,
    detailError: null,
    history: null,
    async loadDetail(id) {
      try {
        set({ detail: await call(api.threats.get({ id })), detailError: null, history: null });
      } catch (err) {
        set({ detail: null, detailError: (err as Error).message });
      }
    },
    async loadHistory(id) {
      set({ history: await call(api.threats.history({ id })) });
    },
    async refreshDetail(id) {
      const [detail, history] = await Promise.all([
        call(api.threats.get({ id })),
        get().history ? call(api.threats.history({ id })) : Promise.resolve(null),
      ]);
      // Another threat may have been opened meanwhile.
      if (get().detail?.threat.id !== id) return;
      set(history ? { detail, history } : { detail });
    },
    async createThreat(threat) {
      const detail = await call(api.threats.create({ threat: threat as Threat }));
      await afterChange(detail);
      return detail;
    },
    async updateThreat(threat, expectedVersion) {
      const detail = await call(api.threats.update({ threat, expectedVersion }));
      await afterChange(detail);
      return detail;
    },
    async deleteThreat(id) {
      const detail = await call(api.threats.delete({ id }));
      await afterChange(detail);
      get().pushToast({
        message: { key: 'log:toast.deleted', values: { title: detail.threat.title } },
        action: { label: { key: 'common:undo' }, run: () => get().undeleteThreat(id) },
      });
    },
    async undeleteThreat(id) {
      const detail = await call(api.threats.undelete({ id }));
      await afterChange(detail);
      get().pushToast({ message: { key: 'log:toast.restored', values: { title: detail.threat.title } } });
    },
    async restoreVersion(id, version) {
      const detail = await call(api.threats.restoreVersion({ id, version }));
      await afterChange(detail);
      await get().loadHistory(id);
      get().pushToast({ message: { key: 'log:toast.versionRestored', values: { version } } });
    },
  };
};
