// A form's buttons: save (the form's submit, held while `busy`) and, when the form offers one, the other way
// out (cancel, unless it says otherwise).
import { useTranslation } from 'react-i18next';

export function FormActions({
  save,
  onCancel,
  cancel,
  busy,
}: {
  save?: string;
  onCancel?(): void;
  cancel?: string;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {save ?? t('save')}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {cancel ?? t('cancel')}
        </button>
      ) : null}
    </div>
  );
}
