// What would change it: each single change that moves the level. At the top level, when none would, what
// lowers the score most and which changes together would bring the level down.
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { changeText, counterfactualSentence, loweringSentence } from '../../../shared/i18n/explain';
import { useTranslate } from './engine-text';
import { ExplainSection, type SectionProps } from './ExplainSection';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function ChangesSection({ result, ...section }: SectionProps & { result: AssessmentResult }) {
  const { t } = useTranslation('assessment');
  const tr = useTranslate();
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 1 });
  const lowering = result.lowering;
  return (
    <ExplainSection {...section} title={t('changes.title')} testId="what-would-change">
      {result.counterfactuals.length ? (
        <ul className="assessment-view__changes">
          {result.counterfactuals.map((c, i) => (
            <li key={`${c.field}-${i}`}>{counterfactualSentence(tr, c)}</li>
          ))}
        </ul>
      ) : lowering ? (
        <>
          <p>{t('changes.lowerIntro')}</p>
          {lowering.together ? (
            <p className="assessment-view__together" data-testid="lowering-together">
              {loweringSentence(tr, lowering.together)}{' '}
              <span className="muted">{t('changes.score', { score: fmt(lowering.together.score) })}</span>
            </p>
          ) : (
            <p>{t('changes.noneTogether')}</p>
          )}
          {lowering.single.length ? (
            <>
              <p>{t('changes.lowerMost')}</p>
              <ul className="assessment-view__changes">
                {lowering.single.map((c, i) => (
                  <li key={`${c.field}-${i}`}>
                    {t('changes.lowerOne', {
                      change: capitalise(changeText(tr, c)),
                      score: fmt(c.score),
                      margin: fmt(c.score - result.thresholds.speakPublicly),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('changes.none')}</p>
      )}
    </ExplainSection>
  );
}
