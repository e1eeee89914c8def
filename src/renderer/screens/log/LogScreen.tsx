import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { DetailPanel } from './DetailPanel';
import { FilterBar } from './FilterBar';
import { ThreatTable } from './ThreatTable';

export function LogScreen({ threatId }: { threatId?: string | undefined }) {
  const { t } = useTranslation('log');
  const navigate = useStore((s) => s.navigate);
  const select = useStore((s) => s.select);
  const refreshLog = useStore((s) => s.refreshLog);

  useEffect(() => {
    void refreshLog();
  }, [refreshLog]);
  useEffect(() => select(threatId ?? null), [threatId, select]);

  return (
    <div className={`log-screen${threatId ? ' log-screen--with-detail' : ''}`}>
      <section className="log-screen__main" aria-labelledby="log-title">
        <div className="screen-header">
          <h1 id="log-title">{t('title')}</h1>
          <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'threat-new' })} aria-keyshortcuts="N">
            {t('newThreat')}
          </button>
        </div>
        <FilterBar />
        <ThreatTable onOpen={(id) => navigate({ screen: 'log', threatId: id })} />
      </section>
      {threatId ? <DetailPanel threatId={threatId} onClose={() => navigate({ screen: 'log' })} /> : null}
    </div>
  );
}
