// The critical window around voting, and the gates: principles that cap the level whatever the score.
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField';
import { NumberField } from '../../components/form/NumberField';
import type { Policy } from '../../../shared/domain/policy';
import { PolicyWordsText, policyDescription } from '../assessment/policy-text';
import type { PolicyEdit } from './policy-edit';
import { PolicyDescription } from './PolicyDescription';

type WindowKey = Exclude<keyof Policy['criticalWindow'], 'description'>;
const WINDOW: [WindowKey, string][] = [
  ['daysBeforeAdvanceVoting', 'policy.daysBeforeAdvance'],
  ['daysBeforePollingDayIfNoAdvanceVoting', 'policy.daysBeforePolling'],
  ['daysAfterPollingDayIfNoCertification', 'policy.daysAfterPolling'],
];

type GateKey = Exclude<keyof Policy['gates'], 'description'>;
const GATES: [GateKey, string, string][] = [
  ['domesticPoliticalDebate', 'gate.domestic-political-debate', 'gate-domestic'],
  ['containedItem', 'gate.contained-item', 'gate-contained'],
  ['lowConfidenceAttribution', 'gate.low-confidence-attribution', 'gate-low-confidence'],
];

export function WindowAndGates({ draft, edit }: PolicyEdit) {
  const { t } = useTranslation('assessment');
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('policy.criticalWindow')}</legend>
        <PolicyDescription path="criticalWindow" text={draft.criticalWindow.description} />
        {WINDOW.map(([key, label]) => (
          <NumberField
            key={key}
            label={t(label)}
            hint={
              <PolicyWordsText
                words={policyDescription(`criticalWindow.${key}`, draft.criticalWindow[key].description, t)}
              />
            }
            value={draft.criticalWindow[key].value}
            min={0}
            max={366}
            step={1}
            onChange={(v) => edit((p) => void (p.criticalWindow[key].value = v))}
          />
        ))}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('policy.gates')}</legend>
        <PolicyDescription path="gates" text={draft.gates.description} />
        {GATES.map(([key, label, testId]) => (
          <CheckboxField
            key={key}
            label={t(label)}
            hint={
              <PolicyWordsText words={policyDescription(`gates.${key}`, draft.gates[key].description, t)} />
            }
            checked={draft.gates[key].enabled}
            onChange={(v) => edit((p) => void (p.gates[key].enabled = v))}
            testId={testId}
          />
        ))}
      </fieldset>
    </>
  );
}
