// The French version of the public text, which drafts in French use.
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField';
import type { ThreatFormApi } from './form-api';
import { FormSection } from './FormSection';
import { controlId } from './form-model';

const FIELDS = [
  ['frTitle', 0],
  ['frSummary', 3],
  ['frFalseClaim', 3],
  ['frFacts', 3],
] as const;

export function FrenchVersion({ form }: { form: ThreatFormApi }) {
  const { t } = useTranslation('threat');
  const { values, set, error } = form;
  return (
    <FormSection title={t('sections.french')} hint={t('hints.french')}>
      {FIELDS.map(([key, rows]) => (
        <TextField
          key={key}
          id={controlId(key)}
          label={t(`fields.${key}`)}
          lang="fr"
          rows={rows || undefined}
          hint={key === 'frFacts' ? t('hints.onePerLine') : undefined}
          value={values[key]}
          onChange={(v) => set(key, v)}
          error={error(key)}
        />
      ))}
    </FormSection>
  );
}
