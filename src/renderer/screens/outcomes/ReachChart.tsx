// Reach over time on the Breakout Scale, with the statement's release marked; a sentence says the same for
// screen readers.
import { useTranslation } from 'react-i18next';
import type { ThreatTimeline } from '../../../shared/domain/outcomes';
import { formatDate } from '../../format';
import { REACH_CHART, reachChartModel } from './reach-chart';

export function ReachChart({ timeline }: { timeline: ThreatTimeline }) {
  const { t } = useTranslation('outcomes');
  const m = reachChartModel(timeline);
  if (!m) return null;
  const c = REACH_CHART;
  const first = timeline.reach[0];
  const last = timeline.reach.at(-1);
  const summary = t('chart.summary', {
    from: first?.breakout,
    to: last?.breakout,
    fromDate: formatDate(first?.date),
    toDate: formatDate(last?.date),
    release: timeline.releasedOn
      ? t('chart.releaseOn', { date: formatDate(timeline.releasedOn) })
      : t('chart.noRelease'),
  });
  return (
    <figure className="reach-chart" data-testid="reach-chart">
      <figcaption>{t('chart.title')}</figcaption>
      <svg viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-label={summary}>
        {m.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={c.left} x2={c.width - c.right} y1={tick.y} y2={tick.y} className="reach-chart__grid" />
            <text x={c.left - 6} y={tick.y + 4} textAnchor="end" className="reach-chart__tick">
              {tick.value}
            </text>
          </g>
        ))}
        {m.release ? (
          <g data-testid="reach-chart-release">
            <line
              x1={m.release.x}
              x2={m.release.x}
              y1={c.top - 4}
              y2={c.height - c.bottom}
              className="reach-chart__release"
            />
            <text
              x={m.release.x > c.width / 2 ? m.release.x - 4 : m.release.x + 4}
              y={c.top + 6}
              textAnchor={m.release.x > c.width / 2 ? 'end' : 'start'}
              className="reach-chart__release-label"
            >
              {t('chart.release')}
            </text>
          </g>
        ) : null}
        <polyline points={m.points.map((p) => `${p.x},${p.y}`).join(' ')} className="reach-chart__line" />
        {m.points.map((p, i) => (
          <circle
            key={i}
            cx={p.x}
            cy={p.y}
            r={4}
            className={p.observed ? 'reach-chart__point' : 'reach-chart__point reach-chart__point--recorded'}
          >
            <title>{`${formatDate(p.date)}: Breakout ${p.breakout}`}</title>
          </circle>
        ))}
        <text x={c.left} y={c.height - 6} className="reach-chart__tick">
          {formatDate(m.first)}
        </text>
        <text x={c.width - c.right} y={c.height - 6} textAnchor="end" className="reach-chart__tick">
          {formatDate(m.last)}
        </text>
      </svg>
      <p className="visually-hidden">{summary}</p>
    </figure>
  );
}
