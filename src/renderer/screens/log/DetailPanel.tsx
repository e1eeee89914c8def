// The selected threat beside the log: details, history, and the tabs other domains add.
import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../components/LevelBadge';
import { useStore } from '../../store';
import { DETAIL_TABS } from '../registry';
import { HistoryPanel } from './HistoryPanel';
import { RecordTitle } from './RecordTitle';
import { ThreatDetails } from './ThreatDetails';

export function DetailPanel({ threatId, onClose }: { threatId: string; onClose(): void }) {
  const { t } = useTranslation(['log', 'common']);
  const detail = useStore((s) => s.detail);
  const detailError = useStore((s) => s.detailError);
  const loadDetail = useStore((s) => s.loadDetail);
  const navigate = useStore((s) => s.navigate);
  const deleteThreat = useStore((s) => s.deleteThreat);
  const undeleteThreat = useStore((s) => s.undeleteThreat);

  const focusHeading = useStore((s) => s.focusHeading);
  const setFocusHeading = useStore((s) => s.setFocusHeading);

  useEffect(() => {
    void loadDetail(threatId);
  }, [threatId, loadDetail]);

  // Esc closes the panel, unless something inside it (a dialog, a menu) takes the key first.
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open], [role="dialog"]'))
        return;
      e.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A threat just saved opens here with the focus on its heading.
  const shown = detail?.threat.id === threatId ? detail : null;
  useEffect(() => {
    if (!shown || !focusHeading) return;
    setFocusHeading(false);
    document.getElementById('detail-title')?.focus();
  }, [shown, focusHeading, setFocusHeading]);

  if (detailError) {
    return (
      <aside className="detail-panel" aria-label={t('detail.label')}>
        <p role="alert">{detailError}</p>
        <button type="button" className="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </aside>
    );
  }
  if (!detail || detail.threat.id !== threatId)
    return <aside className="detail-panel" aria-busy="true" aria-label={t('detail.label')} />;
  const { threat, meta } = detail;

  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="detail-panel">
      <header className="detail-panel__header">
        <div>
          <p className="detail-panel__id">
            <bdi>{threat.id}</bdi> · {t('detail.version', { version: meta.version })}{' '}
            <LevelBadge level={meta.level} />
          </p>
          <h2 id="detail-title" tabIndex={-1}>
            <RecordTitle threat={threat} />
          </h2>
          {meta.deletedAt ? <p className="notice notice--warning">{t('detail.deletedNotice')}</p> : null}
        </div>
        <div className="detail-panel__actions">
          {meta.deletedAt ? (
            <button type="button" className="button" onClick={() => void undeleteThreat(threat.id)}>
              {t('detail.undelete')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => navigate({ screen: 'threat-edit', threatId: threat.id })}
              >
                {t('detail.edit')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => void deleteThreat(threat.id)}
              >
                {t('detail.delete')}
              </button>
            </>
          )}
          <button
            type="button"
            className="button button--ghost"
            aria-label={t('detail.close')}
            aria-keyshortcuts="Escape"
            onClick={onClose}
          >
            ×
          </button>
        </div>
      </header>
      <Tabs.Root defaultValue="details" className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('detail.tabs')}>
          <Tabs.Trigger value="details" className="tabs__trigger">
            {t('detail.details')}
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className="tabs__trigger">
            {t('detail.history')}
          </Tabs.Trigger>
          {DETAIL_TABS.map((tab) => (
            <Tabs.Trigger key={tab.id} value={tab.id} className="tabs__trigger">
              {t(tab.labelKey)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="details" className="tabs__content">
          <ThreatDetails threat={threat} onOpenRelated={(id) => navigate({ screen: 'log', threatId: id })} />
        </Tabs.Content>
        <Tabs.Content value="history" className="tabs__content">
          <HistoryPanel threatId={threat.id} />
        </Tabs.Content>
        {DETAIL_TABS.map((tab) => (
          <Tabs.Content key={tab.id} value={tab.id} className="tabs__content">
            <tab.Component detail={detail} />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </aside>
  );
}
