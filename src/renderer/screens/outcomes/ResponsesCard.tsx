// The dashboard's "responses and their effect": how long from first seen to decision and from decision to
// release (median and middle half), whether reach fell after a response, and the responses still waiting
// for an outcome after the policy's number of days (set here, saved as a new policy version).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponsesData, Spread } from '../../../shared/domain/responses';
import { FOLLOW_UP_DAYS, outcomesSection } from '../../../shared/domain/policy';
import { api, serviceErrorText } from '../../api/bridge';
import { formatNumber } from '../../format';

function useDuration() {
  const { t } = useTranslation('outcomes');
  return (hours: number | null) => {
    if (hours === null) return '—';
    if (hours < 48) return t('responses.hours', { n: formatNumber(Math.round(hours * 10) / 10) });
    return t('responses.days', { n: formatNumber(Math.round((hours / 24) * 10) / 10) });
  };
}

function SpreadText({ s }: { s: Spread }) {
  const { t } = useTranslation('outcomes');
  const d = useDuration();
  if (!s.count) return <>{t('responses.none')}</>;
  return <>{t('responses.median', { median: d(s.median), p25: d(s.p25), p75: d(s.p75), count: s.count })}</>;
}

function FollowUpSetting({ days, onSaved }: { days: number; onSaved(): void }) {
  const { t } = useTranslation('outcomes');
  const id = useId();
  const [value, setValue] = useState(String(days));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const current = await api.policy.get({});
    if (!current.ok) return setMessage({ ok: false, text: serviceErrorText(current.error) });
    const section = current.value.outcomes ?? outcomesSection();
    const policy = {
      ...current.value,
      outcomes: { ...section, followUpDays: { ...section.followUpDays, value: Number(value) } },
    };
    const saved = await api.policy.save({
      policy,
      note: `Outcome follow-up after ${value} days`,
      expectedVersion: current.value.version,
    });
    if (!saved.ok) return setMessage({ ok: false, text: serviceErrorText(saved.error) });
    setMessage({ ok: true, text: t('responses.saved', { version: saved.value.version }) });
    onSaved();
  }

  return (
    <form className="responses__setting" onSubmit={(e) => void save(e)}>
      <label htmlFor={id}>{t('responses.setting')}</label>
      <input
        id={id}
        type="number"
        min={FOLLOW_UP_DAYS.min}
        max={FOLLOW_UP_DAYS.max}
        step={1}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button button--small">
        {t('responses.save')}
      </button>
      {message ? (
        <span
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'muted' : 'notice notice--error'}
        >
          {message.text}
        </span>
      ) : null}
    </form>
  );
}

export function ResponsesCard({ data, onChanged }: { data: ResponsesData; onChanged(): void }) {
  const { t } = useTranslation('outcomes');
  return (
    <section className="responses" aria-labelledby="responses-title" data-testid="responses-card">
      <h2 id="responses-title">{t('responses.title')}</h2>
      <p>{t('responses.responded', { n: formatNumber(data.responded) })}</p>
      <dl className="responses__figures">
        <dt>{t('responses.toDecision')}</dt>
        <dd>
          <SpreadText s={data.firstSeenToDecision} />
        </dd>
        <dt>{t('responses.toRelease')}</dt>
        <dd>
          <SpreadText s={data.decisionToRelease} />
        </dd>
        <dt>{t('responses.fell')}</dt>
        <dd data-testid="responses-fell">{formatNumber(data.reach.fell)}</dd>
        <dt>{t('responses.notFell')}</dt>
        <dd data-testid="responses-not-fell">{formatNumber(data.reach.didNotFall)}</dd>
        <dt>{t('responses.noOutcome')}</dt>
        <dd>{formatNumber(data.reach.noOutcome)}</dd>
        <dt>{t('responses.overdue', { days: data.overdue.days })}</dt>
        <dd data-testid="responses-overdue">
          {data.overdue.threats.length
            ? data.overdue.threats.map((o) => o.threatId).join(', ')
            : t('responses.overdueNone')}
        </dd>
      </dl>
      <FollowUpSetting days={data.overdue.days} onSaved={onChanged} />
    </section>
  );
}
