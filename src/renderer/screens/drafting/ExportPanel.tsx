// Export to Word: the error-level checks and the draft marking said plainly before the files are made. Two
// files: the release (what leaves the organisation) and the internal sign-off record (who approved it).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRecord } from '../../../shared/domain/drafting-records';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function ExportPanel({ record, dirty }: { record: DraftRecord; dirty: boolean }) {
  const { t } = useTranslation('drafting');
  const exportDraft = useStore((s) => s.exportDraft);
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
      const result = await exportDraft();
      const where = await saveFile(result.fileName, fromBase64(result.base64), DOCX);
      if (!where) return;
      const record = await saveFile(result.signoff.fileName, fromBase64(result.signoff.base64), DOCX);
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
    <section className="side-panel export-panel" aria-labelledby={`${ids}-title`}>
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
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
        {busy ? t('export.exporting') : t('export.button')}
      </button>
    </section>
  );
}
