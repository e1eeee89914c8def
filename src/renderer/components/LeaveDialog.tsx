// "Leave without saving?": the app's own dialog, shown when someone moves away from unsaved changes.
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { Modal } from './Modal';

export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingRoute);
  const confirmLeave = useStore((s) => s.confirmLeave);
  const cancelLeave = useStore((s) => s.cancelLeave);
  if (!pending) return null;
  return (
    <Modal
      open
      onOpenChange={(open) => !open && cancelLeave()}
      title={t('leave.title')}
      description={t('leave.body')}
    >
      <div className="form-actions" data-testid="leave-dialog">
        {/* Staying is first, and takes the focus: nothing is lost by pressing Enter. */}
        <button type="button" className="button button--primary" onClick={cancelLeave}>
          {t('leave.stay')}
        </button>
        <button type="button" className="button button--danger" onClick={confirmLeave}>
          {t('leave.discard')}
        </button>
      </div>
    </Modal>
  );
}
