// A question to confirm in the app's own dialog: the safe answer first (it has the focus), the action
// second.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export function ConfirmDialog({
  title,
  description,
  children,
  confirm,
  onConfirm,
  onCancel,
  cancel,
  busy,
  testId,
}: {
  title: string;
  description?: string;
  children?: ReactNode;
  /** The action's label (shown as a dangerous action). */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
  /** The safe answer's label; "Cancel" when absent. */
  cancel?: string;
  busy?: boolean;
  /** On the confirming button. */
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal open onOpenChange={(open) => !open && onCancel()} title={title} description={description}>
      {children}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onCancel}>
          {cancel ?? t('cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={onConfirm}
          data-testid={testId}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
