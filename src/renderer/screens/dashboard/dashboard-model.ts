// What each chart shows, as plain data: labels, series, colours, the log filter behind every
// bar, and a sentence that says what the picture says. Pure: no Chart.js, no DOM.
import type { Count, DashboardData, TimeBucket } from '../../../shared/domain/dashboard';
import type { ThreatFilter } from '../../../shared/domain/threat-log';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), distinct in hue. */
export const PALETTE = [
  '#1f5fa8',
  '#c2410c',
  '#2e7d32',
  '#b3261e',
  '#6a3d9a',
  '#8a5a2b',
  '#b0306f',
  '#4b5563',
  '#6b6b00',
  '#0e7490',
  '#1e3a8a',
  '#9a6700',
];
export const LEVEL_COLOURS: Record<string, string> = {
  monitor: '#2563a8',
  'engage-privately': '#b45309',
  'speak-publicly': '#b91c1c',
  unassessed: '#6b7280',
};
export const SINGLE_COLOUR = '#1f5fa8';

export type ChartId = 'overTime' | 'purpose' | 'targetKind' | 'region' | 'channel' | 'level';
export const CHART_IDS: readonly ChartId[] = [
  'overTime',
  'level',
  'purpose',
  'targetKind',
  'region',
  'channel',
];

export interface Series {
  key: string;
  label: string;
  colour: string;
  values: number[];
}

export interface ChartSpec {
  id: ChartId;
  /** Stacked bars over time, or one bar per category. */
  stacked: boolean;
  horizontal: boolean;
  labels: string[];
  series: Series[];
  /** The log filter behind one bar (series, category), or null for a bar with nothing behind it. */
  filterFor(series: number, index: number): Partial<ThreatFilter> | null;
  /** The critical window as category indexes on the timeline. */
  window: { start: number; end: number; polling: number | null } | null;
  summary: string;
  total: number;
  /** Threats counted in categories not shown (regions and channels beyond the first ones). */
  others: number;
}

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export function bucketLabel(
  b: TimeBucket,
  bucket: DashboardData['bucket'],
  locale: string,
  t: Translate,
): string {
  if (bucket === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      day(b.start),
    );
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    day(b.start),
  );
  return bucket === 'week' ? t('weekOf', { date: short }) : short;
}

function rangeOf(d: DashboardData): Partial<ThreatFilter> {
  return { ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}) };
}

function clampRange(b: TimeBucket, d: DashboardData): Partial<ThreatFilter> {
  return { from: d.from && d.from > b.start ? d.from : b.start, to: d.to && d.to < b.end ? d.to : b.end };
}

