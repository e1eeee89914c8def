// Drafts as a table: the kind of text, its threats, languages, current version and status, and a way to open it.
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../shared/domain/drafting-records';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { StatusBadge } from './StatusBadge';

export function DraftsTable({
  drafts,
  empty,
  compact,
}: {
  drafts: DraftSummary[];
  empty: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('drafting');
  const navigate = useStore((s) => s.navigate);
  if (drafts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table drafts-table" data-testid="drafts-table">
      <caption className="visually-hidden">{t('list.label')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.document')}</th>
          {compact ? null : <th scope="col">{t('list.threats')}</th>}
          <th scope="col">{t('list.languages')}</th>
          <th scope="col">{t('list.version')}</th>
          <th scope="col">{t('list.status')}</th>
          {compact ? null : <th scope="col">{t('list.updated')}</th>}
          <th scope="col">
            <span className="visually-hidden">{t('list.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => {
          const name = t(`templates.${d.template}`);
          return (
            <tr key={d.id} data-draft-id={d.id}>
              <th scope="row">
                <span className="drafts-table__name">{name}</span>
                <span className="drafts-table__title">{d.title}</span>
              </th>
              {compact ? null : <td>{d.threatIds.join(', ')}</td>}
              <td>{d.languages.map((l) => l.toUpperCase()).join(' · ')}</td>
              <td>
                {d.version}
                {d.approvedVersion !== null && d.approvedVersion !== d.version ? (
                  <span className="drafts-table__approved">
                    {' '}
                    ({t('list.approvedVersion', { version: d.approvedVersion })})
                  </span>
                ) : null}
              </td>
              <td>
                <StatusBadge status={d.status} />
              </td>
              {compact ? null : <td>{formatDateTime(d.updatedAt)}</td>}
              <td>
                <a
                  className="button button--small"
                  href={`#/drafting/${encodeURIComponent(d.id)}`}
                  aria-label={t('list.openNamed', { name: `${name} ${d.title}`.trim() })}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ screen: 'drafting', params: { id: d.id } });
                  }}
                >
                  {t('list.open')}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
