// What the whole team must know at once: the database is offline while someone restores a backup, and
// that it came back (from which backup, restored by whom), so that nobody saves unaware.
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

export function LiveBanner() {
  const { t } = useTranslation(['sync', 'common']);
  const offline = useStore((s) => s.offline);
  const restored = useStore((s) => s.restoredBy);
  const dismiss = useStore((s) => s.dismissRestored);
  return (
    <div role="status" aria-live="polite" className="live-banner">
      {offline ? (
        <p className="notice notice--warning" data-testid="offline-notice">
          {t('live.offline', { name: offline.by ?? t('live.someone') })}
        </p>
      ) : restored ? (
        <p className="notice notice--warning live-banner__restored" data-testid="restored-notice">
          {t('live.restored', { name: restored.by ?? t('live.someone'), file: restored.from ?? '' })}{' '}
          <button type="button" className="button button--small" onClick={dismiss}>
            {t('common:dismiss')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
