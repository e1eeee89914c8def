// Import a workspace or CSV into the log, and export it, from the log's header.
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/domain/transfer';
import { ServiceError, api, call, isBrowserMode, serviceErrorText } from '../../api/bridge';
import { problemText } from '../../components/form/problems';
import { FileButton, type FileButtonHandle } from '../../components/FileButton';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';
import { fileSource, NotUtf8Error, openedFileSource, type ImportSource } from '../../import-stream';
import { ImportProgress, useStreamedImport } from './ImportProgress';
import { BundleElectionDialog, asksForElection, type PendingBundle } from '../stix/BundleElectionDialog';

export function useTransferActions() {
  const refreshLog = useStore((s) => s.refreshLog);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);
  const importer = useStreamedImport();
  return {
    /** The file imported in pieces, its progress shown (ImportProgress), cancel rolling it back. */
    importer,
    async importChosen(file: ImportSource): Promise<ImportReport> {
      const report = await importer.run(file);
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

export function TransferControls({ fileRef }: { fileRef: Ref<FileButtonHandle> }) {
  const { t } = useTranslation('log');
  const electionId = useStore((s) => s.electionId);
  const pushToast = useStore((s) => s.pushToast);
  const exportOpen = useStore((s) => s.exportOpen);
  const setExportOpen = useStore((s) => s.setExportOpen);
  const { importer, importChosen, exportAs } = useTransferActions();
  // Offered to those whose roles allow it; the services refuse the others regardless.
  const canImport = useStore((s) => s.session?.allowed.includes('log.write') ?? false);
  const canExport = useStore((s) => s.session?.allowed.includes('workspace.export') ?? false);
  const canExportClassified = useStore((s) => s.session?.allowed.includes('export.classified') ?? false);
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

  async function onFile(file: ImportSource) {
    setError(null);
    try {
      announce(file.name, await importChosen(file));
    } catch (err) {
      // A STIX bundle that does not say its election, in a workspace without one: ask for it (the
      // bundle read again whole, as a bundle is imported).
      if (asksForElection(err)) {
        const content = await wholeText(file).catch(() => null);
        if (content !== null) {
          setPendingBundle({ content, fileName: file.name });
          return;
        }
      }
      if (err instanceof DOMException && err.name === 'AbortError')
        pushToast({ message: { key: 'log:transfer.importCancelled', values: { file: file.name } } });
      else
        setError(
          err instanceof ServiceError
            ? { message: err.message, problems: err.shape.problems ?? [] }
            : err instanceof NotUtf8Error
              ? { message: t('transfer.notUtf8', { file: file.name }), problems: [] }
              : { message: String(err), problems: [] },
        );
    }
  }

  /** The desktop app's chooser opens in the main process, which needs no click (the menu has none); the
   *  file is then read in main a piece at a time (files:read), never sent whole. Browser mode uses the
   *  page's own chooser. */
  async function chooseInMain(): Promise<void> {
    const result = await api.files.open({
      filters: [{ name: t('transfer.importFileKind'), extensions: ['json', 'csv'] }],
    });
    if (!result.ok) {
      setError({ message: serviceErrorText(result.error), problems: result.error.problems ?? [] });
      return;
    }
    if (result.value.opened) await onFile(openedFileSource(result.value));
  }

  async function onExport() {
    const saved = await exportAs(format, includeClassified && canExportClassified, electionId || undefined);
    setExportOpen(false);
    if (saved) pushToast({ message: { key: 'log:transfer.exported', values: { file: saved } } });
  }

  return (
    <>
      {canImport ? (
        <FileButton
          ref={fileRef}
          accept=".json,.csv,application/json,text/csv"
          onFile={(file) => void onFile(fileSource(file))}
          chooser={isBrowserMode ? undefined : chooseInMain}
        >
          {t('transfer.import')}
        </FileButton>
      ) : null}
      {canExport ? (
        <button type="button" className="button" onClick={() => setExportOpen(true)}>
          {t('transfer.export')}
        </button>
      ) : null}
      <ImportProgress progress={importer.progress} onCancel={importer.cancel} />
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
                  <code>{p.where}</code> {problemText(p, t)}
                </li>
              ))}
            </ul>
          ) : null}
        </Modal>
      ) : null}
      <Modal open={exportOpen && canExport} onOpenChange={setExportOpen} title={t('transfer.exportTitle')}>
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
        {canExportClassified ? (
          <label className="toggle">
            <input
              type="checkbox"
              checked={includeClassified}
              onChange={(e) => setIncludeClassified(e.target.checked)}
            />
            {t('transfer.includeClassified')}
          </label>
        ) : null}
        {includeClassified && canExportClassified ? (
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

/** The whole text of a chosen file (a STIX bundle is imported whole). */
async function wholeText(source: ImportSource): Promise<string> {
  let text = '';
  for await (const piece of source.pieces()) text += piece;
  return text;
}
