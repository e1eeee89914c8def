// The report's charts as SVG (pure functions: data and labels in, SVG text out), drawn for print: plain
// shapes, high contrast, a title and axis labels in the document's language, values written on the bars so
// that nothing depends on colour alone. render-png.ts turns them into the images the Word document embeds.
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const INK = '#1F2937';
const GRID = '#D1D5DB';
const ACCENT = '#1F3864';
const LIGHT = '#9DB3D6';

export const CHART_SIZE = { width: 900, height: 420 } as const;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function text(
  x: number,
  y: number,
  s: string,
  opts: { size?: number; anchor?: string; weight?: string; fill?: string } = {},
) {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${opts.size ?? 16}" fill="${opts.fill ?? INK}" text-anchor="${opts.anchor ?? 'start'}"${opts.weight ? ` font-weight="${opts.weight}"` : ''}>${esc(s)}</text>`;
}

function frame(title: string, body: string): string {
  const { width, height } = CHART_SIZE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>` +
    text(24, 34, title, { size: 22, weight: 'bold' }) +
    body +
    '</svg>'
  );
}

/** Where a vertical bar chart draws its bars, in pixels. */
interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The value axis: a grid line with its value every `step` from 0 to `max`, and the axis' name, upright. */
function valueAxis(p: Plot, y: (v: number) => number, max: number, step: number, label: string): string {
  let s = '';
  for (let v = 0; v <= max; v += step)
    s +=
      `<line x1="${p.left}" x2="${p.right}" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}"/>` +
      text(p.left - 8, y(v) + 5, String(v), { anchor: 'end', size: 14 });
  return (
    s +
    text(18, (p.top + p.bottom) / 2, label, { size: 14, anchor: 'middle' }).replace(
      '<text ',
      `<text transform="rotate(-90 18 ${(p.top + p.bottom) / 2})" `,
    )
  );
}

/** A bar standing on the baseline, up to `y`. */
function bar(p: Plot, x: number, y: number, width: number, fill: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${(p.bottom - y).toFixed(1)}" fill="${fill}"/>`;
}

function baseline(p: Plot): string {
  return `<line x1="${p.left}" x2="${p.right}" y1="${p.bottom}" y2="${p.bottom}" stroke="${INK}"/>`;
}

/** A round step for an axis running to at least `max`: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number, ticks = 5): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return Math.max(1, step);
}

export interface BarsOverTime {
  title: string;
  /** Label of each bar (a day, a week). */
  labels: string[];
  counts: number[];
  /** Index of the bar holding polling day, marked. */
  marker?: { index: number; label: string } | undefined;
  yLabel: string;
}

/** Vertical bars over time with a marked bar (polling day). */
export function barsOverTimeSvg(c: BarsOverTime): string {
  const plot: Plot = { left: 70, right: CHART_SIZE.width - 24, top: 70, bottom: CHART_SIZE.height - 70 };
  const { left, right, top, bottom } = plot;
  const max = Math.max(1, ...c.counts);
  const step = niceStep(max);
  const top_ = Math.ceil(max / step) * step;
  const y = (v: number) => bottom - (v / top_) * (bottom - top);
  const n = Math.max(1, c.counts.length);
  const slot = (right - left) / n;
  const barW = Math.max(2, slot * 0.7);
  let body = valueAxis(plot, y, top_, step, c.yLabel);
  const every = Math.ceil(n / 8);
  c.counts.forEach((count, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const marked = c.marker?.index === i;
    body += bar(plot, x, y(count), barW, marked ? ACCENT : LIGHT);
    if (count > 0 && barW >= 14)
      body += text(x + barW / 2, y(count) - 5, String(count), { anchor: 'middle', size: 13 });
    if (i % every === 0)
      body += text(x + barW / 2, bottom + 22, c.labels[i] ?? '', { anchor: 'middle', size: 13 });
  });
  if (c.marker) {
    const x = left + c.marker.index * slot + slot / 2;
    body += `<line x1="${x}" x2="${x}" y1="${top - 10}" y2="${bottom}" stroke="${ACCENT}" stroke-width="2" stroke-dasharray="6 4"/>`;
    body += text(Math.min(x + 6, right - 4), top - 14, c.marker.label, {
      size: 14,
      weight: 'bold',
      anchor: x > right - 160 ? 'end' : 'start',
    });
  }
  body += baseline(plot);
  return frame(c.title, body);
}

export interface HorizontalBars {
  title: string;
  rows: { label: string; value: number }[];
}

/** Horizontal bars, one per row, the value written after each. */
export function horizontalBarsSvg(c: HorizontalBars): string {
  const left = 300;
  const right = CHART_SIZE.width - 90;
  const top = 70;
  const rowH = Math.min(60, (CHART_SIZE.height - top - 20) / Math.max(1, c.rows.length));
  const max = Math.max(1, ...c.rows.map((r) => r.value));
  let body = '';
  c.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const w = (r.value / max) * (right - left);
    body += text(left - 12, y + rowH / 2 + 6, r.label, { anchor: 'end' });
    body += `<rect x="${left}" y="${(y + rowH * 0.15).toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${(rowH * 0.7).toFixed(1)}" fill="${ACCENT}"/>`;
    body += text(left + w + 8, y + rowH / 2 + 6, String(r.value), { weight: 'bold' });
  });
  return frame(c.title, body);
}

export interface PairedBars {
  title: string;
  /** One group per threat: its label, and the value before and after. */
  groups: { label: string; before: number; after: number }[];
  legend: { before: string; after: string };
  yLabel: string;
  /** The axis' maximum (6 for the Breakout Scale). */
  max: number;
}

/** Two bars per group (before, after a response), on a fixed scale, with a legend. */
export function pairedBarsSvg(c: PairedBars): string {
  const plot: Plot = { left: 70, right: CHART_SIZE.width - 24, top: 80, bottom: CHART_SIZE.height - 80 };
  const { left, right, top, bottom } = plot;
  const y = (v: number) => bottom - (v / c.max) * (bottom - top);
  const n = Math.max(1, c.groups.length);
  const slot = (right - left) / n;
  const barW = Math.min(40, slot * 0.32);
  let body = valueAxis(plot, y, c.max, 1, c.yLabel);
  c.groups.forEach((g, i) => {
    const mid = left + i * slot + slot / 2;
    for (const [value, x, fill] of [
      [g.before, mid - barW - 2, LIGHT],
      [g.after, mid + 2, ACCENT],
    ] as const) {
      body += bar(plot, x, y(value), barW, fill);
      body += text(x + barW / 2, y(value) - 5, String(value), { anchor: 'middle', size: 13 });
    }
    body += text(mid, bottom + 22, g.label, { anchor: 'middle', size: 13 });
  });
  body += baseline(plot);
  const ly = CHART_SIZE.height - 24;
  body +=
    `<rect x="${left}" y="${ly - 13}" width="16" height="16" fill="${LIGHT}"/>` +
    text(left + 24, ly, c.legend.before, { size: 14 });
  body +=
    `<rect x="${left + 300}" y="${ly - 13}" width="16" height="16" fill="${ACCENT}"/>` +
    text(left + 324, ly, c.legend.after, { size: 14 });
  return frame(c.title, body);
}
