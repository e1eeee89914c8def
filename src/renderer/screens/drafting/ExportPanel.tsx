// Export to Word: the error-level checks and the draft marking said plainly before the files are made. Two
// files: the release (what leaves the organisation) and the internal sign-off record (who approved it).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRecord } from '../../../shared/domain/drafting-records';
import { useStore } from '../../store';
import { followDownload } from '../../transfer';
import { ErrorNotice } from '../../components/ErrorNotice';

export function ExportPanel({ record, dirty }: { record: DraftRecord; dirty: boolean }) {
  const { t } = useTranslation('drafting');
  const saveDraftDocx = useStore((s) => s.saveDraftDocx);
  const pushToast = useStore((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  // What is exported is the saved version, so its checks are the ones that count.
  const saved = record.report;
  const approved = record.draft.status === 'approved';

  async function run() {
    setBusy(true);
    setError(null);
    try {
      // Main writes both documents itself (desktop: where the user says) or offers them as downloads.
      const result = await saveDraftDocx();
      if (result.download) followDownload(result.download, result.fileName);
      if (result.signoff.download) followDownload(result.signoff.download, result.signoff.fileName);
      const where = result.path ?? (result.download ? result.fileName : null);
      const record = result.signoff.path ?? (result.signoff.download ? result.signoff.fileName : null);
      if (where)
        pushToast({
          message: record
            ? {
                key: 'drafting:export.doneBoth',
                values: { file: where, record, marking: result.signoff.marking },
              }
            : { key: 'drafting:export.done', values: { file: where } },
        });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel-box side-panel export-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('export.title')}</h2>
      {saved.errors > 0 ? (
        <p className="notice notice--error export-panel__errors" data-testid="export-errors">
          {t('export.errors', { count: saved.errors })}
        </p>
      ) : null}
      {!approved && saved.errors === 0 ? (
        <p className="notice notice--warning">{t('export.notApproved')}</p>
      ) : null}
      {approved ? (
        <p className="notice notice--ok">
          {record.draft.releasable ? t('export.approved') : t('export.internal')}
        </p>
      ) : null}
      <p className="field__hint">{t('export.twoFiles')}</p>
      {dirty ? <p className="field__hint">{t('export.saveFirst')}</p> : null}
      <ErrorNotice error={error} />
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
        {busy ? t('export.exporting') : t('export.button')}
      </button>
    </section>
  );
}
