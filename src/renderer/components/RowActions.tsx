// Edit and delete, for one row of a table, each named with the row's name for screen readers.
import { useTranslation } from 'react-i18next';

export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation();
  return (
    <div className="data-table__actions">
      <button
        type="button"
        className="button button--small"
        aria-label={t('editNamed', { name })}
        onClick={onEdit}
      >
        {t('edit')}
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        aria-label={t('deleteNamed', { name })}
        onClick={onDelete}
      >
        {t('delete')}
      </button>
    </div>
  );
}
