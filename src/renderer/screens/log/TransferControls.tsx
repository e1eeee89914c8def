// Import a workspace or CSV into the log, and export it, from the log's header.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/domain/transfer';
import { ServiceError, api, call, isBrowserMode } from '../../api/bridge';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';
import { importFile, saveFile } from '../../transfer';
import { BundleElectionDialog, asksForElection, type PendingBundle } from '../stix/BundleElectionDialog';

export function useTransferActions() {
  const refreshLog = useStore((s) => s.refreshLog);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);
  return {
    async importChosen(file: File): Promise<ImportReport> {
      const report = await importFile(file);
      await Promise.all([refreshLog(), loadInfo(), loadElections()]);
      return report;
    },
    async exportAs(
      format: 'json' | 'csv',
      includeClassified: boolean,
      electionId: string | undefined,
    ): Promise<string | null> {
      const result = await call(api.workspace.export({ format, includeClassified, electionId }));
      return saveFile(result.fileName, result.content, result.mimeType);
    },
  };
}

export function TransferControls({
  exportOpen,
  setExportOpen,
  chooserRef,
}: {
  exportOpen: boolean;
  setExportOpen(open: boolean): void;
  /** Set here to what opens the chooser, for File → Import… in the desktop menu. */
  chooserRef: React.RefObject<(() => void) | null>;
}) {
  const { t } = useTranslation('log');
  const electionId = useStore((s) => s.electionId);
  const pushToast = useStore((s) => s.pushToast);
  const { importChosen, exportAs } = useTransferActions();
  const fileRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const [includeClassified, setIncludeClassified] = useState(false);
  const [error, setError] = useState<{
    message: string;
    problems: { where: string; message: string }[];
  } | null>(null);
  const [pendingBundle, setPendingBundle] = useState<PendingBundle | null>(null);
  const refreshLog = useStore((s) => s.refreshLog);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);

  function announce(fileName: string, r: ImportReport) {
    pushToast({
      message: {
        key: 'log:transfer.imported',
        values: {
          file: fileName,
          created: r.threats.created,
          updated: r.threats.updated,
          unchanged: r.threats.unchanged,
        },
      },
    });
  }

  async function onFile(file: File) {
    setError(null);
    try {
      announce(file.name, await importChosen(file));
    } catch (err) {
      // A STIX bundle that does not say its election, in a workspace without one: ask for it.
      if (asksForElection(err)) {
        setPendingBundle({ content: await file.text(), fileName: file.name });
        return;
      }
      setError(
        err instanceof ServiceError
          ? { message: err.message, problems: err.shape.problems ?? [] }
          : { message: String(err), problems: [] },
      );
    }
  }

  /** Browser mode: the page's own chooser (it needs the click that called this). Desktop app: the
   *  dialog opens in the main process, which needs no click (the menu has none), and sends the text. */
  async function chooseAndImport() {
    if (isBrowserMode) {
      fileRef.current?.click();
      return;
    }
    const result = await api.files.open({
      filters: [{ name: t('transfer.importFileKind'), extensions: ['json', 'csv'] }],
    });
    if (!result.ok) {
      setError({ message: result.error.message, problems: result.error.problems ?? [] });
      return;
    }
    if (result.value.opened) await onFile(new File([result.value.content], result.value.name));
  }

  useEffect(() => {
    chooserRef.current = () => void chooseAndImport();
  });

  async function onExport() {
    const saved = await exportAs(format, includeClassified, electionId || undefined);
    setExportOpen(false);
    if (saved) pushToast({ message: { key: 'log:transfer.exported', values: { file: saved } } });
  }

  return (
    <>
      <input
        ref={fileRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('transfer.import')}
        accept=".json,.csv,application/json,text/csv"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void onFile(file);
          e.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => void chooseAndImport()}>
        {t('transfer.import')}
      </button>
      <button type="button" className="button" onClick={() => setExportOpen(true)}>
        {t('transfer.export')}
      </button>
      {pendingBundle ? (
        <BundleElectionDialog
          bundle={pendingBundle}
          onCancel={() => setPendingBundle(null)}
          onImported={(report) => {
            setPendingBundle(null);
            announce(pendingBundle.fileName, report);
            void Promise.all([refreshLog(), loadInfo(), loadElections()]);
          }}
        />
      ) : null}
      {error ? (
        <Modal open onOpenChange={() => setError(null)} title={t('transfer.importFailed')}>
          <p role="alert">
            {error.problems.length
              ? t('transfer.problemsIntro', { count: error.problems.length })
              : error.message}
          </p>
          {error.problems.length ? (
            <ul className="problem-list">
              {error.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.where}</code> {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Modal>
      ) : null}
      <Modal open={exportOpen} onOpenChange={setExportOpen} title={t('transfer.exportTitle')}>
        <fieldset className="radio-group">
          <legend>{t('transfer.format')}</legend>
          <label>
            <input
              type="radio"
              name="export-format"
              checked={format === 'json'}
              onChange={() => setFormat('json')}
            />
            {t('transfer.json')}
          </label>
          <label>
            <input
              type="radio"
              name="export-format"
              checked={format === 'csv'}
              onChange={() => setFormat('csv')}
            />
            {t('transfer.csv')}
          </label>
        </fieldset>
        <label className="toggle">
          <input
            type="checkbox"
            checked={includeClassified}
            onChange={(e) => setIncludeClassified(e.target.checked)}
          />
          {t('transfer.includeClassified')}
        </label>
        {includeClassified ? (
          <p className="notice notice--warning">{t('transfer.classifiedWarning')}</p>
        ) : null}
        <p className="muted">{electionId ? t('transfer.scopeElection') : t('transfer.scopeAll')}</p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => void onExport()}>
            {t('transfer.save')}
          </button>
        </div>
      </Modal>
    </>
  );
}
