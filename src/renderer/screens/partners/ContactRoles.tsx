// Who to call for each role: a primary contact and a backup (CISA's worksheet), at least one way to reach each.
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField';
import type { PartnerFormApi } from './partner-form-api';
import { emptyRole, fieldId, type PersonValues, type RoleValues } from './partner-model';

const PERSON: [keyof PersonValues, string, string][] = [
  ['name', 'text', 'off'],
  ['affiliation', 'text', 'off'],
  ['phone', 'tel', 'off'],
  ['secureLine', 'text', 'off'],
  ['email', 'email', 'off'],
];

function PersonFields({
  path,
  legend,
  value,
  onChange,
  required,
  error,
}: {
  path: (string | number)[];
  legend: string;
  value: PersonValues;
  onChange(v: PersonValues): void;
  required: boolean;
  error(id: string): string | undefined;
}) {
  const { t } = useTranslation('partners');
  return (
    <fieldset className="partner-person">
      <legend>{legend}</legend>
      <div className="partner-person__grid">
        {PERSON.map(([k, type, autoComplete]) => (
          <TextField
            key={k}
            id={fieldId([...path, k])}
            label={t(`person.${k}`)}
            required={required && k === 'name'}
            type={type}
            autoComplete={autoComplete}
            value={value[k]}
            onChange={(v) => onChange({ ...value, [k]: v })}
            error={error(fieldId([...path, k]))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function ContactRoles({ form }: { form: PartnerFormApi }) {
  const { t } = useTranslation('partners');
  const { values, set, error } = form;
  const update = (i: number, patch: Partial<RoleValues>) =>
    set(
      'roles',
      values.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <fieldset className="form-section">
      <legend>{t('editor.contacts')}</legend>
      <p className="form-section__hint">{t('hint.contacts')}</p>
      {values.roles.map((role, i) => (
        <fieldset key={i} className="partner-role">
          <legend>{t('role.legend', { n: i + 1 })}</legend>
          <TextField
            id={fieldId(['roles', i, 'role'])}
            label={t('role.name')}
            hint={i === 0 ? t('hint.role') : undefined}
            required
            value={role.role}
            onChange={(v) => update(i, { role: v })}
            error={error(fieldId(['roles', i, 'role']))}
          />
          {(['primary', 'backup'] as const).map((which) => (
            <PersonFields
              key={which}
              path={['roles', i, which]}
              legend={t(`role.${which}`)}
              value={role[which]}
              required={which === 'primary'}
              onChange={(p) => update(i, { [which]: p })}
              error={error}
            />
          ))}
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() =>
              set(
                'roles',
                values.roles.filter((_, j) => j !== i),
              )
            }
          >
            {t('role.remove', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => set('roles', [...values.roles, emptyRole()])}>
        {t('role.add')}
      </button>
    </fieldset>
  );
}
