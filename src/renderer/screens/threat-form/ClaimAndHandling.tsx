// The false claim and the verified facts; then how the threat is being handled (status, related threats,
// DISARM techniques, and the context that changes the need to speak).
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../shared/domain/enums';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import type { ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';
import { controlId } from './form-model';

const CONTEXT = ['debunkedByPartner', 'investigationSensitive', 'nationalSecurityImplications'] as const;

export function ClaimAndHandling({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation(['threat', 'enums']);
  const { values, set, error } = form;
  const area = (key: 'falseClaim' | 'facts' | 'partnerActions', hint: string) => (
    <TextField
      id={controlId(key)}
      label={t(key === 'partnerActions' ? 'fields.partnerActions' : `fields.${key}`)}
      rows={3}
      hint={hint}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={error(key)}
    />
  );
  return (
    <>
      <FormSection title={t('sections.claim')}>
        {area('falseClaim', t('hints.falseClaim'))}
        {area('facts', t('hints.onePerLine'))}
        {area('partnerActions', t('hints.onePerLine'))}
      </FormSection>
      <FormSection title={t('sections.handling')}>
        <SelectField
          id={controlId('status')}
          label={t('fields.status')}
          hint={t('hints.status')}
          placeholder={t('form.choose')}
          value={values.status}
          onChange={(v) => set('status', v as typeof values.status)}
          options={STATUSES.map((v) => ({ value: v, label: t(`enums:status.${v}`) }))}
          error={error('status')}
        />
        <TextField
          id={controlId('relatedIds')}
          label={t('fields.related')}
          hint={t('hints.commaList')}
          value={values.relatedIds}
          onChange={(v) => set('relatedIds', v)}
          error={error('relatedIds')}
        />
        <TextField
          id={controlId('disarmTechniques')}
          label={t('fields.disarm')}
          hint={t('hints.disarm')}
          value={values.disarmTechniques}
          onChange={(v) => set('disarmTechniques', v)}
          error={error('disarmTechniques')}
        />
        <fieldset className="checkbox-group">
          <legend>{t('fields.context')}</legend>
          {CONTEXT.map((k, i) => (
            <label key={k}>
              <input
                type="checkbox"
                id={i === 0 ? controlId('debunkedByPartner') : undefined}
                checked={values[k]}
                onChange={(e) => set(k, e.target.checked)}
              />
              {t(`context.${k}`)}
            </label>
          ))}
        </fieldset>
      </FormSection>
    </>
  );
}
