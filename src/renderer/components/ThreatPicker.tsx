// Choosing threats from the log: a search, the matching threats to tick, and those chosen so far (each
// removable). Used to assess several as a cluster, and to start a draft about one or several.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatRow } from '../../shared/domain/threat-log';
import { api, call } from '../api/bridge';
import { useStore } from '../store';
import { LevelBadge } from './LevelBadge';
import { rowTitle } from './row-title';

export function ThreatPicker({
  selected,
  onChange,
  title,
  children,
}: {
  selected: string[];
  onChange(ids: string[]): void;
  title: string;
  /** What to do with the threats chosen (a button), under the list. */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('assessment');
  const electionId = useStore((s) => s.electionId);
  const id = useId();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<ThreatRow[] | null>(null);
  const [known, setKnown] = useState<Record<string, ThreatRow>>({});

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call(
        api.threats.list({
          filter: {
            ...(electionId ? { electionId } : {}),
            ...(search.trim() ? { search: search.trim() } : {}),
          },
          sort: { field: 'firstSeen', direction: 'desc' },
          limit: 25,
        }),
      ).then(
        (page) => {
          if (!live) return;
          setRows(page.rows);
          setKnown((k) => ({ ...k, ...Object.fromEntries(page.rows.map((r) => [r.id, r])) }));
        },
        () => {
          if (live) setRows([]);
        },
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, electionId]);

  const toggle = (threat: string, on: boolean) =>
    onChange(on ? [...selected, threat] : selected.filter((x) => x !== threat));
  // The title in the interface language when the record has it; else as recorded, marked English.
  const titleOf = (row: ThreatRow | undefined) => {
    const title = row ? rowTitle(row, i18n.language) : { text: '', lang: undefined };
    return <bdi lang={title.lang}>{title.text}</bdi>;
  };

  return (
    <section className="form-section threat-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <label className="field">
        <span className="field__label">{t('picker.search')}</span>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="picker-search"
        />
      </label>
      <fieldset className="checkbox-group threat-picker__list">
        <legend>{t('picker.results')}</legend>
        {rows === null ? (
          <p className="muted">{t('picker.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="muted">{t('picker.none')}</p>
        ) : null}
        {(rows ?? []).map((r) => (
          <label key={r.id}>
            <input
              type="checkbox"
              checked={selected.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />
            <span>
              <span className="pill">{r.id}</span> {titleOf(r)} <LevelBadge level={r.level} />
            </span>
          </label>
        ))}
      </fieldset>
      <p aria-live="polite">{t('picker.selected', { count: selected.length })}</p>
      {selected.length ? (
        <ul className="threat-picker__chosen" aria-label={t('picker.chosen')}>
          {selected.map((x) => (
            <li key={x}>
              <span className="pill">{x}</span> {titleOf(known[x])}{' '}
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={t('picker.remove', { id: x })}
                onClick={() => toggle(x, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}
