// One assessment, explained: the level as a banner (text and colour), the factor chart against the two
// thresholds, the factors and margins, the gates, what would change it, who speaks and whom to engage —
// all in the interface language.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { ChangesSection } from './ChangesSection';
import { FactorsSection } from './FactorsSection';
import { GatesSection, WhoSection } from './GatesAndWho';
import { LevelBanner } from './LevelBanner';
import './assessment.css';

export { LevelBanner };

export function AssessmentView({
  result,
  titles,
  headingLevel = 3,
}: {
  result: AssessmentResult;
  titles?: Record<string, string>;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation(['assessment', 'enums']);
  const H = `h${headingLevel}` as const;
  const days = result.daysToPollingDay;
  const id = useId();
  return (
    <div className="assessment-view" data-testid="assessment-view">
      <LevelBanner result={result} headingLevel={headingLevel} />
      <p className="assessment-view__context muted">
        {t('asOf', {
          date: new Date(result.asOf).toLocaleString(t('locale'), {
            dateStyle: 'medium',
            timeStyle: 'short',
          }),
        })}
        {' · '}
        {days === null || days === undefined
          ? t('timing.noElection')
          : days > 0
            ? t('timing.before', { count: days })
            : days === 0
              ? t('timing.pollingDay')
              : t('timing.after', { count: -days })}
        {result.timingPhase
          ? ` (${t(`phase.${result.timingPhase}`, { defaultValue: result.timingPhase })})`
          : ''}
        {' · '}
        {t('policyVersion', { version: result.policyVersion })}
      </p>
      <FactorsSection result={result} titles={titles} H={H} headingId={`${id}-factors`} />
      <GatesSection result={result} H={H} headingId={`${id}-gates`} />
      <ChangesSection result={result} H={H} headingId={`${id}-changes`} />
      <WhoSection result={result} H={H} headingId={`${id}-who`} />
    </div>
  );
}
