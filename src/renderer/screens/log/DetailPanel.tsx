// The selected threat beside the log: details, history, and the tabs other domains add.
import * as Tabs from '@radix-ui/react-tabs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../components/LevelBadge';
import { useStore } from '../../store';
import { DETAIL_TABS } from '../registry';
import { HistoryPanel } from './HistoryPanel';
import { ThreatDetails } from './ThreatDetails';

export function DetailPanel({ threatId, onClose }: { threatId: string; onClose(): void }) {
  const { t } = useTranslation(['log', 'common']);
  const detail = useStore((s) => s.detail);
  const detailError = useStore((s) => s.detailError);
  const loadDetail = useStore((s) => s.loadDetail);
  const navigate = useStore((s) => s.navigate);
  const deleteThreat = useStore((s) => s.deleteThreat);
  const undeleteThreat = useStore((s) => s.undeleteThreat);

  useEffect(() => {
    void loadDetail(threatId);
  }, [threatId, loadDetail]);

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
            {threat.id} · {t('detail.version', { version: meta.version })} <LevelBadge level={meta.level} />
          </p>
          <h2 id="detail-title" tabIndex={-1}>
            {threat.title}
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
            aria-label={t('common:close')}
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
