// One chart: a heading, the picture (a summary for screen readers), the same numbers as a
// table on request, every bar and every cell a way into the filtered log, and a PNG to take away.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatFilter } from '../../../shared/domain/threat-log';
import { formatNumber } from '../../format';
import { saveFile } from '../../transfer';
import { useStore } from '../../store';
import { Chart, chartConfig, chartPng } from './charts';
import type { ChartSpec } from './dashboard-model';

export function ChartCard({
  spec,
  barColours,
  fileStem,
  scope,
  wide,
}: {
  spec: ChartSpec;
  barColours: string[] | null;
  fileStem: string;
  scope: string;
  wide?: boolean;
}) {
  const { t } = useTranslation(['dashboard', 'enums']);
  const openLogFiltered = useStore((s) => s.openLogFiltered);
  const pushToast = useStore((s) => s.pushToast);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'bar'> | null>(null);
  const [asTable, setAsTable] = useState(false);
  const title = t(`chart.${spec.id}.title`);
  const headingId = `chart-${spec.id}-title`;
  const summaryId = `chart-${spec.id}-summary`;

  const go = (filter: Partial<ThreatFilter> | null) => {
    if (filter) openLogFiltered(filter);
  };
  // A click on a bar opens the log filtered to it (an event: the chart need not be rebuilt for it).
  const onBar = useEffectEvent((filter: Partial<ThreatFilter> | null) => go(filter));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const config = chartConfig(spec, {
      windowLabel: t('window'),
      pollingLabel: t('pollingDay'),
      barColours,
      axisLabel: t('threats'),
      onBar: (s, i) => onBar(spec.filterFor(s, i)),
    });
    chartRef.current?.destroy();
    chartRef.current = new Chart(canvas, config);
    return () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [spec, barColours, t]);

  async function exportPng() {
    const chart = chartRef.current;
    if (!chart) return;
    try {
      const png = await chartPng(chart, title, scope);
      const saved = await saveFile(`threshold-${fileStem}-${spec.id}.png`, png, 'image/png');
      if (saved) pushToast({ message: { key: 'dashboard:exported', values: { title } } });
    } catch (err) {
      pushToast({
        tone: 'error',
        message: { key: 'dashboard:exportFailed', values: { message: (err as Error).message } },
      });
    }
  }

  const height = spec.horizontal ? Math.max(180, spec.labels.length * 26 + 60) : 300;

  return (
    <section
      className={`panel-box chart-card${wide ? ' chart-card--wide' : ''}`}
      aria-labelledby={headingId}
      data-testid={`chart-${spec.id}`}
    >
      <div className="chart-card__head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-card__tools">
          <button
            type="button"
            className="button button--small"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {t('showTable')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void exportPng()}
            aria-label={t('exportPngOf', { title })}
          >
            {t('exportPng')}
          </button>
        </div>
      </div>
      <p className="chart-card__hint">{t(`chart.${spec.id}.hint`)}</p>
      <div className="chart-card__canvas" style={{ height }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${title}. ${spec.summary}`}
          aria-describedby={summaryId}
        >
          {spec.summary}
        </canvas>
      </div>
      <p id={summaryId} className="visually-hidden">
        {t('summary.tableHint')}
      </p>
      {asTable ? <ChartTable spec={spec} title={title} onOpen={go} /> : null}
      {spec.others > 0 ? (
        <p className="chart-card__note">
          {t('others', { count: spec.others, formatted: formatNumber(spec.others) })}
        </p>
      ) : null}
    </section>
  );
}

function ChartTable({
  spec,
  title,
  onOpen,
}: {
  spec: ChartSpec;
  title: string;
  onOpen(filter: Partial<ThreatFilter> | null): void;
}) {
  const { t } = useTranslation('dashboard');
  const single = spec.series.length === 1;
  return (
    <div className="chart-card__table">
      <table className="data-table">
        <caption>{t('tableCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">
              {spec.id === 'overTime' ? t('column.period') : t(`chart.${spec.id}.category`)}
            </th>
            {spec.series.map((s) => (
              <th scope="col" key={s.key}>
                {single ? t('threats') : s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, i) => (
            <tr key={i}>
              <th scope="row">{label}</th>
              {spec.series.map((s, si) => {
                const n = s.values[i] ?? 0;
                const filter = spec.filterFor(si, i);
                return (
                  <td key={s.key} className="chart-card__number">
                    {filter ? (
                      <button
                        type="button"
                        className="button button--link"
                        onClick={() => onOpen(filter)}
                        aria-label={t('openInLog', {
                          count: n,
                          label: single ? label : `${label}, ${s.label}`,
                        })}
                      >
                        {formatNumber(n)}
                      </button>
                    ) : (
                      formatNumber(n)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
