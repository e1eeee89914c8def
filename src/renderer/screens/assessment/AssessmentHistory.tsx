// The stored assessments of a threat (or of a cluster) with the decisions on each; opening one shows it as
// it was: the policy version and the threat versions it used ("what was known then").
import type { Decision } from '../../../shared/domain/decision';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../components/LevelBadge';
import { Modal } from '../../components/Modal';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { ThreatDetails } from '../log/ThreatDetails';
import { AssessmentView } from './AssessmentView';

export function AssessmentHistory() {
  const { t } = useTranslation(['assessment', 'enums']);
  const history = useStore((s) => s.assessmentHistory);
  const open = useStore((s) => s.openAssessmentRecord);
  if (history === null) return <p className="muted">{t('history.loading')}</p>;
  return (
    <section
      className="assessment-history"
      aria-labelledby="assessment-history-title"
      data-testid="assessment-history"
    >
      <h3 id="assessment-history-title">{t('history.title')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="assessment-history__list">
          {history.map((a) => (
            <li key={a.id} className="assessment-history__item" data-testid={`stored-assessment-${a.id}`}>
              <div className="assessment-history__head">
                <strong>{t('history.item', { id: a.id })}</strong> <LevelBadge level={a.level} />
                <span>
                  {t('history.score', {
                    score: a.score.toLocaleString(t('locale'), { maximumFractionDigits: 1 }),
                  })}
                </span>
                <span className="muted">
                  {t('policyVersion', { version: a.policyVersion })} ·{' '}
                  {a.cluster ? t('history.cluster', { count: a.threatIds.length }) : t('history.single')} ·{' '}
                  {formatDateTime(a.createdAt)}
                  {a.createdBy ? ` · ${a.createdBy}` : ''}
                </span>
                <button type="button" className="button button--small" onClick={() => void open(a.id)}>
                  {t('history.open', { id: a.id })}
                </button>
              </div>
              {a.decisions.length ? (
                <ul className="assessment-history__decisions">
                  {a.decisions.map((d) => (
                    <li key={d.id}>
                      <DecisionLine decision={d} withRecommendation />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('history.noDecision')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <AssessmentRecordDialog />
    </section>
  );
}

function AssessmentRecordDialog() {
  const { t } = useTranslation(['assessment', 'enums']);
  const record = useStore((s) => s.assessmentRecord);
  const close = useStore((s) => s.closeAssessmentRecord);
  if (!record) return null;
  const titles = Object.fromEntries(
    record.threatsThen.map((x) => [x.threatId, x.found?.threat.title ?? x.threatId]),
  );
  return (
    <Modal
      open
      onOpenChange={(o) => !o && close()}
      title={t('record.title', { id: record.id })}
      description={t('record.description')}
      wide
    >
      <div data-testid="assessment-record">
        <dl className="record-facts">
          <dt>{t('record.assessedAt')}</dt>
          <dd>
            {formatDateTime(record.createdAt)}
            {record.createdBy
              ? ` · ${record.createdBy}${record.createdRole ? ` (${record.createdRole})` : ''}`
              : ''}
          </dd>
          <dt>{t('record.asOf')}</dt>
          <dd>{formatDateTime(record.asOf)}</dd>
          <dt>{t('record.policy')}</dt>
          <dd data-testid="record-policy">
            {t('policyVersion', { version: record.policyVersion })}
            {record.policyName ? ` — ${record.policyName}` : ''}
          </dd>
        </dl>
        <h3>{t('record.threatsThen')}</h3>
        <ul className="record-threats">
          {record.threatsThen.map((x) => (
            <li key={x.threatId} data-testid={`record-threat-${x.threatId}`}>
              <details>
                <summary>
                  <span className="pill">{x.threatId}</span> {t('record.version', { version: x.version })}
                  {x.currentVersion !== null && x.currentVersion !== x.version
                    ? ` ${t('record.nowVersion', { version: x.currentVersion })}`
                    : ` ${t('record.unchanged')}`}{' '}
                  — {x.found?.threat.title ?? t('record.missing')}
                </summary>
                {x.found ? <ThreatDetails threat={x.found.threat} /> : null}
              </details>
            </li>
          ))}
        </ul>
        {record.decisions.length ? (
          <>
            <h3>{t('record.decisions')}</h3>
            <ul>
              {record.decisions.map((d) => (
                <li key={d.id}>
                  <DecisionLine decision={d} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('record.result')}</h3>
        <AssessmentView result={record.result} titles={titles} headingLevel={4} />
      </div>
    </Modal>
  );
}

/** Who decided what, when; whether it follows the recommendation; and why, as they wrote it. */
function DecisionLine({
  decision: d,
  withRecommendation,
}: {
  decision: Decision;
  withRecommendation?: boolean;
}) {
  const { t } = useTranslation(['assessment', 'enums']);
  return (
    <>
      {t('history.decision', {
        level: t(`enums:level.${d.level}`),
        by: d.decidedBy,
        role: d.role,
        at: formatDateTime(d.decidedAt),
      })}
      {withRecommendation
        ? d.level !== d.recommendedLevel
          ? ` ${t('history.differs', { level: t(`enums:level.${d.recommendedLevel}`) })}`
          : ` ${t('history.follows')}`
        : ''}
      {d.rationale ? (
        <>
          {' '}
          <q className="assessment-history__rationale">
            <bdi>{d.rationale}</bdi>
          </q>
        </>
      ) : null}
    </>
  );
}
