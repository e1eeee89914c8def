// Drafts as a table: the kind of text, its threats, languages, current version and status, and a way to open it.
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../shared/domain/drafting-records';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { languageLabel } from '../../labels/places';
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
    <DataTable
      caption={t('list.label')}
      testId="drafts-table"
      className="drafts-table"
      rows={drafts}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ 'data-draft-id': d.id })}
      columns={[
        {
          id: 'document',
          header: t('list.document'),
          rowHeader: true,
          cell: (d) => (
            <>
              <span className="drafts-table__name">{t(`templates.${d.template}`)}</span>
              <bdi className="drafts-table__title">{d.title}</bdi>
            </>
          ),
        },
        !compact && { id: 'threats', header: t('list.threats'), cell: (d) => d.threatIds.join(', ') },
        {
          id: 'languages',
          header: t('list.languages'),
          cell: (d) => (
            <span title={d.languages.map(languageLabel).join(', ')}>
              {d.languages.map((l) => l.toUpperCase()).join(' · ')}
            </span>
          ),
        },
        {
          id: 'version',
          header: t('list.version'),
          cell: (d) => (
            <>
              {d.version}
              {d.approvedVersion !== null && d.approvedVersion !== d.version ? (
                <span className="drafts-table__approved">
                  {' '}
                  ({t('list.approvedVersion', { version: d.approvedVersion })})
                </span>
              ) : null}
            </>
          ),
        },
        { id: 'status', header: t('list.status'), cell: (d) => <StatusBadge status={d.status} /> },
        !compact && { id: 'updated', header: t('list.updated'), cell: (d) => formatDateTime(d.updatedAt) },
        {
          id: 'open',
          header: t('list.open'),
          headerHidden: true,
          cell: (d) => {
            const name = t(`templates.${d.template}`);
            return (
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
            );
          },
        },
      ]}
    />
  );
}
