// The dashboard: the log in pictures for an election and a date range. Loaded on demand
// (React.lazy), so that Chart.js stays out of the main bundle.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BUCKETS, type BucketChoice } from '../../../shared/domain/dashboard';
import { formatDate, formatNumber } from '../../format';
import { uiLocale } from '../../i18n';
import { useStore } from '../../store';
import { ResponsesCard } from '../outcomes/ResponsesCard';
import '../outcomes/outcomes.css';
import { ChartCard } from './ChartCard';
import { barColours, categoryKeys, chartSpecs, CHART_IDS } from './dashboard-model';
import './dashboard.css';

export default function DashboardScreen() {
  const { t } = useTranslation(['dashboard', 'enums']);
  const data = useStore((s) => s.dashboard);
  const error = useStore((s) => s.dashboardError);
  const range = useStore((s) => s.dashboardRange);
  const electionId = useStore((s) => s.electionId);
  const elections = useStore((s) => s.elections);
  const loadDashboard = useStore((s) => s.loadDashboard);
  const setRange = useStore((s) => s.setDashboardRange);
  const ids = { from: useId(), to: useId(), bucket: useId() };

  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard, electionId]);

  const specs = useMemo(() => {
    if (!data) return null;
    const all = chartSpecs(data, t, uiLocale());
    return CHART_IDS.map((id) => ({
      id,
      spec: all[id],
      colours: barColours(all[id], categoryKeys(data, id)),
    }));
    // t changes with the language: labels and dates follow it.
  }, [data, t]);
  const election = elections.find((e) => e.id === electionId);
  const fileStem = `${election?.id ?? 'all'}-${new Date().toISOString().slice(0, 10)}`;
  // What a saved chart covers, printed under its title.
  const scope = [
    election?.name ?? t('allElections'),
    data && data.overTime.buckets.length
      ? `${formatDate(data.from ?? data.overTime.buckets[0]?.start)} – ${formatDate(data.to ?? data.overTime.buckets.at(-1)?.end)}`
      : '',
    t('asOf', { date: formatDate(new Date().toISOString().slice(0, 10)) }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="screen dashboard" aria-labelledby="dashboard-title">
      <div className="screen-header">
        <h1 id="dashboard-title">{t('title')}</h1>
      </div>
      <p className="dashboard__scope">
        {election ? t('scopeElection', { election: election.name }) : t('scopeAll')}
      </p>
      <div className="dashboard__controls" role="group" aria-label={t('controls')}>
        <label htmlFor={ids.from}>{t('from')}</label>
        <input
          id={ids.from}
          type="date"
          value={range.from}
          onChange={(e) => setRange({ from: e.target.value })}
        />
        <label htmlFor={ids.to}>{t('to')}</label>
        <input id={ids.to} type="date" value={range.to} onChange={(e) => setRange({ to: e.target.value })} />
        <label htmlFor={ids.bucket}>{t('bucket')}</label>
        <select
          id={ids.bucket}
          value={range.bucket}
          onChange={(e) => setRange({ bucket: e.target.value as BucketChoice })}
        >
          {BUCKETS.map((b) => (
            <option key={b} value={b}>
              {t(`bucketChoice.${b}`)}
            </option>
          ))}
        </select>
        {range.from || range.to || range.bucket !== 'auto' ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => setRange({ from: '', to: '', bucket: 'auto' })}
          >
            {t('reset')}
          </button>
        ) : null}
      </div>
      <ErrorNotice error={error} />
      {!data || !specs ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <ul className="dashboard__tiles" aria-label={t('tiles')}>
            <li className="dashboard__tile">
              <span className="dashboard__tile-number" data-testid="tile-total">
                {formatNumber(data.total)}
              </span>
              <span>{t('tile.total', { count: data.total })}</span>
            </li>
            <li className="dashboard__tile">
              <span className="dashboard__tile-number">{formatNumber(data.decisionsAwaiting.count)}</span>
              <span>{t('tile.decisions', { count: data.decisionsAwaiting.count })}</span>
              {data.decisionsAwaiting.basis === 'status' ? (
                <span className="dashboard__tile-note">{t('tile.decisionsByStatus')}</span>
              ) : null}
            </li>
            <li className="dashboard__tile">
              <span className="dashboard__tile-number">
                {data.draftsAwaiting === null ? '—' : formatNumber(data.draftsAwaiting)}
              </span>
              <span>{t('tile.drafts', { count: data.draftsAwaiting ?? 0 })}</span>
            </li>
            {data.calendar ? (
              <li className="dashboard__tile dashboard__tile--calendar">
                <span className="dashboard__tile-label">{t('tile.window')}</span>
                <span>
                  {data.calendar.advanceVotingStart
                    ? `${t('advanceVoting')} ${formatDate(data.calendar.advanceVotingStart)} → `
                    : ''}
                  {t('pollingDay')} {formatDate(data.calendar.pollingDay)}
                  {data.calendar.resultsCertified
                    ? ` → ${t('certification')} ${formatDate(data.calendar.resultsCertified)}`
                    : ''}
                </span>
              </li>
            ) : null}
          </ul>
          {data.total === 0 ? <p className="notice">{t('empty')}</p> : null}
          <ResponsesCard data={data.responses} onChanged={() => void loadDashboard()} />
          <div className="dashboard__grid">
            {specs.map(({ id, spec, colours }) => (
              <ChartCard
                key={id}
                spec={spec}
                barColours={colours}
                fileStem={fileStem}
                scope={scope}
                wide={id === 'overTime'}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
