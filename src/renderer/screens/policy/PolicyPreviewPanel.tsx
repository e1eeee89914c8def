// The live preview: the edited policy checked against the whole log before anything is saved — how many
// threats there would be at each level, and which would change.
import { useTranslation } from 'react-i18next';
import { LEVELS } from '../../../shared/domain/enums';
import type { Policy } from '../../../shared/domain/policy';
import { DataTable } from '../../components/DataTable';
import { LevelBadge } from '../../components/LevelBadge';
import { serviceErrorText } from '../../api/bridge';
import { useStore } from '../../store';
import { PolicyProblems } from './PolicyProblems';

export function PolicyPreviewPanel({ dirty, draft }: { dirty: boolean; draft: Policy }) {
  const { t } = useTranslation(['assessment', 'enums']);
  const preview = useStore((s) => s.preview);
  const error = useStore((s) => s.previewError);
  const pending = useStore((s) => s.previewPending);
  const delta = (now: number, edited: number) =>
    edited === now ? '' : ` (${edited > now ? '+' : '−'}${Math.abs(edited - now)})`;
  return (
    <section
      className="form-section policy-preview"
      aria-labelledby="preview-title"
      aria-busy={pending}
      data-testid="policy-preview"
    >
      <h2 id="preview-title">{t('preview.title')}</h2>
      <p className="form-section__hint">{dirty ? t('preview.hintEdited') : t('preview.hintNoEdits')}</p>
      {error ? (
        <PolicyProblems
          message={t('preview.invalid')}
          problems={
            error.problems?.length ? error.problems : [{ where: '', message: serviceErrorText(error) }]
          }
          policy={draft}
          testId="preview-problems"
        />
      ) : null}
      {preview ? (
        <>
          <DataTable
            caption={t('preview.counts', { total: preview.total })}
            showCaption
            testId="preview-counts"
            rows={LEVELS}
            rowKey={(l) => l}
            rowProps={(l) => ({ 'data-level': l })}
            columns={[
              {
                id: 'level',
                header: t('preview.level'),
                rowHeader: true,
                cell: (l) => <LevelBadge level={l} />,
              },
              { id: 'now', header: t('preview.now'), numeric: true, cell: (l) => preview.current[l] },
              {
                id: 'edited',
                header: t('preview.edited'),
                numeric: true,
                cell: (l) => `${preview.proposed[l]}${delta(preview.current[l], preview.proposed[l])}`,
              },
            ]}
          />
          <p aria-live="polite" data-testid="preview-changed">
            {t('preview.changed', { count: preview.changed })}
          </p>
          {preview.changes.length ? (
            <div className="policy-preview__changes">
              <DataTable
                caption={t('preview.changesCaption')}
                testId="preview-changes"
                rows={preview.changes}
                rowKey={(c) => c.id}
                columns={[
                  {
                    id: 'threat',
                    header: t('preview.threat'),
                    cell: (c) => (
                      <>
                        <span className="pill">{c.id}</span> <bdi>{c.title}</bdi>
                      </>
                    ),
                  },
                  { id: 'from', header: t('preview.from'), cell: (c) => <LevelBadge level={c.from} /> },
                  { id: 'to', header: t('preview.to'), cell: (c) => <LevelBadge level={c.to} /> },
                ]}
              />
              {preview.changed > preview.changes.length ? (
                <p className="muted">
                  {t('preview.more', { shown: preview.changes.length, count: preview.changed })}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : !error ? (
        <p className="muted">{t('preview.loading')}</p>
      ) : null}
    </section>
  );
}
