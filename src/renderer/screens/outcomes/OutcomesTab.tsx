// The "Timeline" tab of the threat panel: what happened, in order (first seen, assessments, decisions,
// the statement's release, partner contacts, outcome observations), the reach over time with the release
// marked, and a short form to record what is observed now or to correct an observation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeDetail, ThreatTimeline, TimelineEvent } from '../../../shared/domain/outcomes';
import type { ThreatDetail } from '../../../shared/domain/threat-log';
import { api, serviceErrorText } from '../../api/bridge';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useStore } from '../../store';
import { OutcomeForm } from './OutcomeForm';
import { ReachChart } from './ReachChart';
import './outcomes.css';

function useTimeline(threatId: string, version: number) {
  const [timeline, setTimeline] = useState<ThreatTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  // Someone recorded or corrected an observation (here or in another window): the timeline follows.
  const outcomesTick = useStore((s) => s.liveTicks.outcomes);
  useEffect(() => {
    let current = true;
    void api.outcomes.timeline({ threatId }).then((r) => {
      if (!current) return;
      if (r.ok) setTimeline(r.value);
      else setError(serviceErrorText(r.error));
    });
    return () => {
      current = false;
    };
  }, [threatId, version, asked, outcomesTick]);
  return { timeline, error, reload: () => setAsked((n) => n + 1) };
}

function EventLine({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation(['outcomes', 'enums']);
  switch (e.kind) {
    case 'first-seen':
      return <>{t('event.firstSeen')}</>;
    case 'assessed':
      return <>{t('event.assessed', { level: t(`enums:level.${e.level}`), version: e.policyVersion })}</>;
    case 'decided':
      return (
        <>
          {t('event.decided', { level: t(`enums:level.${e.level}`), by: e.by, role: e.role })}
          {e.level !== e.recommendedLevel
            ? ` ${t('event.differs', { level: t(`enums:level.${e.recommendedLevel}`) })}`
            : ''}
        </>
      );
    case 'released':
      return <>{t('event.released', { title: e.title })}</>;
    case 'partner-notified':
      return <>{t('event.partnerNotified', { title: e.title })}</>;
    case 'partner-contacted':
      return <>{t('event.contacted', { partner: e.partner, by: e.by })}</>;
    case 'outcome':
      return (
        <>
          {t('event.outcome', {
            breakout: e.breakout,
            trend: t(`trend.${e.trend}`),
            audience:
              e.estimatedAudience === undefined
                ? ''
                : t('event.audience', { n: formatNumber(e.estimatedAudience) }),
          })}
          {e.stillSpreading !== undefined
            ? ` ${t(e.stillSpreading ? 'event.spreading' : 'event.notSpreading')}`
            : ''}
          {e.platformActions.length
            ? ` ${t('event.platforms', { actions: e.platformActions.map((a) => t(`platform.${a}`)).join(', ') })}`
            : ''}
          {e.note ? <q className="timeline__note">{e.note}</q> : null}
        </>
      );
  }
}

export function OutcomesTab({ detail }: { detail: ThreatDetail }) {
  const { t } = useTranslation('outcomes');
  const threatId = detail.threat.id;
  const { timeline, error, reload } = useTimeline(threatId, detail.meta.version);
  // The observation being corrected, as opened (with its version).
  const [editing, setEditing] = useState<OutcomeDetail | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  async function edit(outcomeId: string) {
    setOpenError(null);
    const r = await api.outcomes.get({ id: outcomeId });
    if (r.ok) setEditing(r.value);
    else setOpenError(serviceErrorText(r.error));
  }
  const live = !detail.meta.deletedAt;
  if (error)
    return (
      <p className="notice notice--error" role="alert">
        {error}
      </p>
    );
  if (!timeline) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <div className="outcomes-tab" data-testid="outcomes-tab">
      <ReachChart timeline={timeline} />
      <h3>{t('timeline.title')}</h3>
      <ol className="timeline" data-testid="threat-timeline">
        {timeline.events.map((e, i) => (
          <li key={i} className={`timeline__item timeline__item--${e.kind}`}>
            <time dateTime={e.at}>{e.at.length > 10 ? formatDateTime(e.at) : formatDate(e.at)}</time>
            <span>
              <EventLine e={e} />
            </span>
            {e.kind === 'outcome' && live ? (
              <button
                type="button"
                className="button button--small timeline__edit"
                aria-label={t('edit.open', { date: formatDate(e.at) })}
                onClick={() => void edit(e.outcomeId)}
              >
                {t('edit.button')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {openError ? (
        <p className="notice notice--error" role="alert">
          {openError}
        </p>
      ) : null}
      {!live ? null : editing ? (
        <OutcomeForm
          key={editing.outcome.id}
          threatId={threatId}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <OutcomeForm threatId={threatId} onSaved={reload} />
      )}
    </div>
  );
}
