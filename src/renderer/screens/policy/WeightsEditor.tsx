// The most points each factor can add, with the running total (they must add up to 100).
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/form/NumberField';
import { PolicyWordsText, factorName, policyDescription } from '../assessment/policy-text';
import type { PolicyEdit } from './policy-edit';

export function WeightsEditor({ draft, edit }: PolicyEdit) {
  const { t } = useTranslation('assessment');
  const sum =
    Math.round(draft.factors.reduce((s, f) => s + (Number.isFinite(f.weight) ? f.weight : 0), 0) * 1000) /
    1000;
  const bad = Math.abs(sum - 100) > 1e-6;
  return (
    <fieldset className="form-section">
      <legend>{t('policy.weights')}</legend>
      <p className="form-section__hint">{t('policy.weightsHint')}</p>
      {draft.factors.map((f, i) => (
        <NumberField
          key={f.id}
          label={<PolicyWordsText words={factorName(f, t)} />}
          hint={<PolicyWordsText words={policyDescription(`factors.${f.id}`, f.description, t)} />}
          value={f.weight}
          min={0}
          max={100}
          onChange={(v) =>
            edit((p) => {
              const factor = p.factors[i];
              if (factor) factor.weight = v;
            })
          }
          testId={`weight-${f.id}`}
        />
      ))}
      <p className={`weight-sum${bad ? ' weight-sum--bad' : ''}`} aria-live="polite" data-testid="weight-sum">
        {bad ? t('policy.sumBad', { sum }) : t('policy.sumOk', { sum })}
      </p>
    </fieldset>
  );
}
