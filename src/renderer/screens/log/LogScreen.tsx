// The log screen: the header's actions, search and filters, the table, and the selected threat beside it
// (a full-width view of its own on a narrow window). Closing the panel (×, or Esc) puts the focus back on
// its row.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileButtonHandle } from '../../components/FileButton';
import { NEW_THREAT_KEYS } from '../../shortcuts';
import { useStore } from '../../store';
import { StixExportButton } from '../stix/StixExportButton';
import { DetailPanel } from './DetailPanel';
import { FilterBar } from './FilterBar';
import { useLogPrefs } from './log-prefs';
import { LogViewMenu } from './LogViewMenu';
import { ThreatTable, type ThreatTableHandle } from './ThreatTable';
import { TransferControls, useTransferActions } from './TransferControls';

export function LogScreen({ threatId }: { threatId?: string | undefined }) {
  const { t } = useTranslation('log');
  const navigate = useStore((s) => s.navigate);
  // Recording threats is offered to those whose roles allow it (the services check it regardless).
  const canRecord = useStore((s) => s.session?.allowed.includes('log.write') ?? false);
  const canExport = useStore((s) => s.session?.allowed.includes('workspace.export') ?? false);
  const select = useStore((s) => s.select);
  const refreshLog = useStore((s) => s.refreshLog);
  const logCommand = useStore((s) => s.logCommand);
  const clearLogCommand = useStore((s) => s.clearLogCommand);
  const fileRef = useRef<FileButtonHandle>(null);
  const tableRef = useRef<ThreatTableHandle>(null);
  const { exportAs } = useTransferActions();
  const electionId = useStore((s) => s.electionId);
  const [prefs, updatePrefs] = useLogPrefs();

  // Commands from the desktop menu: find, import, export.
  useEffect(() => {
    if (!logCommand) return;
    clearLogCommand();
    if (logCommand === 'find')
      document.querySelector<HTMLInputElement>('[data-testid="log-search"]')?.focus();
    // The desktop app's chooser opens from main (a menu command has no click to open the page's own).
    if (logCommand === 'import') fileRef.current?.open();
    if (logCommand === 'export-csv' && canExport) void exportAs('csv', false, electionId || undefined);
  }, [logCommand, clearLogCommand, exportAs, electionId, canExport]);

  useEffect(() => {
    void refreshLog();
  }, [refreshLog]);
  useEffect(() => {
    select(threatId ?? null);
  }, [threatId, select]);

  const closePanel = () => {
    navigate({ screen: 'log' });
    requestAnimationFrame(() => tableRef.current?.focusCurrentRow());
  };

  return (
    <div className={`log-screen${threatId ? ' log-screen--with-detail' : ''}`}>
      <section className="log-screen__main" aria-labelledby="log-title">
        <div className="screen-header">
          <h1 id="log-title">{t('title')}</h1>
          <div className="screen-header__actions">
            <TransferControls fileRef={fileRef} />
            {canExport ? <StixExportButton /> : null}
            {canRecord ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => navigate({ screen: 'threat-new' })}
                aria-keyshortcuts={NEW_THREAT_KEYS}
                title={t('newThreatShortcut')}
              >
                {t('newThreat')}
              </button>
            ) : null}
          </div>
        </div>
        <FilterBar view={<LogViewMenu prefs={prefs} onChange={updatePrefs} />} />
        <ThreatTable
          ref={tableRef}
          prefs={prefs}
          besidePanel={Boolean(threatId)}
          onResize={(id, width) =>
            updatePrefs((p) => {
              const widths = { ...p.widths };
              if (width === null) Reflect.deleteProperty(widths, id);
              else widths[id] = width;
              return { ...p, widths };
            })
          }
          onOpen={(id) => navigate({ screen: 'log', threatId: id })}
        />
      </section>
      {threatId ? <DetailPanel threatId={threatId} onClose={closePanel} /> : null}
    </div>
  );
}
