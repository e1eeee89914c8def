// "Leave without saving?": the app's own dialog, shown when someone moves away from unsaved changes.
// Staying is first and takes the focus: nothing is lost by pressing Enter.
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { ConfirmDialog } from './ConfirmDialog';

export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingRoute);
  const confirmLeave = useStore((s) => s.confirmLeave);
  const cancelLeave = useStore((s) => s.cancelLeave);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title={t('leave.title')}
      description={t('leave.body')}
      cancel={t('leave.stay')}
      confirm={t('leave.discard')}
      onCancel={cancelLeave}
      onConfirm={confirmLeave}
      testId="leave-confirm"
    />
  );
}
