// Who the organisation is, and what it covers: regions, platform handles, languages and how to reach it.
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, PARTNER_KINDS } from '../../../shared/domain/partners';
import { PickList } from '../../components/form/PickList';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { languageOptions } from '../../labels/places';
import type { PartnerFormApi } from './partner-form-api';
import { fieldId } from './partner-model';

export function OrganisationFields({ form }: { form: PartnerFormApi }) {
  const { t } = useTranslation('partners');
  const { values, set, error } = form;
  const text = (
    key: 'name' | 'description' | 'regions' | 'handles',
    opts: { hint?: string; rows?: number } = {},
  ) => (
    <TextField
      id={fieldId([key])}
      label={t(`field.${key}`)}
      required={key === 'name'}
      hint={opts.hint}
      rows={opts.rows}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={error(fieldId([key]))}
    />
  );
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('editor.organisation')}</legend>
        <div className="form-section__body">
          {text('name')}
          <SelectField
            id={fieldId(['kind'])}
            label={t('field.kind')}
            value={values.kind}
            onChange={(v) => v && set('kind', v)}
            options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          {text('description', { rows: 3 })}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('editor.coverage')}</legend>
        <div className="form-section__body">
          {text('regions', { hint: t('hint.regions') })}
          {text('handles', { hint: t('hint.handles') })}
          <PickList
            id={fieldId(['languages'])}
            legend={t('field.languages')}
            hint={t('hint.languages')}
            options={languageOptions()}
            value={values.languages}
            onChange={(v) => set('languages', v)}
            otherLabel={t('field.otherLanguages')}
            error={error(fieldId(['languages']))}
          />
          <fieldset className="checkbox-group">
            <legend>{t('field.channels')}</legend>
            <p className="field__hint">{t('hint.channels')}</p>
            {CONTACT_CHANNELS.map((c) => {
              const rank = values.channels.indexOf(c);
              return (
                <label key={c}>
                  <input
                    type="checkbox"
                    checked={rank >= 0}
                    onChange={(e) =>
                      set(
                        'channels',
                        e.target.checked ? [...values.channels, c] : values.channels.filter((x) => x !== c),
                      )
                    }
                  />
                  {t(`channel.${c}`)}
                  {rank >= 0 ? <span className="muted">{t('hint.rank', { n: rank + 1 })}</span> : null}
                </label>
              );
            })}
          </fieldset>
        </div>
      </fieldset>
    </>
  );
}
