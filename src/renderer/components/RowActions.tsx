// Edit and delete, for one row of a table, each named with the row's name for screen readers.
import { useTranslation } from 'react-i18next';

export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation();
  const actions = [
    { id: 'edit', className: 'button button--small', onClick: onEdit },
    { id: 'delete', className: 'button button--small button--danger', onClick: onDelete },
  ] as const;
  return (
    <div className="data-table__actions">
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className={a.className}
          aria-label={t(`${a.id}Named`, { name })}
          onClick={a.onClick}
        >
          {t(a.id)}
        </button>
      ))}
    </div>
  );
}
