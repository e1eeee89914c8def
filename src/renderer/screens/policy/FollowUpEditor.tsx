// After a response: the days with no outcome observation before the dashboard lists it (the policy's
// `outcomes.followUpDays`). A policy without the section follows up after the default; editing the value
// writes the section, with its shipped descriptions. A bad value is named at the field as it is typed.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/form/NumberField';
import { fieldErrors } from '../../components/form/problems';
import { FOLLOW_UP_DAYS, outcomesSection, parsePolicy } from '../../../shared/domain/policy';
import { PolicyWordsText, policyDescription } from '../assessment/policy-text';
import type { PolicyEdit } from './policy-edit';
import { PolicyDescription } from './PolicyDescription';

const VALUE_PATH = 'outcomes.followUpDays.value';

export function FollowUpEditor({ draft, edit }: PolicyEdit) {
  const { t } = useTranslation('assessment');
  const section = draft.outcomes ?? outcomesSection();
  // The same check the service makes on save, for this one field.
  const error = useMemo(() => {
    const parsed = parsePolicy(draft);
    return parsed.ok ? undefined : fieldErrors(parsed.problems, t)[VALUE_PATH];
  }, [draft, t]);
  return (
    <fieldset className="form-section">
      <legend>{t('policy.outcomes')}</legend>
      <PolicyDescription path="outcomes" text={section.description} />
      <NumberField
        label={t('policy.followUpDays')}
        hint={
          <PolicyWordsText
            words={policyDescription('outcomes.followUpDays', section.followUpDays.description, t)}
          />
        }
        error={error}
        value={section.followUpDays.value}
        min={FOLLOW_UP_DAYS.min}
        max={FOLLOW_UP_DAYS.max}
        step={1}
        testId="follow-up-days"
        onChange={(v) =>
          edit((p) => {
            p.outcomes = p.outcomes ?? outcomesSection();
            p.outcomes.followUpDays.value = v;
          })
        }
      />
    </fieldset>
  );
}
