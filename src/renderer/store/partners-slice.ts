// The partner directory: the organisations, the pre-election readiness gaps, and the actions on them.
import type { StateCreator } from 'zustand';
import type {
  ContactChannel,
  Partner,
  PartnerDetail,
  PartnerSettings,
  PartnerVersion,
  ReadinessReport,
} from '../../shared/domain/partners';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export interface PartnersSlice {
  partners: PartnerDetail[] | null;
  deletedPartners: PartnerDetail[] | null;
  readiness: ReadinessReport | null;
  partnerSettings: PartnerSettings | null;
  partnersError: string | null;
  loadPartners(): Promise<void>;
  loadReadiness(): Promise<void>;
  loadDeletedPartners(): Promise<void>;
  savePartner(partner: Record<string, unknown>, expectedVersion?: number): Promise<PartnerDetail>;
  deletePartner(id: string): Promise<void>;
  undeletePartner(id: string): Promise<void>;
  restorePartnerVersion(id: string, version: number): Promise<PartnerDetail>;
  partnerHistory(id: string): Promise<PartnerVersion[]>;
  recordContact(input: {
    id: string;
    date: string;
    by?: string;
    channel?: ContactChannel;
    note?: string;
  }): Promise<PartnerDetail>;
  saveStaleDays(days: number): Promise<void>;
}

export const createPartnersSlice: StateCreator<StoreState, [], [], PartnersSlice> = (set, get) => {
  async function refresh(): Promise<void> {
    await Promise.all([
      get().loadPartners(),
      get().deletedPartners ? get().loadDeletedPartners() : Promise.resolve(),
    ]);
  }
  return {
    partners: null,
    deletedPartners: null,
    readiness: null,
    partnerSettings: null,
    partnersError: null,
    async loadPartners() {
      try {
        const [partners, partnerSettings] = await Promise.all([
          call(api.partners.list({})),
          call(api.partners.settings({})),
        ]);
        set({ partners, partnerSettings, partnersError: null });
        await get().loadReadiness();
      } catch (err) {
        set({ partnersError: (err as Error).message });
      }
    },
    async loadReadiness() {
      const electionId = get().electionId || undefined;
      set({ readiness: await call(api.partners.readiness({ electionId })) });
    },
    async loadDeletedPartners() {
      set({ deletedPartners: await call(api.partners.list({ deleted: true })) });
    },
    async savePartner(partner, expectedVersion) {
      const detail =
        expectedVersion === undefined
          ? await call(api.partners.create({ partner: partner as Partner }))
          : await call(api.partners.update({ partner: partner as Partner, expectedVersion }));
      await refresh();
      return detail;
    },
    async deletePartner(id) {
      const detail = await call(api.partners.delete({ id }));
      await refresh();
      get().pushToast({
        message: { key: 'partners:toast.deleted', values: { name: detail.partner.name } },
        action: { label: { key: 'common:undo' }, run: () => get().undeletePartner(id) },
      });
    },
    async undeletePartner(id) {
      const detail = await call(api.partners.undelete({ id }));
      await refresh();
      get().pushToast({ message: { key: 'partners:toast.restored', values: { name: detail.partner.name } } });
    },
    async restorePartnerVersion(id, version) {
      const detail = await call(api.partners.restoreVersion({ id, version }));
      await refresh();
      return detail;
    },
    async partnerHistory(id) {
      return call(api.partners.history({ id }));
    },
    async recordContact(input) {
      const detail = await call(api.partners.recordContact(input));
      await refresh();
      get().pushToast({
        message: { key: 'partners:toast.contacted', values: { name: detail.partner.name } },
      });
      return detail;
    },
    async saveStaleDays(staleDays) {
      set({ partnerSettings: await call(api.partners.saveSettings({ staleDays })) });
      await get().loadReadiness();
    },
  };
};
