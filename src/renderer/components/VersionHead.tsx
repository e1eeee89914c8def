// The head line of one version in a record's history: its name, a mark on the current one, what changed,
// and when and by whom.
import { formatDateTime } from '../format';

export function VersionHead({
  title,
  currentMark,
  change,
  changedAt,
  changedBy,
}: {
  title: string;
  /** Shown on the current version only. */
  currentMark: string | null;
  change: string;
  changedAt: string;
  changedBy: string | null | undefined;
}) {
  return (
    <div className="history__head">
      <strong>{title}</strong>
      {currentMark ? <span className="pill">{currentMark}</span> : null}
      <span>{change}</span>
      <span className="muted">
        {formatDateTime(changedAt)}
        {changedBy ? (
          <>
            {' · '}
            <bdi>{changedBy}</bdi>
          </>
        ) : null}
      </span>
    </div>
  );
}
