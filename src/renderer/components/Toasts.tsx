// Messages in a polite live region, with their action (e.g. Undo) reachable by keyboard.
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone ?? 'info'}`}>
          <span>{t(toast.message.key, toast.message.values)}</span>
          {toast.action ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                dismiss(toast.id);
                void toast.action!.run();
              }}
            >
              {t(toast.action.label.key, toast.action.label.values)}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={t('dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
