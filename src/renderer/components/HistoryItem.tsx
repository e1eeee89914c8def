// One version in a record's history (a threat's, a partner's): its number, a mark on the current one, what
// changed, when and by whom; then what the screen adds (the fields changed, the way back to it).
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format';

export function HistoryItem({
  version,
  change,
  t,
  testId,
  children,
}: {
  version: { version: number; current: boolean; changedAt: string; changedBy?: string | null | undefined };
  /** What changed, in the interface language. */
  change: string;
  /** The screen's translations, with its `history.version` and `history.current`. */
  t: TFunction;
  testId?: string;
  children?: ReactNode;
}) {
  const v = version;
  return (
    <li className={`history__item${v.current ? ' history__item--current' : ''}`} data-testid={testId}>
      <div className="history__head">
        <strong>{t('history.version', { version: v.version })}</strong>
        {v.current ? <span className="pill">{t('history.current')}</span> : null}
        <span>{change}</span>
        <span className="muted">
          {formatDateTime(v.changedAt)}
          {v.changedBy ? (
            <>
              {' · '}
              <bdi>{v.changedBy}</bdi>
            </>
          ) : null}
        </span>
      </div>
      {children}
    </li>
  );
}
