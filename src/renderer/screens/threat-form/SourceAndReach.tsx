// Who is behind it (each kind of actor with a short description, so that a foreign state and a foreign proxy
// are not confused) and how far it has spread.
import { useTranslation } from 'react-i18next';
import { ACTORS, BREAKOUT_CATEGORIES, CONFIDENCES, TRENDS } from '../../../shared/domain/enums';
import { ChoiceGroup } from '../../components/form/ChoiceGroup';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import type { ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';
import { controlId } from './form-model';

export function SourceAndReach({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation(['threat', 'enums']);
  const { values, set, error } = form;
  return (
    <>
      <FormSection title={t('sections.source')}>
        <ChoiceGroup
          id={controlId('actor')}
          legend={t('fields.actor')}
          required
          stacked
          value={values.actor}
          onChange={(v) => set('actor', v)}
          choices={ACTORS.map((a) => ({
            value: a,
            label: t(`enums:actor.${a}`),
            description: t(`describe.actor.${a}`),
          }))}
          error={error('actor')}
        />
        <TextField
          id={controlId('sourceName')}
          label={t('fields.sourceName')}
          value={values.sourceName}
          onChange={(v) => set('sourceName', v)}
          error={error('sourceName')}
        />
        <ChoiceGroup
          id={controlId('confidence')}
          legend={t('fields.confidence')}
          required
          value={values.confidence}
          onChange={(v) => set('confidence', v)}
          choices={CONFIDENCES.map((c) => ({ value: c, label: t(`enums:confidence.${c}`) }))}
          error={error('confidence')}
        />
      </FormSection>
      <FormSection title={t('sections.reach')}>
        <ChoiceGroup
          id={controlId('breakout')}
          legend={t('fields.breakout')}
          required
          stacked
          value={values.breakout}
          onChange={(v) => set('breakout', v)}
          choices={BREAKOUT_CATEGORIES.map((b) => ({ value: String(b), label: t(`enums:breakout.${b}`) }))}
          error={error('breakout')}
        />
        <TextField
          id={controlId('audience')}
          label={t('fields.audience')}
          hint={t('hints.audience')}
          inputMode="numeric"
          value={values.audience}
          onChange={(v) => set('audience', v)}
          error={error('audience')}
        />
        <SelectField
          id={controlId('trend')}
          label={t('fields.trend')}
          placeholder={t('form.choose')}
          value={values.trend}
          onChange={(v) => set('trend', v as typeof values.trend)}
          options={TRENDS.map((v) => ({ value: v, label: t(`enums:trend.${v}`) }))}
          error={error('trend')}
        />
      </FormSection>
    </>
  );
}
