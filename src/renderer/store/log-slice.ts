// The threat log as a window onto the database: blocks of rows fetched as they scroll into
// view, never the whole log. A new filter or sort starts a new generation; late answers to an
// old one are dropped.
import type { StateCreator } from 'zustand';
import type { Facets, SortField, ThreatFilter, ThreatRow } from '../../shared/domain/threat-log';
import { api, call } from '../api/bridge';
import type { StoreState } from './index';

export const BLOCK_SIZE = 100;
const MAX_BLOCKS = 30;

export interface LogSlice {
  filter: ThreatFilter;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  total: number | null;
  blocks: Record<number, ThreatRow[]>;
  generation: number;
  facets: Facets | null;
  logError: string | null;
  selectedId: string | null;
  setFilter(patch: Partial<ThreatFilter>): void;
  clearFilters(): void;
  setSort(field: SortField): void;
  ensureRows(first: number, last: number): void;
  refreshLog(): Promise<void>;
  /** Refetches the rows on screen in place (a live update): no flash of an empty table, same scroll. */
  reloadLog(): Promise<void>;
  loadFacets(): Promise<void>;
  select(id: string | null): void;
}

const loading = new Set<string>();

export const createLogSlice: StateCreator<StoreState, [], [], LogSlice> = (set, get) => {
  async function fetchBlock(block: number, generation: number): Promise<void> {
    const key = `${generation}:${block}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const { filter, sort } = get();
      const page = await call(
        api.threats.list({ filter, sort, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE }),
      );
      if (get().generation !== generation) return;
      const blocks = { ...get().blocks, [block]: page.rows };
      const keys = Object.keys(blocks).map(Number);
      if (keys.length > MAX_BLOCKS) {
        // Forget the blocks furthest from the one just loaded.
        keys.sort((a, b) => Math.abs(b - block) - Math.abs(a - block));
        for (const k of keys.slice(0, keys.length - MAX_BLOCKS)) delete blocks[k];
      }
      set({ blocks, total: page.total, logError: null });
    } catch (err) {
      if (get().generation === generation) set({ logError: (err as Error).message });
    } finally {
      loading.delete(key);
    }
  }

  function restart(patch: Partial<LogSlice>): void {
    const generation = get().generation + 1;
    set({ ...patch, generation, blocks: {}, total: null } as Partial<StoreState>);
    void fetchBlock(0, generation);
  }

  return {
    filter: { electionId: localStorage.getItem('threshold.election') || undefined },
    sort: { field: 'firstSeen', direction: 'desc' },
    total: null,
    blocks: {},
    generation: 0,
    facets: null,
    logError: null,
    selectedId: null,
    setFilter(patch) {
      const filter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as (keyof ThreatFilter)[]) {
        const v = filter[key];
        if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete filter[key];
      }
      restart({ filter });
    },
    clearFilters() {
      const { electionId, deleted } = get().filter;
      restart({ filter: { ...(electionId ? { electionId } : {}), ...(deleted ? { deleted } : {}) } });
    },
    setSort(field) {
      const { sort } = get();
      const direction =
        sort.field === field
          ? sort.direction === 'asc'
            ? 'desc'
            : 'asc'
          : field === 'title'
            ? 'asc'
            : 'desc';
      restart({ sort: { field, direction } });
    },
    ensureRows(first, last) {
      const { blocks, generation } = get();
      for (
        let b = Math.floor(Math.max(0, first) / BLOCK_SIZE);
        b <= Math.floor(Math.max(0, last) / BLOCK_SIZE);
        b++
      ) {
        if (!blocks[b]) void fetchBlock(b, generation);
      }
    },
    async refreshLog() {
      restart({});
      await get().loadFacets();
    },
    async reloadLog() {
      const generation = get().generation + 1;
      const loaded = Object.keys(get().blocks).map(Number);
      set({ generation });
      await Promise.all((loaded.length ? loaded : [0]).map((b) => fetchBlock(b, generation)));
      await get().loadFacets();
    },
    async loadFacets() {
      set({ facets: await call(api.threats.facets({ electionId: get().filter.electionId })) });
    },
    select(id) {
      set({ selectedId: id });
    },
  };
};

export function rowAt(blocks: Record<number, ThreatRow[]>, index: number): ThreatRow | undefined {
  return blocks[Math.floor(index / BLOCK_SIZE)]?.[index % BLOCK_SIZE];
}