function topText(labels: string[], values: number[], t: Translate): string {
  const ranked = labels
    .map((label, i) => ({ label, n: values[i] ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  return ranked.length
    ? t('summary.top', { items: ranked.map((x) => `${x.label} (${x.n})`).join(', ') })
    : t('summary.none');
}

function windowIndexes(d: DashboardData): ChartSpec['window'] {
  const c = d.calendar;
  const buckets = d.overTime.buckets;
  if (!c || buckets.length === 0) return null;
  const startDay = c.advanceVotingStart ?? c.pollingDay;
  const endDay = c.resultsCertified ?? c.pollingDay;
  const find = (x: string) => buckets.findIndex((b) => b.start <= x && x <= b.end);
  const first = buckets[0]?.start ?? '';
  const last = buckets.at(-1)?.end ?? '';
  if (endDay < first || startDay > last) return null;
  const start = startDay < first ? 0 : find(startDay);
  const end = endDay > last ? buckets.length - 1 : find(endDay);
  const polling = find(c.pollingDay);
  return { start, end, polling: polling >= 0 ? polling : null };
}

function bars(
  id: ChartId,
  counts: readonly Count[],
  label: (key: string) => string,
  filter: (key: string) => Partial<ThreatFilter>,
  d: DashboardData,
  t: Translate,
  opts: { horizontal: boolean; colours?: (key: string) => string; others?: number },
): ChartSpec {
  const labels = counts.map((c) => label(c.key));
  const values = counts.map((c) => c.count);
  return {
    id,
    stacked: false,
    horizontal: opts.horizontal,
    labels,
    series: [{ key: 'count', label: t('threats'), colour: SINGLE_COLOUR, values }],
    filterFor: (_s, i) => {
      const key = counts[i]?.key;
      return key !== undefined && (values[i] ?? 0) > 0 ? { ...filter(key), ...rangeOf(d) } : null;
    },
    window: null,
    summary: t('summary.bars', {
      chart: t(`chart.${id}.title`),
      top: topText(labels, values, t),
      total: d.total,
    }),
    total: values.reduce((a, b) => a + b, 0),
    others: opts.others ?? 0,
  };
}

/** Per-bar colours for the levels chart (one series, one colour per category). */
export function barColours(spec: ChartSpec, keys: readonly string[]): string[] | null {
  return spec.id === 'level' ? keys.map((k) => LEVEL_COLOURS[k] ?? SINGLE_COLOUR) : null;
}

export function chartSpecs(d: DashboardData, t: Translate, locale: string): Record<ChartId, ChartSpec> {
  const labels = d.overTime.buckets.map((b) => bucketLabel(b, d.bucket, locale, t));
  const series = d.overTime.series.map((s, i) => ({
    key: s.key,
    label: t(`enums:type.${s.key}`),
    colour: PALETTE[i % PALETTE.length] ?? SINGLE_COLOUR,
    values: s.counts,
  }));
  const perBucket = labels.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const win = windowIndexes(d);
  const overTime: ChartSpec = {
    id: 'overTime',
    stacked: true,
    horizontal: false,
    labels,
    series,
    filterFor: (s, i) => {
      const serie = series[s];
      const b = d.overTime.buckets[i];
      if (!serie || !b || (serie.values[i] ?? 0) === 0) return null;
      return { type: [serie.key as NonNullable<ThreatFilter['type']>[number]], ...clampRange(b, d) };
    },
    window: win,
    summary: [
      t('summary.overTime', {
        unit: t(`unit.${d.bucket}`),
        from: labels[0] ?? '',
        to: labels[labels.length - 1] ?? '',
        top: topText(labels, perBucket, t),
        types: series.length,
      }),
      win && d.calendar
        ? t('summary.window', {
            start: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
              day(d.calendar.advanceVotingStart ?? d.calendar.pollingDay),
            ),
            end: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
              day(d.calendar.resultsCertified ?? d.calendar.pollingDay),
            ),
          })
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    total: perBucket.reduce((a, b) => a + b, 0),
    others: 0,
  };
  const level = bars(
    'level',
    d.byLevel,
    (k) => t(`enums:level.${k}`),
    (k) => ({ level: [k as NonNullable<ThreatFilter['level']>[number]] }),
    d,
    t,
    { horizontal: false },
  );
  return {
    overTime,
    level: { ...level, series: level.series.map((s) => ({ ...s, colour: SINGLE_COLOUR })) },
    purpose: bars(
      'purpose',
      d.byPurpose,
      (k) => t(`enums:purpose.${k}`),
      (k) => ({ purpose: [k as NonNullable<ThreatFilter['purpose']>[number]] }),
      d,
      t,
      { horizontal: true },
    ),
    targetKind: bars(
      'targetKind',
      d.byTargetKind,
      (k) => t(`enums:targetKind.${k}`),
      (k) => ({ targetKind: [k as NonNullable<ThreatFilter['targetKind']>[number]] }),
      d,
      t,
      { horizontal: true },
    ),
    region: bars(
      'region',
      d.byRegion.top,
      (k) => k,
      (k) => ({ region: k }),
      d,
      t,
      { horizontal: true, others: d.byRegion.others },
    ),
    channel: bars(
      'channel',
      d.byChannel.top,
      (k) => k,
      (k) => ({ channel: k }),
      d,
      t,
      { horizontal: true, others: d.byChannel.others },
    ),
  };
}

/** The keys behind each category of a chart (for per-bar colours). */
export function categoryKeys(d: DashboardData, id: ChartId): string[] {
  switch (id) {
    case 'level':
      return d.byLevel.map((c) => c.key);
    case 'purpose':
      return d.byPurpose.map((c) => c.key);
    case 'targetKind':
      return d.byTargetKind.map((c) => c.key);
    case 'region':
      return d.byRegion.top.map((c) => c.key);
    case 'channel':
      return d.byChannel.top.map((c) => c.key);
    case 'overTime':
      return d.overTime.buckets.map((b) => b.start);
  }
}
