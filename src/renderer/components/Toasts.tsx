// Messages in a polite live region, with their action (e.g. Undo) reachable by keyboard.
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import type { Toast } from '../store/toast-slice';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone ?? 'info'}`}>
          <span>{t(toast.message.key, toast.message.values)}</span>
          {toast.action ? <ToastAction id={toast.id} action={toast.action} /> : null}
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

/** The action a message offers (e.g. Undo): it dismisses the message, then runs. */
function ToastAction({ id, action }: { id: number; action: NonNullable<Toast['action']> }) {
  const { t } = useTranslation();
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => {
        dismiss(id);
        void action.run();
      }}
    >
      {t(action.label.key, action.label.values)}
    </button>
  );
}
