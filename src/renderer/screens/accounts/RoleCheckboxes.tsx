// The roles a person holds, as checkboxes (one person may hold several).
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/domain/accounts';

export function RoleCheckboxes({
  value,
  onChange,
  error,
}: {
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('accounts');
  return (
    <fieldset
      className={`role-checkboxes field${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? 'role-checkboxes-error' : undefined}
    >
      <legend className="field__label">{t('rolesLegend')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="role-checkboxes__role">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? ROLES.filter((r) => r === role || value.includes(r))
                  : value.filter((r) => r !== role),
              )
            }
          />{' '}
          <span>
            {t(`roles.${role}`)} <span className="muted">— {t(`roleHints.${role}`)}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id="role-checkboxes-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
