// First run with an empty database: offer the sample workspace, an import, or a fresh start.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/bridge';
import { FileButton } from '../../components/FileButton';
import { useStore } from '../../store';
import { importFile } from '../../transfer';
import { BundleElectionDialog, asksForElection, type PendingBundle } from '../stix/BundleElectionDialog';

export function WelcomeScreen() {
  const { t } = useTranslation('welcome');
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);
  const navigate = useStore((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingBundle, setPendingBundle] = useState<PendingBundle | null>(null);

  async function opened() {
    await Promise.all([loadInfo(), loadElections()]);
    navigate({ screen: 'log' });
  }

  async function run(work: () => Promise<unknown>, file?: File) {
    setBusy(true);
    setError(null);
    try {
      await work();
      await opened();
    } catch (err) {
      // A STIX bundle that does not say its election (a fresh workspace has none): ask for it.
      if (file && asksForElection(err)) setPendingBundle({ content: await file.text(), fileName: file.name });
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      {pendingBundle ? (
        <BundleElectionDialog
          bundle={pendingBundle}
          onCancel={() => setPendingBundle(null)}
          onImported={() => {
            setPendingBundle(null);
            void opened();
          }}
        />
      ) : null}
      <h1 id="welcome-title">{t('title')}</h1>
      <p className="welcome__lead">{t('lead')}</p>
      <ErrorNotice error={error} />
      <div className="welcome__choices">
        <div className="welcome__choice">
          <h2>{t('sample.title')}</h2>
          <p>{t('sample.body')}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(() => call(api.workspace.loadSample({})))}
          >
            {busy ? t('working') : t('sample.action')}
          </button>
        </div>
        <div className="welcome__choice">
          <h2>{t('import.title')}</h2>
          <p>{t('import.body')}</p>
          <FileButton
            accept=".json,.csv,application/json,text/csv"
            onFile={(file) => void run(() => importFile(file), file)}
          >
            {t('import.action')}
          </FileButton>
        </div>
        <div className="welcome__choice">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => navigate({ screen: 'elections' })}
          >
            {t('empty.action')}
          </button>
        </div>
      </div>
    </section>
  );
}
