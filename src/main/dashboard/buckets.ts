// Time buckets for the dashboard's timeline: pure date arithmetic on UTC days (YYYY-MM-DD),
// the same days the log's date filter uses.
import type { Bucket, BucketChoice, TimeBucket } from '../../shared/domain/dashboard';

const DAY = 86_400_000;
const toDays = (d: string): number => Math.floor(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / DAY);
const fromDays = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
/** At most this many bars on the timeline; a longer range moves to a coarser bucket. */
export const MAX_BUCKETS = 400;

export function addDays(day: string, n: number): string {
  return fromDays(toDays(day) + n);
}

export function daysBetween(a: string, b: string): number {
  return toDays(b) - toDays(a);
}

/** The first day of the bucket a day falls in (weeks start on Monday, ISO 8601). */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === 'day') return day.slice(0, 10);
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const n = toDays(day);
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7; // Monday = 0
  return fromDays(n - weekday);
}

export function bucketEnd(start: string, bucket: Bucket): string {
  if (bucket === 'day') return start;
  if (bucket === 'week') return addDays(start, 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function nextStart(start: string, bucket: Bucket): string {
  return addDays(bucketEnd(start, bucket), 1);
}

/** The bucket for a range: days up to about three months, weeks up to about two years, then months. */
export function chooseBucket(choice: BucketChoice, from: string, to: string): Bucket {
  const span = daysBetween(from, to) + 1;
  const wanted: Bucket = choice !== 'auto' ? choice : span <= 92 ? 'day' : span <= 731 ? 'week' : 'month';
  if (wanted === 'day' && span > MAX_BUCKETS) return span / 7 > MAX_BUCKETS ? 'month' : 'week';
  if (wanted === 'week' && span / 7 > MAX_BUCKETS) return 'month';
  return wanted;
}

/** Every bucket from the one holding `from` to the one holding `to`. */
export function bucketList(from: string, to: string, bucket: Bucket): TimeBucket[] {
  const out: TimeBucket[] = [];
  for (let s = bucketStart(from, bucket); s <= to && out.length < 10_000; s = nextStart(s, bucket))
    out.push({ start: s, end: bucketEnd(s, bucket) });
  return out;
}
