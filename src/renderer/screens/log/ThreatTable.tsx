// The threat log: a virtualised table over windowed queries, with real table semantics
// (role=table/row/columnheader/cell, aria-rowcount/rowindex, aria-sort) and arrow-key navigation.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortField, ThreatRow } from '../../../shared/domain/threat-log';
import { LevelBadge } from '../../components/LevelBadge';
import { formatDateTime, formatDateTimeShort } from '../../format';
import { useStore } from '../../store';
import { rowAt } from '../../store/log-slice';

const ROW_HEIGHT = 44;

interface Column {
  id: string;
  sort?: SortField;
  render(row: ThreatRow, t: (k: string) => string): React.ReactNode;
}

const COLUMNS: Column[] = [
  {
    id: 'firstSeen',
    sort: 'firstSeen',
    render: (r) => <span title={formatDateTime(r.firstSeen)}>{formatDateTimeShort(r.firstSeen)}</span>,
  },
  {
    id: 'title',
    sort: 'title',
    render: (r, t) => (
      <>
        {r.classification ? (
          <span
            className={`marker marker--classified marker--${r.classification.toLowerCase().replace(' ', '-')}`}
            title={t(`enums:classification.${r.classification}`)}
          >
            {t(`enums:classification.${r.classification}`)}
          </span>
        ) : null}
        <span className="cell__title">{r.title}</span>
      </>
    ),
  },
  { id: 'level', sort: 'level', render: (r) => <LevelBadge level={r.level} /> },
  { id: 'purpose', sort: 'purpose', render: (r, t) => t(`enums:purpose.${r.purpose}`) },
  { id: 'type', sort: 'type', render: (r, t) => t(`enums:type.${r.type}`) },
  { id: 'targetKind', sort: 'targetKind', render: (r, t) => t(`enums:targetKind.${r.targetKind}`) },
  { id: 'actor', sort: 'actor', render: (r, t) => t(`enums:actor.${r.actor}`) },
  { id: 'confidence', sort: 'confidence', render: (r, t) => t(`enums:confidence.${r.confidence}`) },
  {
    id: 'breakout',
    sort: 'breakout',
    render: (r) => <span className={`breakout breakout--${r.breakout}`}>{r.breakout}</span>,
  },
  { id: 'status', sort: 'status', render: (r, t) => (r.status ? t(`enums:status.${r.status}`) : '—') },
];

export function ThreatTable({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation(['log', 'enums']);
  const total = useStore((s) => s.total);
  const blocks = useStore((s) => s.blocks);
  const sort = useStore((s) => s.sort);
  const setSort = useStore((s) => s.setSort);
  const ensureRows = useStore((s) => s.ensureRows);
  const selectedId = useStore((s) => s.selectedId);
  const logError = useStore((s) => s.logError);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);

  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, blocks, ensureRows]);

  useEffect(() => {
    setFocusIndex(0);
    virtualizer.scrollToIndex(0);
    // A new query starts at the top.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total === null]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    setFocusIndex(clamped);
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: ThreatRow | undefined) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onOpen(row.id);
    }
  };

  const ariaSort = (field?: SortField) =>
    field && sort.field === field ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <div
      className="threat-table"
      role="table"
      aria-label={t('table.label')}
      aria-rowcount={count + 1}
      aria-describedby="threat-table-help"
    >
      <p id="threat-table-help" className="visually-hidden">
        {t('table.help')}
      </p>
      <div role="rowgroup" className="threat-table__head">
        <div role="row" aria-rowindex={1} className="threat-table__row threat-table__row--head">
          {COLUMNS.map((c) => (
            <div
              key={c.id}
              role="columnheader"
              aria-sort={ariaSort(c.sort)}
              className={`threat-table__cell threat-table__cell--${c.id}`}
            >
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => setSort(c.sort!)}>
                  {t(`columns.${c.id}`)}
                  <span aria-hidden="true" className="sort-button__arrow">
                    {sort.field === c.sort ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                t(`columns.${c.id}`)
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="threat-table__body" data-testid="threat-table-body">
        {logError ? (
          <div className="threat-table__message" role="alert">
            {logError}
          </div>
        ) : null}
        {total === 0 ? <div className="threat-table__message">{t('table.empty')}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(blocks, item.index);
            const selected = row !== undefined && row.id === selectedId;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-index={item.index}
                data-threat-id={row?.id}
                tabIndex={item.index === focusIndex ? 0 : -1}
                className={`threat-table__row${selected ? ' threat-table__row--selected' : ''}${row ? '' : ' threat-table__row--loading'}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => row && (setFocusIndex(item.index), onOpen(row.id))}
                onFocus={() => setFocusIndex(item.index)}
                onKeyDown={(e) => onKeyDown(e, item.index, row)}
              >
                {row
                  ? COLUMNS.map((c) => (
                      <div
                        key={c.id}
                        role="cell"
                        className={`threat-table__cell threat-table__cell--${c.id}`}
                      >
                        {c.render(row, t)}
                      </div>
                    ))
                  : COLUMNS.map((c) => (
                      <div
                        key={c.id}
                        role="cell"
                        className={`threat-table__cell threat-table__cell--${c.id}`}
                      >
                        {c.id === 'title' ? t('table.loading') : ''}
                      </div>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
