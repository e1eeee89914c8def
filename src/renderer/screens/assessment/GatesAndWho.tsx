// The gates (each applied or not, and why), whether the attribution may be stated, and who speaks and whom
// to engage, with why.
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { Said } from '../../../shared/i18n/explain';
import { EngineText } from './engine-text';
import { ExplainSection, type SectionProps } from './ExplainSection';

export function GatesSection({ result, ...section }: SectionProps & { result: AssessmentResult }) {
  const { t } = useTranslation('assessment');
  return (
    <ExplainSection {...section} title={t('gates.title')}>
      <ul className="gate-list">
        {result.gates.map((g) => (
          <li
            key={g.id}
            className={`gate-list__item${g.applied ? ' gate-list__item--applied' : ''}`}
            data-testid={`gate-${g.id}`}
          >
            <span className={`gate-list__status${g.applied ? ' gate-list__status--applied' : ''}`}>
              {g.applied ? t('gates.applied') : t('gates.notApplied')}
            </span>{' '}
            <strong>{t(`gate.${g.id}`, { defaultValue: g.label })}</strong>
            <br />
            <EngineText text={g.reason as Said} />
          </li>
        ))}
      </ul>
      <p>{result.attributionMayBeStated ? t('attribution.may') : t('attribution.mayNot')}</p>
    </ExplainSection>
  );
}

export function WhoSection({ result, ...section }: SectionProps & { result: AssessmentResult }) {
  const { t } = useTranslation('assessment');
  return (
    <ExplainSection {...section} title={t('who.title')}>
      <p data-testid="spokesperson">
        <strong>{t('who.spokesperson')}</strong>{' '}
        {t(`party.${result.spokesperson.id}`, { defaultValue: result.spokesperson.name })} —{' '}
        <EngineText text={result.spokesperson.reason as Said} />
      </p>
      {result.partners.length ? (
        <>
          <p>
            <strong>{t('who.partners')}</strong>
          </p>
          <ul>
            {result.partners.map((p) => (
              <li key={p.id}>
                {t(`party.${p.id}`, { defaultValue: p.name })} — <EngineText text={p.reason as Said} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ExplainSection>
  );
}
