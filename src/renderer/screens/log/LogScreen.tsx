import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { DetailPanel } from './DetailPanel';
import { FilterBar } from './FilterBar';
import { ThreatTable } from './ThreatTable';
import { TransferControls, useTransferActions } from './TransferControls';
import { StixExportButton } from '../stix/StixExportButton';

export function LogScreen({ threatId }: { threatId?: string | undefined }) {
  const { t } = useTranslation('log');
  const navigate = useStore((s) => s.navigate);
  const select = useStore((s) => s.select);
  const refreshLog = useStore((s) => s.refreshLog);
  const logCommand = useStore((s) => s.logCommand);
  const clearLogCommand = useStore((s) => s.clearLogCommand);
  const [exportOpen, setExportOpen] = useState(false);
  const chooserRef = useRef<(() => void) | null>(null);
  const { exportAs } = useTransferActions();
  const electionId = useStore((s) => s.electionId);

  // Commands from the desktop menu: find, import, export.
  useEffect(() => {
    if (!logCommand) return;
    clearLogCommand();
    if (logCommand === 'find')
      document.querySelector<HTMLInputElement>('[data-testid="log-search"]')?.focus();
    // The page may not open its own chooser without a click: the transfer controls ask main instead.
    if (logCommand === 'import') chooserRef.current?.();
    if (logCommand === 'export-json') setExportOpen(true);
    if (logCommand === 'export-csv') void exportAs('csv', false, electionId || undefined);
  }, [logCommand, clearLogCommand, exportAs, electionId]);

  useEffect(() => {
    void refreshLog();
  }, [refreshLog]);
  useEffect(() => select(threatId ?? null), [threatId, select]);

  return (
    <div className={`log-screen${threatId ? ' log-screen--with-detail' : ''}`}>
      <section className="log-screen__main" aria-labelledby="log-title">
        <div className="screen-header">
          <h1 id="log-title">{t('title')}</h1>
          <div className="screen-header__actions">
            <TransferControls exportOpen={exportOpen} setExportOpen={setExportOpen} chooserRef={chooserRef} />
            <StixExportButton />
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ screen: 'threat-new' })}
              aria-keyshortcuts="N"
            >
              {t('newThreat')}
            </button>
          </div>
        </div>
        <FilterBar />
        <ThreatTable onOpen={(id) => navigate({ screen: 'log', threatId: id })} />
      </section>
      {threatId ? <DetailPanel threatId={threatId} onClose={() => navigate({ screen: 'log' })} /> : null}
    </div>
  );
}
