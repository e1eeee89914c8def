// The description of a part of the policy, in the person's language when it is the shipped one.
import { useTranslation } from 'react-i18next';
import { PolicyWordsText, policyDescription } from '../assessment/policy-text';

export function PolicyDescription({ path, text }: { path: string; text: string }) {
  const { t } = useTranslation('assessment');
  return (
    <p className="form-section__hint">
      <PolicyWordsText words={policyDescription(path, text, t)} />
    </p>
  );
}
