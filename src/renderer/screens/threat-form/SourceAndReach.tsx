// Who is behind it (each kind of actor with a short description, so that a foreign state and a foreign proxy
// are not confused) and how far it has spread.
import { useTranslation } from 'react-i18next';
import { ACTORS, BREAKOUT_CATEGORIES, CONFIDENCES, TRENDS } from '../../../shared/domain/enums';
import { ChoiceGroup } from '../../components/form/ChoiceGroup';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { bindField, type ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';

export function SourceAndReach({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation(['threat', 'enums']);
  return (
    <>
      <FormSection title={t('sections.source')}>
        <ChoiceGroup
          {...bindField(form, 'actor')}
          legend={t('fields.actor')}
          required
          stacked
          choices={ACTORS.map((a) => ({
            value: a,
            label: t(`enums:actor.${a}`),
            description: t(`describe.actor.${a}`),
          }))}
        />
        <TextField {...bindField(form, 'sourceName')} label={t('fields.sourceName')} />
        <ChoiceGroup
          {...bindField(form, 'confidence')}
          legend={t('fields.confidence')}
          required
          choices={CONFIDENCES.map((c) => ({ value: c, label: t(`enums:confidence.${c}`) }))}
        />
      </FormSection>
      <FormSection title={t('sections.reach')}>
        <ChoiceGroup
          {...bindField(form, 'breakout')}
          legend={t('fields.breakout')}
          required
          stacked
          choices={BREAKOUT_CATEGORIES.map((b) => ({ value: String(b), label: t(`enums:breakout.${b}`) }))}
        />
        <TextField
          {...bindField(form, 'audience')}
          label={t('fields.audience')}
          hint={t('hints.audience')}
          inputMode="numeric"
        />
        <SelectField
          {...bindField(form, 'trend')}
          label={t('fields.trend')}
          placeholder={t('form.choose')}
          options={TRENDS.map((v) => ({ value: v, label: t(`enums:trend.${v}`) }))}
        />
      </FormSection>
    </>
  );
}
