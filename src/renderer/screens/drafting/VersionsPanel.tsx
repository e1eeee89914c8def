// Every version of the draft, with its status and who saved it; any of them can be viewed (read-only).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import type { DraftEditorData } from '../../store/drafting-slice';
import { StatusBadge } from './StatusBadge';

function changeKey(change: string): { key: string; version?: string } | null {
  if (change === 'created' || change === 'edited') return { key: change };
  const after = /^edited after approval of version (\d+)$/.exec(change);
  if (after) return { key: 'editedAfterApproval', version: after[1] };
  const plan = /^plan version (\d+) applied$/.exec(change);
  if (plan) return { key: 'planApplied', version: plan[1] };
  return null;
}

export function VersionsPanel({ editor }: { editor: DraftEditorData }) {
  const { t } = useTranslation('drafting');
  const navigate = useStore((s) => s.navigate);
  const ids = useId();
  const { record, versions } = editor;
  return (
    <section className="panel-box side-panel versions-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('versions.title')}</h2>
      <DataTable
        caption={t('versions.title')}
        testId="draft-versions"
        className="versions-table"
        rows={versions}
        rowKey={(v) => v.version}
        rowProps={(v) => ({
          'aria-current': v.version === record.version ? 'true' : undefined,
          'data-version': v.version,
        })}
        columns={[
          {
            id: 'version',
            header: t('versions.version'),
            rowHeader: true,
            cell: (v) => (
              <>
                {v.version}
                {v.version === record.currentVersion ? (
                  <span className="pill versions-table__pill">{t('versions.current')}</span>
                ) : null}
              </>
            ),
          },
          {
            id: 'status',
            header: t('versions.status'),
            cell: (v) => {
              const change = changeKey(v.change);
              return (
                <>
                  <StatusBadge status={v.status} />
                  <span className="versions-table__change">
                    {change ? t(`versions.changes.${change.key}`, { version: change.version }) : v.change}
                  </span>
                </>
              );
            },
          },
          {
            id: 'savedBy',
            header: t('versions.savedBy'),
            cell: (v) => (
              <>
                <bdi>{v.savedBy ?? '—'}</bdi>
                <span className="versions-table__date">{formatDateTime(v.savedAt)}</span>
              </>
            ),
          },
          {
            id: 'view',
            header: t('versions.view'),
            headerHidden: true,
            cell: (v) =>
              v.version === record.version ? (
                <span className="muted">{t('versions.shown')}</span>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('versions.viewNamed', { version: v.version })}
                  onClick={() =>
                    navigate({
                      screen: 'drafting',
                      params:
                        v.version === record.currentVersion
                          ? { id: record.id }
                          : { id: record.id, version: String(v.version) },
                    })
                  }
                >
                  {t('versions.view')}
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
