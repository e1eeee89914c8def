// A form's buttons: save (the form's submit) and cancel.
import { useTranslation } from 'react-i18next';

export function FormActions({ save, onCancel, busy }: { save?: string; onCancel(): void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {save ?? t('save')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
