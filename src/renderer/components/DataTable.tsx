// The one table for lists of records: a caption (read by screen readers, shown when asked), column headers,
// a header cell naming each row, and a scroll box of its own so that a wide table never makes the whole
// page scroll sideways (the box is a named, focusable region so that it can be scrolled by keyboard).
import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<R> {
  id: string;
  header: ReactNode;
  /** A header only screen readers need (e.g. over a column of buttons). */
  headerHidden?: boolean;
  cell(row: R, index: number): ReactNode;
  /** This column names the row: its cells are row headers. */
  rowHeader?: boolean;
  numeric?: boolean;
  className?: string;
}

export function DataTable<R>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowProps,
  testId,
  className,
  footer,
}: {
  caption: string;
  showCaption?: boolean;
  columns: readonly (Column<R> | false | null | undefined)[];
  rows: readonly R[];
  rowKey(row: R, index: number): string | number;
  /** Extra attributes of a row (data-* for tests, aria-current). */
  rowProps?(row: R, index: number): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, unknown>;
  testId?: string;
  className?: string;
  /** Shown under the table, inside its box. */
  footer?: ReactNode;
}) {
  const shown = columns.filter((c): c is Column<R> => Boolean(c));
  const cellClass = (c: Column<R>) =>
    [c.numeric ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    // A focusable region is how a keyboard scrolls a wide table (WCAG 2.1.1); it is named by the caption.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="data-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className={`data-table${className ? ` ${className}` : ''}`} data-testid={testId}>
        <caption className={showCaption ? 'data-table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.id} scope="col" className={cellClass(c)}>
                {c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
              {shown.map((c) =>
                c.rowHeader ? (
                  <th key={c.id} scope="row" className={cellClass(c)}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td key={c.id} className={cellClass(c)}>
                    {c.cell(row, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
