// How each person likes the log: which columns, how wide, how dense. Kept per identity in this browser's
// storage (accounts will carry them later).
import { useCallback, useState } from 'react';
import { useStore } from '../../store';
import { LOG_COLUMNS } from './log-columns';

export type Density = 'comfortable' | 'compact';

export interface LogPrefs {
  /** Column ids shown, in order. */
  columns: string[];
  /** Widths people set, px. */
  widths: Record<string, number>;
  density: Density;
}

export const DEFAULT_PREFS: LogPrefs = {
  columns: LOG_COLUMNS.filter((c) => c.shown).map((c) => c.id),
  widths: {},
  density: 'comfortable',
};

const storageKey = (who: string) => `threshold.logPrefs.${who}`;

/** Reads stored preferences, keeping only what is still valid (a column may have been removed since). */
export function readPrefs(who: string): LogPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(who)) ?? 'null') as Partial<LogPrefs> | null;
    if (!raw) return DEFAULT_PREFS;
    const known = new Set(LOG_COLUMNS.map((c) => c.id));
    const columns = (Array.isArray(raw.columns) ? raw.columns : DEFAULT_PREFS.columns).filter(
      (id): id is string => typeof id === 'string' && known.has(id),
    );
    if (!columns.includes('title')) columns.splice(1, 0, 'title');
    const widths: Record<string, number> = {};
    for (const [id, w] of Object.entries(raw.widths ?? {}))
      if (known.has(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = w;
    return { columns, widths, density: raw.density === 'compact' ? 'compact' : 'comfortable' };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function useLogPrefs(): [LogPrefs, (change: (p: LogPrefs) => LogPrefs) => void] {
  // Per account (not per name: a name can be reused after an account is disabled).
  const who = useStore((s) => s.session?.account?.id ?? '');
  const [state, setState] = useState<{ who: string; prefs: LogPrefs }>(() => ({
    who,
    prefs: readPrefs(who),
  }));
  // Another person signed in: their preferences.
  const prefs = state.who === who ? state.prefs : readPrefs(who);
  const update = useCallback(
    (change: (p: LogPrefs) => LogPrefs) => {
      const next = change(readPrefs(who));
      localStorage.setItem(storageKey(who), JSON.stringify(next));
      setState({ who, prefs: next });
    },
    [who],
  );
  return [prefs, update];
}
