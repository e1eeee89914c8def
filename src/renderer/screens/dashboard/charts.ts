// Chart.js, with only the parts the dashboard uses registered (bars, category and linear axes,
// tooltip, legend), a plugin that shades the election's critical window on the timeline, and
// one that paints a white background so that a saved PNG reads on any page.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
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

function windowGeometry(chart: Chart<'bar'>, opts: WindowOptions) {
  const area = chart.chartArea;
  const n = chart.data.labels?.length ?? 0;
  if (opts.start === undefined || opts.end === undefined || !area || n === 0) return null;
  const step = (area.right - area.left) / n;
  return { area, step, left: area.left + opts.start * step, right: area.left + (opts.end + 1) * step };
}

/** Shades the critical window (advance voting → certification) behind the bars, marks polling
 *  day, and writes both labels above the plot, where no bar can cover them. */
export const criticalWindowPlugin: Plugin<'bar', WindowOptions> = {
  id: 'criticalWindow',
  beforeDatasetsDraw(chart, _args, opts) {
    const g = windowGeometry(chart, opts);
    if (!g) return;
    const { area, left, right } = g;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = 'rgba(242, 183, 5, 0.2)';
    ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
    ctx.strokeStyle = '#b88600';
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.strokeRect(left + 0.5, area.top + 0.5, right - left - 1, area.bottom - area.top - 1);
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, opts) {
    const g = windowGeometry(chart, opts);
    if (!g) return;
    const { area, step, left, right } = g;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#5c4200';
    ctx.strokeStyle = '#5c4200';
    ctx.font = `600 12px ${FONT}`;
    ctx.textBaseline = 'bottom';
    const labelY = area.top - 4;
    let pollingX: number | null = null;
    if (opts.polling !== null && opts.polling !== undefined) {
      pollingX = area.left + (opts.polling + 0.5) * step;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(pollingX, area.top);
      ctx.lineTo(pollingX, area.bottom);
      ctx.stroke();
    }
    // The window's name over its left edge; polling day's over its line, unless they would collide.
    const windowText = opts.label ?? '';
    const windowWidth = ctx.measureText(windowText).width;
    if (windowText) ctx.fillText(windowText, left + 2, labelY, Math.max(40, right - left - 4));
    if (pollingX !== null && opts.pollingLabel) {
      const w = ctx.measureText(opts.pollingLabel).width;
      let x = Math.min(Math.max(pollingX - w / 2, area.left), area.right - w);
      if (x < left + 2 + windowWidth + 8) x = left + 2 + windowWidth + 8;
      if (x + w <= chart.width) {
        ctx.font = `700 12px ${FONT}`;
        ctx.fillText(`▼ ${opts.pollingLabel}`.slice(0, 200), x - ctx.measureText('▼ ').width / 2, labelY);
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
  // A few categories side by side: labels on two lines rather than slanted.
  const wrap = !spec.horizontal && !spec.stacked;
  return {
    type: 'bar',
    data: {
      labels: wrap ? spec.labels.map(twoLines) : spec.labels,
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
      layout: { padding: { top: spec.window ? 20 : 4 } },
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
          ticks: {
            color: INK,
            autoSkip: !wrap,
            maxRotation: spec.horizontal || wrap ? 0 : 60,
            font: { family: FONT, size: 12 },
          },
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
        legend: {
          display: spec.stacked,
          position: 'bottom',
          labels: { color: INK, boxWidth: 14, font: { family: FONT, size: 12 } },
        },
        tooltip: { enabled: true },
        criticalWindow: spec.window
          ? {
              start: spec.window.start,
              end: spec.window.end,
              polling: spec.window.polling,
              label: opts.windowLabel,
              pollingLabel: opts.pollingLabel,
            }
          : {},
      } as never,
    },
    plugins: [whiteBackgroundPlugin, criticalWindowPlugin],
  };
}

function twoLines(label: string): string | string[] {
  if (label.length <= 10 || !label.includes(' ')) return label;
  const middle = label.length / 2;
  let cut = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1))
    if (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle)) cut = i;
  return [label.slice(0, cut), label.slice(cut + 1)];
}

/** The chart as a PNG for a briefing: drawn again at twice the resolution, with its title and
 *  what it covers (election, dates) above it. */
export async function chartPng(chart: Chart<'bar'>, title: string, subtitle: string): Promise<Uint8Array> {
  const before = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = 2;
  chart.resize();
  const canvas = chart.canvas;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const pad = Math.round(16 * ratio);
  const out = document.createElement('canvas');
  out.width = canvas.width + pad * 2;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const titleFont = `700 ${Math.round(18 * ratio)}px ${FONT}`;
  const subtitleFont = `400 ${Math.round(13 * ratio)}px ${FONT}`;
  // The subtitle's parts ("election · dates · as of") on as many lines as the width needs.
  ctx.font = subtitleFont;
  const lines: string[] = [];
  for (const part of subtitle.split(' · ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && ctx.measureText(`${last} · ${part}`).width <= out.width - pad * 2)
      lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  const lineHeight = Math.round(18 * ratio);
  const titleHeight = Math.round(30 * ratio) + lines.length * lineHeight + Math.round(8 * ratio);
  out.height = canvas.height + titleHeight + pad * 2;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  ctx.font = titleFont;
  ctx.fillText(title, pad, pad, out.width - pad * 2);
  ctx.fillStyle = MUTED;
  ctx.font = subtitleFont;
  lines.forEach((line, i) =>
    ctx.fillText(line, pad, pad + Math.round(28 * ratio) + i * lineHeight, out.width - pad * 2),
  );
  ctx.drawImage(canvas, pad, pad + titleHeight);
  chart.options.devicePixelRatio = before;
  chart.resize();
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be turned into an image');
  return new Uint8Array(await blob.arrayBuffer());
}
