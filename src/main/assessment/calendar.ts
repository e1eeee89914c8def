// Where a day falls in an election's calendar: outside the election period, in it, in the critical window
// (shortly before advance voting → polling day), on polling day, during the count, or after certification.
// Days are whole UTC days, so that "later" in time never means "earlier" in the calendar.
import type { Election } from '../../shared/domain/workspace';
import type { TimingPhase } from '../../shared/domain/policy';
import type { CompiledPolicy } from './compile';

export const DAY_MS = 86_400_000;

export interface ElectionCalendar {
  polling: number;
  criticalStart: number;
  periodStart: number;
  countEnd: number;
}

export interface TimingInfo {
  phase: TimingPhase;
  /** Polling day minus the reference day; null without an election. */
  daysToPollingDay: number | null;
  /** Writ (or, without one, the critical window) to certification: when election-period thresholds apply. */
  electionPeriod: boolean;
  /** 0 at the opening of the critical window, approaching 1 at polling day. */
  rampFraction: number;
}

/** Day number (days since 1970-01-01 UTC) of an ISO date-time; NaN if unreadable. */
export function dayOfInstant(iso: string): number {
  // UTC instants ("…Z", as the log stores them) fall on the day their first ten characters name:
  // read the digits directly, which is several times cheaper than parsing the whole date-time.
  if (
    iso.length >= 20 &&
    iso.charCodeAt(iso.length - 1) === 90 &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45
  ) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  }
  return Math.floor(Date.parse(iso) / DAY_MS);
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a YYYY-MM-DD date. */
export function dayOfDate(date: string): number {
  return Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

const calendars = new WeakMap<Election, { cp: CompiledPolicy; cal: ElectionCalendar }>();

export function electionCalendar(
  election: Election | undefined,
  cp: CompiledPolicy,
): ElectionCalendar | undefined {
  if (!election) return undefined;
  const hit = calendars.get(election);
  if (hit && hit.cp === cp) return hit.cal;
  const w = cp.criticalWindow;
  const polling = dayOfDate(election.pollingDay);
  const criticalStart = Math.min(
    polling,
    election.advanceVotingStart
      ? dayOfDate(election.advanceVotingStart) - w.beforeAdvance
      : polling - w.beforePollingIfNoAdvance,
  );
  const periodStart = Math.min(
    criticalStart,
    election.writIssued ? dayOfDate(election.writIssued) : criticalStart,
  );
  const countEnd = Math.max(
    polling,
    election.resultsCertified
      ? dayOfDate(election.resultsCertified)
      : polling + w.afterPollingIfNoCertification,
  );
  const cal = { polling, criticalStart, periodStart, countEnd };
  calendars.set(election, { cp, cal });
  return cal;
}

const NO_ELECTION: TimingInfo = {
  phase: 'no-election',
  daysToPollingDay: null,
  electionPeriod: false,
  rampFraction: 0,
};

export function timingAt(day: number, cal: ElectionCalendar | undefined): TimingInfo {
  if (!cal || !Number.isFinite(day)) return NO_ELECTION;
  const d = cal.polling - day;
  const electionPeriod = day >= cal.periodStart && day <= cal.countEnd;
  let phase: TimingPhase;
  let rampFraction = 0;
  if (d === 0) phase = 'polling-day';
  else if (d < 0) phase = day <= cal.countEnd ? 'count' : 'after-certification';
  else if (day >= cal.criticalStart) {
    phase = 'critical-window';
    rampFraction = (day - cal.criticalStart) / (cal.polling - cal.criticalStart);
  } else phase = electionPeriod ? 'election-period' : 'outside-election-period';
  return { phase, daysToPollingDay: d, electionPeriod, rampFraction };
}
