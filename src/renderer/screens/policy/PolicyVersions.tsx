// Every saved version of the policy, any of which can be loaded into the editor.
import { useTranslation } from 'react-i18next';
import type { PolicyVersionInfo } from '../../../shared/domain/decision';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';

export function PolicyVersions({
  versions,
  onLoad,
}: {
  versions: readonly PolicyVersionInfo[];
  onLoad(version: number): void;
}) {
  const { t } = useTranslation('assessment');
  return (
    <section className="form-section" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('policy.versions')}</h2>
      <DataTable
        caption={t('policy.versions')}
        testId="policy-versions"
        rows={versions}
        rowKey={(v) => v.version}
        columns={[
          {
            id: 'version',
            header: t('policy.version'),
            rowHeader: true,
            cell: (v) => (
              <>
                {v.version} {v.current ? <span className="pill">{t('policy.current')}</span> : null}
              </>
            ),
          },
          {
            id: 'saved',
            header: t('policy.savedAt'),
            cell: (v) => (
              <>
                {v.savedAt ? formatDateTime(v.savedAt) : t('policy.shipped')}
                {v.savedBy ? (
                  <>
                    {' · '}
                    <bdi>{v.savedBy}</bdi>
                  </>
                ) : null}
              </>
            ),
          },
          { id: 'note', header: t('policy.noteColumn'), cell: (v) => <bdi>{v.note ?? ''}</bdi> },
          {
            id: 'load',
            header: t('policy.actions'),
            headerHidden: true,
            cell: (v) => (
              <button
                type="button"
                className="button button--small"
                onClick={() => onLoad(v.version)}
                aria-label={t('policy.loadVersion', { version: v.version })}
              >
                {t('policy.load')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
