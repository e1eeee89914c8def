// The "Timeline" tab of the threat panel: what happened, in order (first seen, assessments, decisions,
// the statement's release, partner contacts, outcome observations), the reach over time with the release
// marked, and a short form to record what is observed now.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TRENDS, type Trend } from '../../../shared/domain/enums';
import {
  MEDIA_PICKUP,
  PLATFORM_ACTIONS,
  type MediaPickup,
  type PlatformAction,
  type ThreatTimeline,
  type TimelineEvent,
} from '../../../shared/domain/outcomes';
import type { ThreatDetail } from '../../../shared/domain/threat-log';
import { api, serviceErrorText } from '../../api/bridge';
import { problemText } from '../../components/form/problems';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { ReachChart } from './ReachChart';
import './outcomes.css';

function useTimeline(threatId: string, version: number) {
  const [timeline, setTimeline] = useState<ThreatTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
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
  }, [threatId, version, asked]);
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

function OutcomeForm({ threatId, onSaved }: { threatId: string; onSaved(): void }) {
  const { t } = useTranslation('outcomes');
  const id = useId();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [breakout, setBreakout] = useState(2);
  const [audience, setAudience] = useState('');
  const [trend, setTrend] = useState<Trend>('stable');
  const [spreading, setSpreading] = useState<'' | 'yes' | 'no'>('');
  const [actions, setActions] = useState<PlatformAction[]>([]);
  const [media, setMedia] = useState<'' | MediaPickup>('');
  const [feedback, setFeedback] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.outcomes.add({
      threatId,
      outcome: {
        date,
        reach: { breakout, trend, ...(audience.trim() ? { estimatedAudience: Number(audience) } : {}) },
        ...(spreading ? { stillSpreading: spreading === 'yes' } : {}),
        ...(actions.length ? { platformActions: actions } : {}),
        ...(media ? { mediaPickup: media } : {}),
        ...(feedback.trim() ? { partnerFeedback: feedback.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    setBusy(false);
    if (!r.ok) {
      setError(
        serviceErrorText(r.error) +
          (r.error.problems?.length
            ? ` (${r.error.problems.map((p) => `${p.where}: ${problemText(p, t)}`).join('; ')})`
            : ''),
      );
      return;
    }
    setNote('');
    setFeedback('');
    onSaved();
  }

  return (
    <form
      className="form-section outcome-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('form.title')}</h3>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="outcome-form__grid">
        <label>
          {t('form.date')}
          <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('form.breakout')}
          <select value={breakout} onChange={(e) => setBreakout(Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.audience')}
          <input
            type="number"
            min={0}
            step={1}
            value={audience}
            onChange={(e) => setAudience(e.target.value)}
          />
        </label>
        <label>
          {t('form.trend')}
          <select value={trend} onChange={(e) => setTrend(e.target.value as Trend)}>
            {TRENDS.map((v) => (
              <option key={v} value={v}>
                {t(`trend.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.spreading')}
          <select value={spreading} onChange={(e) => setSpreading(e.target.value as '' | 'yes' | 'no')}>
            <option value="">{t('form.unknown')}</option>
            <option value="yes">{t('form.yes')}</option>
            <option value="no">{t('form.no')}</option>
          </select>
        </label>
        <label>
          {t('form.media')}
          <select value={media} onChange={(e) => setMedia(e.target.value as '' | MediaPickup)}>
            <option value="">{t('form.unknown')}</option>
            {MEDIA_PICKUP.map((v) => (
              <option key={v} value={v}>
                {t(`media.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="outcome-form__actions">
        <legend>{t('form.platforms')}</legend>
        {PLATFORM_ACTIONS.map((a) => (
          <label key={a} className="checkbox">
            <input
              type="checkbox"
              checked={actions.includes(a)}
              onChange={(e) =>
                setActions(e.target.checked ? [...actions, a] : actions.filter((x) => x !== a))
              }
            />
            {t(`platform.${a}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('form.feedback')}
        <input type="text" value={feedback} onChange={(e) => setFeedback(e.target.value)} />
      </label>
      <label>
        {t('form.note')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('form.submit')}
      </button>
    </form>
  );
}

export function OutcomesTab({ detail }: { detail: ThreatDetail }) {
  const { t } = useTranslation('outcomes');
  const threatId = detail.threat.id;
  const { timeline, error, reload } = useTimeline(threatId, detail.meta.version);
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
          </li>
        ))}
      </ol>
      {detail.meta.deletedAt ? null : <OutcomeForm threatId={threatId} onSaved={reload} />}
    </div>
  );
}
