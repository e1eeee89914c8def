// One assessment, explained: the level as a banner (text and colour), the factor chart against the two
// thresholds, the factors and margins, the gates, what would change it, who speaks and whom to engage.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { Level } from '../../../shared/domain/enums';
import { ScoreChart } from './ScoreChart';
import { counterfactualText, marginText } from './text';
import './assessment.css';

const LEVEL_SYMBOL: Record<Level, string> = { monitor: '○', 'engage-privately': '◐', 'speak-publicly': '●' };

/** Text written by the engine (English), marked as such when the interface is in another language. */
export function EngineText({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? <>{children}</> : <span lang="en">{children}</span>;
}

export function LevelBanner({
  result,
  headingLevel = 3,
}: {
  result: AssessmentResult;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation(['assessment', 'enums']);
  const H = `h${headingLevel}` as const;
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 1 });
  return (
    <div
      className={`level-banner level-banner--${result.level}`}
      data-testid="level-banner"
      data-level={result.level}
    >
      <span className="level-banner__symbol" aria-hidden="true">
        {LEVEL_SYMBOL[result.level]}
      </span>
      <div>
        <H className="level-banner__title">
          {t('banner.title', { level: t(`enums:level.${result.level}`) })}
        </H>
        <p className="level-banner__meaning">{t(`banner.meaning.${result.level}`)}</p>
        <p className="level-banner__score">
          {t('banner.score', {
            score: fmt(result.score),
            engage: fmt(result.thresholds.engagePrivately),
            speak: fmt(result.thresholds.speakPublicly),
          })}
        </p>
        {result.levelBeforeGates !== result.level ? (
          <p className="level-banner__gated">
            {t('banner.gated', { level: t(`enums:level.${result.levelBeforeGates}`) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

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
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 1 });
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

      <section aria-labelledby={`${id}-factors`}>
        <H id={`${id}-factors`}>{t('factors.title')}</H>
        <ScoreChart result={result} />
        <table className="data-table assessment-view__factors">
          <caption className="visually-hidden">{t('factors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('factors.factor')}</th>
              <th scope="col" className="num">
                {t('factors.points')}
              </th>
              <th scope="col" className="num">
                {t('factors.weight')}
              </th>
              <th scope="col">{t('factors.why')}</th>
            </tr>
          </thead>
          <tbody>
            {result.factors.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.label}</th>
                <td className="num">{fmt(f.points)}</td>
                <td className="num">{fmt(f.weight)}</td>
                <td>
                  <EngineText>{f.reason}</EngineText>
                </td>
              </tr>
            ))}
            {(result.mitigations ?? []).map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <EngineText>{m.label}</EngineText>
                </th>
                <td className="num">−{fmt(m.points)}</td>
                <td className="num">—</td>
                <td>
                  <EngineText>{m.reason}</EngineText>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="assessment-view__margins" aria-label={t('margin.label')}>
          <li>{marginText(result.margins.engagePrivately, 'engagePrivately', t)}</li>
          <li>{marginText(result.margins.speakPublicly, 'speakPublicly', t)}</li>
        </ul>
        {result.cluster && result.memberScores ? (
          <>
            <H>{t('members.title')}</H>
            <ul className="assessment-view__members">
              {result.threatIds.map((tid) => (
                <li key={tid}>
                  <span className="pill">{tid}</span> {titles?.[tid] ?? ''} —{' '}
                  {t('members.alone', { score: fmt(result.memberScores![tid] ?? 0) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-gates`}>
        <H id={`${id}-gates`}>{t('gates.title')}</H>
        <ul className="gate-list">
          {result.gates.map((g) => (
            <li
              key={g.id}
              className={`gate-list__item${g.applied ? ' gate-list__item--applied' : ''}`}
              data-testid={`gate-${g.id}`}
            >
              <span className={`gate-list__status${g.applied ? ' gate-list__status--applied' : ''}`}>
                {g.applied ? t('gates.applied') : t('gates.notApplied')}
              </span>{' '}
              <strong>{t(`gate.${g.id}`, { defaultValue: g.label })}</strong>
              <br />
              <EngineText>{g.reason}</EngineText>
            </li>
          ))}
        </ul>
        <p>{result.attributionMayBeStated ? t('attribution.may') : t('attribution.mayNot')}</p>
      </section>

      <section aria-labelledby={`${id}-changes`}>
        <H id={`${id}-changes`}>{t('changes.title')}</H>
        {result.counterfactuals.length === 0 ? (
          <p>{t('changes.none')}</p>
        ) : (
          <ul className="assessment-view__changes">
            {result.counterfactuals.map((c, i) => (
              <li key={`${c.field}-${i}`}>{counterfactualText(c, result.cluster, t)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-who`}>
        <H id={`${id}-who`}>{t('who.title')}</H>
        <p data-testid="spokesperson">
          <strong>{t('who.spokesperson')}</strong>{' '}
          {t(`party.${result.spokesperson.id}`, { defaultValue: result.spokesperson.name })} —{' '}
          <EngineText>{result.spokesperson.reason}</EngineText>
        </p>
        {result.partners.length ? (
          <>
            <p>
              <strong>{t('who.partners')}</strong>
            </p>
            <ul>
              {result.partners.map((p) => (
                <li key={p.id}>
                  {t(`party.${p.id}`, { defaultValue: p.name })} — <EngineText>{p.reason}</EngineText>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
