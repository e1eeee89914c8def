// "Should we speak?" for a selection of threats assessed as one cluster: choose threats (or confirm a
// suggested cluster), see the assessment, record the decision, and the history of this cluster.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/bridge';
import { ThreatPicker } from '../../components/ThreatPicker';
import { useStore } from '../../store';
import { subjectKey, type AssessmentSubject } from '../../store/assessment-slice';
import { AssessmentWithDecision } from './AssessmentWithDecision';
import { SuggestedClusters } from './SuggestedClusters';
import './assessment.css';

const splitIds = (s: string | undefined): string[] => [
  ...new Set(
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

export function AssessScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('assessment');
  const navigate = useStore((s) => s.navigate);
  const ids = useMemo(() => splitIds(params.ids), [params.ids]);
  // The selection starts from the threats in the address, and again when the address changes.
  const [picked, setPicked] = useState<{ for: string; ids: string[] }>({ for: params.ids ?? '', ids });
  const selected = picked.for === (params.ids ?? '') ? picked.ids : ids;
  const setSelected = (next: string[]) => setPicked({ for: params.ids ?? '', ids: next });
  const subject: AssessmentSubject | null = useMemo(
    () => (ids.length >= 2 ? { threatIds: ids, cluster: true } : null),
    [ids],
  );

  const go = (threatIds: string[]) =>
    navigate({ screen: 'assess', params: threatIds.length ? { ids: threatIds.join(',') } : {} });

  return (
    <section className="screen assess-screen" aria-labelledby="assess-title">
      <div className="screen-header">
        <h1 id="assess-title">{t('screen.title')}</h1>
        <div className="screen-header__actions">
          <button type="button" className="button" onClick={() => navigate({ screen: 'policy' })}>
            {t('screen.openPolicy')}
          </button>
        </div>
      </div>
      <p className="form-section__hint">{t('screen.lead')}</p>
      <div className="assess-screen__layout">
        <div className="assess-screen__pick">
          <SuggestedClusters onAssess={go} />
          <ThreatPicker selected={selected} onChange={setSelected} title={t('picker.title')}>
            <button
              type="button"
              className="button button--primary"
              disabled={selected.length < 2}
              onClick={() => go(selected)}
            >
              {t('picker.assess', { count: selected.length })}
            </button>
          </ThreatPicker>
        </div>
        <div className="assess-screen__result">
          {subject ? <ClusterAssessment subject={subject} /> : <p className="notice">{t('screen.choose')}</p>}
        </div>
      </div>
    </section>
  );
}

function ClusterAssessment({ subject }: { subject: AssessmentSubject }) {
  const { t } = useTranslation('assessment');
  const key = subjectKey(subject);
  const result = useStore((s) => (s.assessmentKey === key ? s.assessment : null));
  const error = useStore((s) => (s.assessmentKey === key ? s.assessmentError : null));
  const loadAssessment = useStore((s) => s.loadAssessment);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A newly chosen cluster: take the reader (and the keyboard focus) to its assessment.
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
    void loadAssessment(subject);
    let live = true;
    void Promise.all(
      subject.threatIds.map((id) =>
        call(api.threats.get({ id })).then(
          (d) => [id, d.threat.title] as const,
          () => [id, id] as const,
        ),
      ),
    ).then((pairs) => {
      if (live) setTitles(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [subject, loadAssessment]);

  return (
    <div data-testid="cluster-assessment">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('screen.clusterTitle', { count: subject.threatIds.length })}
      </h2>
      <AssessmentWithDecision subject={subject} result={result} error={error} titles={titles} />
    </div>
  );
}
