// The score as a horizontal stacked bar of factor points on a 0–100 axis, with the two thresholds marked
// and labelled. Plain SVG laid out in percentages (so that text keeps its size at any width) with text
// labels; the SVG carries a one-sentence summary for screen readers, and the legend and the factor table
// beside it are its text alternative.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { factorName } from './policy-text';

const HEIGHT = 132;
const BAR_Y = 44;
const BAR_H = 36;
/** Distinct, dark enough for white text (contrast ≥ 4.5:1). */
export const FACTOR_COLOURS = [
  '#1d3f6e',
  '#0b6e69',
  '#7a4d00',
  '#5b3a91',
  '#8c1c13',
  '#3d4a57',
  '#2e6b1f',
  '#6b2d5c',
];

const pct = (score: number): number => Math.max(0, Math.min(100, score));
const at = (score: number): string => `${pct(score)}%`;
const anchor = (score: number): 'start' | 'middle' | 'end' =>
  score > 90 ? 'end' : score < 10 ? 'start' : 'middle';

export function ScoreChart({ result }: { result: AssessmentResult }) {
  const { t, i18n } = useTranslation(['assessment', 'enums']);
  const titleId = useId();
  const descId = useId();
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 1 });
  const segments = stack(result.factors);
  const total = segments.at(-1)?.to ?? 0;
  const mitigation = (result.mitigations ?? []).reduce((s, m) => s + m.points, 0);
  // A cluster never scores below its highest member: the difference, when there is one, is shown too.
  const floor =
    result.cluster && result.score - total + mitigation > 0.05 ? result.score + mitigation - total : 0;
  const { engagePrivately, speakPublicly } = result.thresholds;
  const summary = t('chart.summary', {
    score: fmt(result.score),
    level: t(`enums:level.${result.level}`),
    engage: fmt(engagePrivately),
    speak: fmt(speakPublicly),
    factors:
      segments
        .map((s) => t('chart.factorPoints', { label: factorName(s.f, t).text, points: fmt(s.f.points) }))
        .join('; ') || t('chart.noPoints'),
  });

  return (
    <figure className="score-chart" data-testid="score-chart">
      <svg
        width="100%"
        height={HEIGHT}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="score-chart__svg"
      >
        <title id={titleId}>{t('chart.title')}</title>
        <desc id={descId}>{summary}</desc>
        <svg x="1%" width="98%" height={HEIGHT} overflow="visible">
          <rect x="0" y={BAR_Y} width="100%" height={BAR_H} className="score-chart__track" />
          {segments.map((s) => (
            <g key={s.f.id}>
              <rect
                x={at(s.from)}
                y={BAR_Y}
                width={`${Math.max(0, pct(s.to) - pct(s.from))}%`}
                height={BAR_H}
                fill={s.colour}
                data-factor={s.f.id}
              />
              {s.to - s.from >= 6 ? (
                <text
                  x={`${(pct(s.from) + pct(s.to)) / 2}%`}
                  y={BAR_Y + BAR_H / 2 + 5}
                  textAnchor="middle"
                  className="score-chart__segment-label"
                >
                  {fmt(s.f.points)}
                </text>
              ) : null}
            </g>
          ))}
          {floor > 0 ? (
            <rect
              x={at(total)}
              y={BAR_Y}
              width={`${pct(total + floor) - pct(total)}%`}
              height={BAR_H}
              className="score-chart__floor"
            />
          ) : null}
          {mitigation > 0 ? (
            <rect
              x={at(result.score)}
              y={BAR_Y + BAR_H - 8}
              width={`${pct(result.score + mitigation) - pct(result.score)}%`}
              height={8}
              className="score-chart__mitigation"
            />
          ) : null}
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line
                x1={at(tick)}
                x2={at(tick)}
                y1={BAR_Y + BAR_H}
                y2={BAR_Y + BAR_H + 5}
                className="score-chart__tick"
              />
              <text
                x={at(tick)}
                y={BAR_Y + BAR_H + 19}
                textAnchor={tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle'}
                className="score-chart__axis-label"
              >
                {tick}
              </text>
            </g>
          ))}
          {(
            [
              // Two rows, so that the labels never overlap however close the thresholds are.
              ['engage', engagePrivately, t('chart.engageAt', { value: fmt(engagePrivately) }), 28],
              ['speak', speakPublicly, t('chart.speakAt', { value: fmt(speakPublicly) }), 12],
            ] as const
          ).map(([kind, value, label, y]) => (
            <g key={kind} data-threshold={kind}>
              <line
                x1={at(value)}
                x2={at(value)}
                y1={y + 4}
                y2={BAR_Y + BAR_H + 4}
                className={`score-chart__threshold score-chart__threshold--${kind}`}
              />
              <text x={at(value)} y={y} textAnchor={anchor(value)} className="score-chart__threshold-label">
                {label}
              </text>
            </g>
          ))}
          <line
            x1={at(result.score)}
            x2={at(result.score)}
            y1={BAR_Y - 4}
            y2={BAR_Y + BAR_H + 26}
            className="score-chart__marker"
          />
          <text
            x={at(result.score)}
            y={BAR_Y + BAR_H + 40}
            textAnchor={anchor(result.score)}
            className="score-chart__score-label"
          >
            {t('chart.score', { score: fmt(result.score) })}
          </text>
        </svg>
      </svg>
      <figcaption className="score-chart__legend">
        <ul>
          {segments.map((s) => {
            const name = factorName(s.f, t);
            return (
              <li key={s.f.id}>
                <Swatch fill={s.colour} />
                <span lang={name.lang && i18n.language !== name.lang ? name.lang : undefined}>
                  {t('chart.factorPoints', { label: name.text, points: fmt(s.f.points) })}
                </span>
              </li>
            );
          })}
          {floor > 0 ? (
            <li>
              <Swatch className="score-chart__floor" />
              {t('chart.floor', { points: fmt(floor) })}
            </li>
          ) : null}
          {mitigation > 0 ? (
            <li>
              <Swatch className="score-chart__mitigation" />
              {t('chart.mitigations', { points: fmt(mitigation) })}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A legend's colour square (hidden from screen readers: the legend says it in words). */
function Swatch({ fill, className }: { fill?: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 10 10"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
      className="score-chart__swatch"
    >
      <rect width="10" height="10" fill={fill} className={className} />
    </svg>
  );
}

/** The factors that add points, laid end to end from 0, each with its colour. */
function stack(factors: AssessmentResult['factors']) {
  const out: { f: AssessmentResult['factors'][number]; colour: string; from: number; to: number }[] = [];
  factors.forEach((f, i) => {
    if (f.points <= 0) return;
    const from = out.at(-1)?.to ?? 0;
    out.push({
      f,
      colour: FACTOR_COLOURS[i % FACTOR_COLOURS.length] ?? '#1d3f6e',
      from,
      to: from + f.points,
    });
  });
  return out;
}
