// The progress of an import, in a dialog of its own: how much of the file is read, how many threats,
// and Cancel, which rolls the import back (nothing of the file stays). useStreamedImport runs one.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/domain/transfer';
import { Modal } from '../../components/Modal';
import { streamImport, type ImportSource, type StreamProgress } from '../../import-stream';
import './import-progress.css';

export function useStreamedImport() {
  const [progress, setProgress] = useState<{ file: string; at: StreamProgress } | null>(null);
  const abort = useRef<AbortController | null>(null);
  return {
    progress,
    /** Imports the file in pieces, showing its progress; rejects when it fails or is cancelled. */
    async run(file: ImportSource): Promise<ImportReport> {
      const controller = new AbortController();
      abort.current = controller;
      try {
        return await streamImport(file, {
          signal: controller.signal,
          onProgress: (at) => setProgress({ file: file.name, at }),
        });
      } finally {
        abort.current = null;
        setProgress(null);
      }
    },
    cancel() {
      abort.current?.abort();
    },
  };
}

export function ImportProgress({
  progress,
  onCancel,
}: {
  progress: { file: string; at: StreamProgress } | null;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('log');
  const at = progress?.at;
  const percent = at && at.total > 0 ? Math.min(100, Math.floor((at.bytes / at.total) * 100)) : 0;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Modal
      open={progress !== null}
      // Closing the dialog (Esc) is a cancel: the import never goes on unseen.
      onOpenChange={(open) => !open && onCancel()}
      title={t('transfer.importing', { file: progress?.file ?? '' })}
    >
      <progress
        className="import-progress"
        max={100}
        value={percent}
        aria-label={t('transfer.importProgress')}
        data-testid="import-progress"
      />
      <p aria-live="polite">
        {t('transfer.importedSoFar', {
          percent,
          threats: number(at?.threats ?? 0),
          count: at?.threats ?? 0,
        })}
      </p>
      <p className="muted">{t('transfer.cancelRollsBack')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('transfer.cancelImport')}
        </button>
      </div>
    </Modal>
  );
}
