// An assessment on screen with the decision form under it, or why it could not be made, then the stored
// assessments of the same subject.
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AssessmentSubject } from '../../store/assessment-slice';
import { AssessmentHistory } from './AssessmentHistory';
import { AssessmentView } from './AssessmentView';
import { DecisionForm } from './DecisionForm';

export function AssessmentWithDecision({
  subject,
  result,
  error,
  titles,
}: {
  subject: AssessmentSubject;
  result: AssessmentResult | null;
  error: string | null;
  titles: Record<string, string>;
}) {
  const { t } = useTranslation('assessment');
  return (
    <>
      <ErrorNotice error={error} />
      {result ? (
        <>
          <AssessmentView result={result} titles={titles} />
          {/* A new recommendation (another threat, or the same one reassessed) starts a new decision. */}
          <DecisionForm
            key={`${result.level}:${result.threatIds.join(',')}`}
            subject={subject}
            result={result}
          />
        </>
      ) : !error ? (
        <p className="muted" aria-busy="true">
          {t('loading')}
        </p>
      ) : null}
      <AssessmentHistory />
    </>
  );
}
