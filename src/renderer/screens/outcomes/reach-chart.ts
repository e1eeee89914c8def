// The small reach chart of the threat page, as a pure model: points on a Breakout axis (1 to 6) over time,
// and the x position of the statement's release, so the component only draws.
import type { ThreatTimeline } from '../../../shared/domain/outcomes';

export const REACH_CHART = { width: 360, height: 150, left: 28, right: 12, top: 14, bottom: 26 } as const;

const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 86_400_000;

export interface ReachChartModel {
  points: { x: number; y: number; date: string; breakout: number; observed: boolean }[];
  release: { x: number; date: string } | null;
  yTicks: { y: number; value: number }[];
  first: string;
  last: string;
}

export function reachChartModel(
  timeline: Pick<ThreatTimeline, 'reach' | 'releasedOn'>,
): ReachChartModel | null {
  if (!timeline.reach.length) return null;
  const c = REACH_CHART;
  const dates = [...timeline.reach.map((r) => r.date), ...(timeline.releasedOn ? [timeline.releasedOn] : [])];
  const lo = Math.min(...dates.map(day));
  const hi = Math.max(lo + 1, ...dates.map(day));
  const x = (d: string) => c.left + ((day(d) - lo) / (hi - lo)) * (c.width - c.left - c.right);
  const y = (b: number) => c.top + ((6 - b) / 5) * (c.height - c.top - c.bottom);
  const sorted = [...dates].sort();
  return {
    points: timeline.reach.map((r) => ({
      x: x(r.date),
      y: y(r.breakout),
      date: r.date,
      breakout: r.breakout,
      observed: r.observed,
    })),
    release: timeline.releasedOn ? { x: x(timeline.releasedOn), date: timeline.releasedOn } : null,
    yTicks: [1, 2, 3, 4, 5, 6].map((v) => ({ y: y(v), value: v })),
    first: sorted[0] ?? '',
    last: sorted.at(-1) ?? '',
  };
}
