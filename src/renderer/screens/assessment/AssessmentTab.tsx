// The "Should we speak?" tab of the threat panel: the threat assessed now against the policy in force,
// the decision form, and the history of its assessments and decisions.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatDetail } from '../../../shared/domain/threat-log';
import { useStore } from '../../store';
import { subjectKey, type AssessmentSubject } from '../../store/assessment-slice';
import { AssessmentWithDecision } from './AssessmentWithDecision';

export function AssessmentTab({ detail }: { detail: ThreatDetail }) {
  const { t } = useTranslation('assessment');
  const id = detail.threat.id;
  const deleted = Boolean(detail.meta.deletedAt);
  const subject: AssessmentSubject = useMemo(() => ({ threatIds: [id], cluster: false }), [id]);
  const key = subjectKey(subject);
  const result = useStore((s) => (s.assessmentKey === key ? s.assessment : null));
  const error = useStore((s) => (s.assessmentKey === key ? s.assessmentError : null));
  const loadAssessment = useStore((s) => s.loadAssessment);
  const navigate = useStore((s) => s.navigate);

  // Reassess whenever the threat changes (a new version) — the policy may have changed too.
  useEffect(() => {
    if (!deleted) void loadAssessment(subject);
  }, [subject, detail.meta.version, deleted, loadAssessment]);

  if (deleted) return <p className="notice notice--warning">{t('tab.deleted')}</p>;
  return (
    <div className="assessment-tab" data-testid="assessment-tab">
      <AssessmentWithDecision
        subject={subject}
        result={result}
        error={error}
        titles={{ [id]: detail.threat.title }}
      />
      <p>
        <button
          type="button"
          className="button button--link"
          onClick={() => navigate({ screen: 'assess', params: { ids: id } })}
        >
          {t('tab.withOthers')}
        </button>
      </p>
    </div>
  );
}
