// The threat log: a virtualised grid over windowed queries (role=grid with rows that take the focus, one at
// a time, aria-rowcount/rowindex, aria-sort), arrow-key navigation, columns people choose and resize, and a
// compact density. Titles wrap to two lines; the whole title is the cell's text and its tooltip.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortField, ThreatRow } from '../../../shared/domain/threat-log';
import { useStore } from '../../store';
import { rowAt } from '../../store/log-slice';
import { BESIDE_PANEL, LOG_COLUMNS, type LogColumn } from './log-columns';
import { ResizeHandle } from './ResizeHandle';
import type { LogPrefs } from './log-prefs';

const ROW_HEIGHT = { comfortable: 52, compact: 32 } as const;

export interface ThreatTableHandle {
  /** Puts the focus back on the row last used (after the detail panel closes). */
  focusCurrentRow(): void;
}

export function ThreatTable({
  onOpen,
  prefs,
  onResize,
  besidePanel,
  ref,
}: {
  onOpen(id: string): void;
  prefs: LogPrefs;
  onResize(columnId: string, width: number | null): void;
  /** A threat is open beside the log: the columns that identify a row stay. */
  besidePanel: boolean;
  ref?: Ref<ThreatTableHandle>;
}) {
  const { t, i18n } = useTranslation(['log', 'enums']);
  const total = useStore((s) => s.total);
  const blocks = useStore((s) => s.blocks);
  const sort = useStore((s) => s.sort);
  const setSort = useStore((s) => s.setSort);
  const ensureRows = useStore((s) => s.ensureRows);
  const selectedId = useStore((s) => s.selectedId);
  const logError = useStore((s) => s.logError);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(40);
  useEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    return () => observer.disconnect();
  }, []);
  const [focusIndex, setFocusIndex] = useState(0);
  const rowHeight = ROW_HEIGHT[prefs.density];

  const columns: LogColumn[] = prefs.columns
    .map((id) => LOG_COLUMNS.find((c) => c.id === id))
    .filter((c): c is LogColumn => c !== undefined && (!besidePanel || BESIDE_PANEL.has(c.id)));
  const widthOf = (c: LogColumn) => prefs.widths[c.id] ?? c.width;
  const template = columns
    .map((c) => (c.id === 'title' ? `minmax(${widthOf(c)}px, 1fr)` : `${widthOf(c)}px`))
    .join(' ');
  const minWidth = columns.reduce((s, c) => s + widthOf(c), 0);

  const count = total ?? 0;
  // TanStack Virtual's functions change every render; nothing here is memoised by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The rows start below the column headers, inside the same scroll box.
    scrollMargin: headHeight,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, blocks, ensureRows]);

  // A new query starts at the top.
  const newQuery = total === null;
  useEffect(() => {
    if (!newQuery) return;
    setFocusIndex(0);
    virtualizer.scrollToIndex(0);
  }, [newQuery, virtualizer]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    setFocusIndex(clamped);
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus(),
    );
  };

  useImperativeHandle(ref, () => ({ focusCurrentRow: () => focusRow(focusIndex) }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: ThreatRow | undefined) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      focusRow(to);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onOpen(row.id);
    }
  };

  const ariaSort = (field?: SortField) =>
    field && sort.field === field ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <div
      className={`threat-table threat-table--${prefs.density}`}
      role="grid"
      aria-readonly="true"
      aria-label={t('table.label')}
      aria-rowcount={count + 1}
      aria-describedby="threat-table-help"
      data-testid="threat-table"
    >
      <p id="threat-table-help" className="visually-hidden">
        {t('table.help')}
      </p>
      <div className="threat-table__scroll" ref={scrollRef} data-testid="threat-table-body">
        <div role="rowgroup" className="threat-table__head" ref={headRef}>
          <div
            role="row"
            aria-rowindex={1}
            className="threat-table__row threat-table__row--head"
            style={{ gridTemplateColumns: template, minWidth }}
          >
            {columns.map((c) => (
              <div
                key={c.id}
                role="columnheader"
                aria-sort={ariaSort(c.sort)}
                className={`threat-table__cell threat-table__cell--${c.id}`}
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => c.sort && setSort(c.sort)}>
                    {t(`columns.${c.id}`)}
                    <span aria-hidden="true" className="sort-button__arrow">
                      {sort.field === c.sort ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  <span className="threat-table__label">{t(`columns.${c.id}`)}</span>
                )}
                <ResizeHandle
                  label={t('table.resize', { column: t(`columns.${c.id}`) })}
                  width={widthOf(c)}
                  min={c.minWidth}
                  onResize={(w) => onResize(c.id, w)}
                />
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="threat-table__body">
          {logError ? (
            <div role="row" className="threat-table__message">
              <div role="gridcell" className="notice notice--error">
                {logError}
              </div>
            </div>
          ) : null}
          {total === 0 ? (
            <div role="row" className="threat-table__message">
              <div role="gridcell">{t('table.empty')}</div>
            </div>
          ) : null}
          <div className="threat-table__canvas" style={{ height: virtualizer.getTotalSize(), minWidth }}>
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
                    gridTemplateColumns: template,
                    minWidth,
                    height: rowHeight,
                    transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                  }}
                  onClick={() => row && (setFocusIndex(item.index), onOpen(row.id))}
                  onFocus={() => setFocusIndex(item.index)}
                  onKeyDown={(e) => onKeyDown(e, item.index, row)}
                >
                  {columns.map((c) => (
                    <div
                      key={c.id}
                      role="gridcell"
                      className={`threat-table__cell threat-table__cell--${c.id}`}
                    >
                      {row ? c.render(row, t, i18n.language) : c.id === 'title' ? t('table.loading') : ''}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
