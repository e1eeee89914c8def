// The two thresholds that map the score to a level, and the stricter ones for the election period.
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField';
import { NumberField } from '../../components/form/NumberField';
import type { PolicyEdit } from './policy-edit';
import { PolicyDescription } from './PolicyDescription';

export function ThresholdsEditor({ draft, edit }: PolicyEdit) {
  const { t } = useTranslation('assessment');
  const ep = draft.electionPeriodThresholds ?? null;
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('policy.thresholds')}</legend>
        <PolicyDescription path="thresholds" text={draft.thresholds.description} />
        <div className="policy-grid">
          <NumberField
            label={t('policy.engageAt')}
            value={draft.thresholds.engagePrivately}
            min={0}
            max={100}
            testId="threshold-engage"
            onChange={(v) => edit((p) => void (p.thresholds.engagePrivately = v))}
          />
          <NumberField
            label={t('policy.speakAt')}
            value={draft.thresholds.speakPublicly}
            min={0}
            max={100}
            testId="threshold-speak"
            onChange={(v) => edit((p) => void (p.thresholds.speakPublicly = v))}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('policy.electionPeriod')}</legend>
        <CheckboxField
          label={t('policy.electionPeriodOn')}
          hint={ep ? t('policy.electionPeriodDescription') : t('policy.electionPeriodHelp')}
          checked={ep !== null}
          onChange={(on) =>
            edit((p) => {
              p.electionPeriodThresholds = on
                ? {
                    description: t('policy.electionPeriodDescription', { lng: 'en' }),
                    engagePrivately: p.thresholds.engagePrivately,
                    speakPublicly: p.thresholds.speakPublicly,
                  }
                : null;
            })
          }
        />
        {ep ? (
          <div className="policy-grid">
            <NumberField
              label={t('policy.engageAt')}
              value={ep.engagePrivately}
              min={0}
              max={100}
              onChange={(v) =>
                edit((p) => {
                  if (p.electionPeriodThresholds) p.electionPeriodThresholds.engagePrivately = v;
                })
              }
            />
            <NumberField
              label={t('policy.speakAt')}
              value={ep.speakPublicly}
              min={0}
              max={100}
              onChange={(v) =>
                edit((p) => {
                  if (p.electionPeriodThresholds) p.electionPeriodThresholds.speakPublicly = v;
                })
              }
            />
          </div>
        ) : null}
      </fieldset>
    </>
  );
}
