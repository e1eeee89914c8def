// Chart.js, with only the parts the dashboard uses registered (bars, category and linear axes,
// tooltip, legend), a plugin that shades the election's critical window on the timeline, and
// one that paints a white background so that a saved PNG reads on any page.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartSpec } from './dashboard-model';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };

const INK = '#1b1f24';
const MUTED = '#4a5360';
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif";

interface WindowOptions {
  start?: number;
  end?: number;
  polling?: number | null;
  label?: string;
  pollingLabel?: string;
}

/** Shades the critical window (advance voting → certification) and marks polling day. */
export const criticalWindowPlugin: Plugin<'bar', WindowOptions> = {
  id: 'criticalWindow',
  beforeDatasetsDraw(chart, _args, opts) {
    if (opts.start === undefined || opts.end === undefined) return;
    const x = chart.scales.x;
    const area = chart.chartArea;
    if (!x || !area) return;
    const n = chart.data.labels?.length ?? 0;
    if (n === 0) return;
    const step = (area.right - area.left) / n;
    const left = area.left + opts.start * step;
    const right = area.left + (opts.end + 1) * step;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = 'rgba(242, 183, 5, 0.2)';
    ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
    ctx.strokeStyle = '#b88600';
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.strokeRect(left + 0.5, area.top + 0.5, right - left - 1, area.bottom - area.top - 1);
    ctx.setLineDash([]);
    ctx.fillStyle = '#5c4200';
    ctx.font = `600 12px ${FONT}`;
    ctx.textBaseline = 'top';
    if (opts.label) ctx.fillText(opts.label, left + 4, area.top + 4, Math.max(40, right - left - 8));
    if (opts.polling !== null && opts.polling !== undefined) {
      const px = area.left + (opts.polling + 0.5) * step;
      ctx.strokeStyle = '#5c4200';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(px, area.top + 20);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      if (opts.pollingLabel) {
        ctx.textAlign = px > area.right - 90 ? 'right' : 'left';
        ctx.fillText(opts.pollingLabel, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + 22);
      }
    }
    ctx.restore();
  },
};

export const whiteBackgroundPlugin: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface BuildOptions {
  windowLabel: string;
  pollingLabel: string;
  /** Per-bar colours (levels chart). */
  barColours?: string[] | null;
  axisLabel: string;
  onBar(series: number, index: number): void;
}

export function chartConfig(spec: ChartSpec, opts: BuildOptions): ChartConfiguration<'bar'> {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: opts.barColours ?? s.colour,
        borderColor: '#ffffff',
        borderWidth: spec.stacked ? 1 : 0,
        maxBarThickness: 48,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font: { family: FONT },
      onClick: (_event, elements) => {
        const el = elements[0];
        if (el) opts.onBar(el.datasetIndex, el.index);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLCanvasElement | undefined;
        if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
      scales: {
        [categoryAxis]: {
          stacked: spec.stacked,
          grid: { display: false },
          ticks: { color: INK, autoSkip: true, maxRotation: spec.horizontal ? 0 : 60, font: { family: FONT, size: 12 } },
        },
        [valueAxis]: {
          stacked: spec.stacked,
          beginAtZero: true,
          ticks: { color: MUTED, precision: 0, font: { family: FONT, size: 12 } },
          grid: { color: '#e5e8ec' },
          title: { display: true, text: opts.axisLabel, color: MUTED, font: { family: FONT, size: 12 } },
        },
      },
      plugins: {
        legend: { display: spec.stacked, position: 'bottom', labels: { color: INK, boxWidth: 14, font: { family: FONT, size: 12 } } },
        tooltip: { enabled: true },
        criticalWindow: spec.window
          ? { start: spec.window.start, end: spec.window.end, polling: spec.window.polling, label: opts.windowLabel, pollingLabel: opts.pollingLabel }
          : {},
      } as never,
    },
    plugins: [whiteBackgroundPlugin, criticalWindowPlugin],
  };
}

/** The chart as a PNG with its title above it, for a briefing. */
export async function chartPng(canvas: HTMLCanvasElement, title: string): Promise<Uint8Array> {
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const pad = Math.round(16 * ratio);
  const titleHeight = Math.round(36 * ratio);
  const out = document.createElement('canvas');
  out.width = canvas.width + pad * 2;
  out.height = canvas.height + titleHeight + pad * 2;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = INK;
  ctx.font = `700 ${Math.round(18 * ratio)}px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad, out.width - pad * 2);
  ctx.drawImage(canvas, pad, pad + titleHeight);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be turned into an image');
  return new Uint8Array(await blob.arrayBuffer());
}
