// Search and filters for the log: every enum field, date range, region and channel.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTORS,
  BREAKOUT_CATEGORIES,
  CONFIDENCES,
  LEVELS,
  PLACE_LEVELS,
  PURPOSES,
  STATUSES,
  TARGET_KINDS,
  THREAT_TYPES,
  TRENDS,
} from '../../../shared/domain/enums';
import type { ThreatFilter } from '../../../shared/domain/threat-log';
import { FilterMenu } from '../../components/FilterMenu';
import { formatNumber } from '../../format';
import { useStore } from '../../store';
import { channelLabel } from '../../labels/places';
import { DateFilter } from './DateFilter';

type EnumKey = 'purpose' | 'type' | 'targetKind' | 'placeLevel' | 'actor' | 'confidence' | 'trend' | 'status';
const ENUM_FILTERS: readonly [EnumKey, readonly string[]][] = [
  ['purpose', PURPOSES],
  ['type', THREAT_TYPES],
  ['targetKind', TARGET_KINDS],
  ['actor', ACTORS],
  ['confidence', CONFIDENCES],
  ['placeLevel', PLACE_LEVELS],
  ['trend', TRENDS],
  ['status', STATUSES],
];

export function FilterBar({ view }: { view?: ReactNode }) {
  const { t, i18n } = useTranslation(['log', 'enums']);
  const filter = useStore((s) => s.filter);
  const setFilter = useStore((s) => s.setFilter);
  const clearFilters = useStore((s) => s.clearFilters);
  const facets = useStore((s) => s.facets);
  const total = useStore((s) => s.total);
  const [search, setSearch] = useState(filter.search ?? '');

  // Search as the official types: each keystroke asks for one page (a few milliseconds in
  // SQLite); answers to earlier keystrokes are dropped by the log's generation counter.
  useEffect(() => {
    if ((filter.search ?? '') !== search) setFilter({ search: search || undefined });
  }, [search, filter.search, setFilter]);

  const active = Object.keys(filter).filter((k) => k !== 'electionId' && k !== 'deleted').length;

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <div className="filter-bar__row">
        <label className="search-box">
          <span className="visually-hidden">{t('filters.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setFilter({ search: search || undefined })}
            data-testid="log-search"
          />
        </label>
        <output className="filter-bar__count" aria-live="polite" data-testid="log-count">
          {total === null
            ? t('table.counting')
            : t('table.count', { count: total, formatted: formatNumber(total) })}
        </output>
        {view}
        <label className="toggle">
          <input
            type="checkbox"
            checked={Boolean(filter.deleted)}
            onChange={(e) => setFilter({ deleted: e.target.checked || undefined })}
          />
          {t('filters.deleted')}
        </label>
      </div>
      <div className="filter-bar__row filter-bar__row--menus">
        {ENUM_FILTERS.map(([key, values]) => (
          <FilterMenu
            key={key}
            label={t(`columns.${key}`)}
            options={values.map((v) => ({ value: v, label: t(`enums:${key}.${v}`) }))}
            selected={filter[key] as string[] | undefined}
            onChange={(v) => setFilter({ [key]: v } as Partial<ThreatFilter>)}
          />
        ))}
        <FilterMenu
          label={t('columns.breakout')}
          options={BREAKOUT_CATEGORIES.map((b) => ({ value: b, label: t(`enums:breakout.${b}`) }))}
          selected={filter.breakout}
          onChange={(v) => setFilter({ breakout: v })}
        />
        <FilterMenu
          label={t('columns.level')}
          options={[...LEVELS, 'unassessed' as const].map((l) => ({
            value: l,
            label: t(`enums:level.${l}`),
          }))}
          selected={filter.level}
          onChange={(v) => setFilter({ level: v })}
        />
        <label className="compact-field">
          {t('filters.region')}
          <select
            value={filter.region ?? ''}
            onChange={(e) => setFilter({ region: e.target.value || undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {facets?.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="compact-field">
          {t('filters.channel')}
          <select
            value={filter.channel ?? ''}
            onChange={(e) => setFilter({ channel: e.target.value || undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {(facets?.channels ?? [])
              .map((c) => ({ value: c, label: channelLabel(c, t) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language))
              .map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        <DateFilter
          label={t('filters.from')}
          value={filter.from}
          onChange={(v) => setFilter({ from: v })}
          testId="filter-from"
        />
        <DateFilter
          label={t('filters.to')}
          value={filter.to}
          onChange={(v) => setFilter({ to: v })}
          testId="filter-to"
        />
        {active ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setSearch('');
              clearFilters();
            }}
          >
            {t('filters.clearAll', { count: active })}
          </button>
        ) : null}
      </div>
    </div>
  );
}
