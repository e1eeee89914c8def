// Every version of a threat, what changed in each, and a way back to any of them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { changedFields } from '../../../shared/domain/threat-diff';
import { HistoryItem } from '../../components/HistoryItem';
import { useStore } from '../../store';
import { ThreatDetails } from './ThreatDetails';

/** "edited", "restored version 2", "status: assessed" … in the interface language. */
function changeText(change: string, t: TFunction): string {
  const status = /^status: (\w+)$/.exec(change);
  if (status) return t('history.change.status', { status: t(`enums:status.${status[1]}`) });
  if (change.startsWith('restored'))
    return t('history.change.restored', { version: change.replace(/\D+/g, '') });
  return t(`history.change.${change}`, { defaultValue: change });
}

export function HistoryPanel({ threatId }: { threatId: string }) {
  const { t } = useTranslation(['log', 'enums']);
  const history = useStore((s) => s.history);
  const loadHistory = useStore((s) => s.loadHistory);
  const restoreVersion = useStore((s) => s.restoreVersion);
  // Every change to the threat makes a version: reload when the current one moves on.
  const currentVersion = useStore((s) => (s.detail?.threat.id === threatId ? s.detail.meta.version : null));
  const deleted = useStore((s) =>
    s.detail?.threat.id === threatId ? Boolean(s.detail.meta.deletedAt) : false,
  );
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    void loadHistory(threatId);
  }, [threatId, currentVersion, loadHistory]);

  if (!history) return <p>{t('history.loading')}</p>;
  return (
    <ol className="history" aria-label={t('history.label')}>
      {history.map((v, i) => {
        const older = history[i + 1];
        const fields = older ? changedFields(older.threat, v.threat) : [];
        return (
          <HistoryItem
            key={v.version}
            version={v}
            change={changeText(v.change, t)}
            t={t}
            testId={`version-${v.version}`}
          >
            {fields.length ? (
              <p className="history__fields">{t('history.changed', { fields: fields.join(', ') })}</p>
            ) : null}
            <div className="history__actions">
              <button
                type="button"
                className="button button--small"
                aria-expanded={open === v.version}
                onClick={() => setOpen(open === v.version ? null : v.version)}
              >
                {open === v.version ? t('history.hide') : t('history.view')}
              </button>
              {!v.current && !deleted ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void restoreVersion(threatId, v.version)}
                >
                  {t('history.restore', { version: v.version })}
                </button>
              ) : null}
            </div>
            {open === v.version ? (
              <div className="history__snapshot">
                <h4>{v.threat.title}</h4>
                <ThreatDetails threat={v.threat} />
              </div>
            ) : null}
          </HistoryItem>
        );
      })}
    </ol>
  );
}
