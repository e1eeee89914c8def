// The figures of "responses and their effect", as pure functions of what was recorded: durations with their
// median and spread, whether reach fell after a response, and the responses still waiting for an outcome.
import type { Level } from '../../shared/domain/enums';
import type { Reach, ResponseEffect, ResponsesData, Spread } from '../../shared/domain/responses';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The value at quantile q of sorted numbers (linear between neighbours, as spreadsheets compute it). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const low = sorted[lo] ?? 0;
  return low + ((sorted[hi] ?? low) - low) * (at - lo);
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Median, quartiles and range of durations in hours (rounded to a tenth). */
export function spread(hours: readonly number[]): Spread {
  const s = [...hours].sort((a, b) => a - b);
  return {
    count: s.length,
    median: round1(quantile(s, 0.5)),
    p25: round1(quantile(s, 0.25)),
    p75: round1(quantile(s, 0.75)),
    min: round1(s[0] ?? null),
    max: round1(s.at(-1) ?? null),
  };
}

/**
 * Whether reach fell between the threat as recorded and the latest observation: a lower Breakout category,
 * or the same category with a smaller audience (when both are known).
 */
export function reachFell(before: Reach, after: Reach): boolean {
  if (after.breakout !== before.breakout) return after.breakout < before.breakout;
  return (
    before.estimatedAudience !== undefined &&
    after.estimatedAudience !== undefined &&
    after.estimatedAudience < before.estimatedAudience
  );
}

/** What is known of one threat's response. */
export interface ResponseFacts {
  threatId: string;
  title: string;
  firstSeen: string;
  level: Level | null;
  reach: Reach;
  /** Marked responded (or closed after a response) on the threat itself. */
  markedResponded: boolean;
  /** Every decision recorded on an assessment of the threat (ISO date-times). */
  decisions: string[];
  /** When the public texts about the threat were approved for release (ISO dates or date-times). */
  releases: string[];
  /** When partner notifications about the threat were approved: partners notified, a response that is not
   *  a release (ISO date-times). */
  partnerNotifications?: string[] | undefined;
  /** Live observations, any order. */
  outcomes: (Reach & { date: string })[];
}

const earliest = (xs: readonly string[]) => (xs.length ? xs.reduce((a, b) => (a < b ? a : b)) : null);

export function responseEffect(f: ResponseFacts): ResponseEffect | null {
  const decidedAt = earliest(f.decisions);
  const releasedOn = earliest(f.releases);
  const partnerNotifiedOn = earliest(f.partnerNotifications ?? []);
  if (!decidedAt && !releasedOn && !partnerNotifiedOn && !f.markedResponded) return null;
  const respondedOn = earliest(
    [decidedAt, releasedOn, partnerNotifiedOn]
      .filter((d): d is string => d !== null)
      .map((d) => d.slice(0, 10)),
  );
  const latest = [...f.outcomes].sort((a, b) => a.date.localeCompare(b.date)).at(-1) ?? null;
  return {
    threatId: f.threatId,
    title: f.title,
    firstSeen: f.firstSeen,
    level: f.level,
    respondedOn,
    decidedAt,
    releasedOn,
    partnerNotifiedOn,
    before: f.reach,
    after: latest,
    effect: latest ? (reachFell(f.reach, latest) ? 'fell' : 'did-not-fall') : 'no-outcome',
  };
}

const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;
const dayStart = (d: string) => (d.length === 10 ? `${d}T00:00:00Z` : d);

/** Every figure of "responses and their effect", as of a day, with the policy's follow-up delay. */
export function responseFigures(
  facts: readonly ResponseFacts[],
  asOf: string,
  followUpDays: number,
): ResponsesData {
  const effects = facts.map(responseEffect).filter((e): e is ResponseEffect => e !== null);
  // A decision recorded before the threat's first sighting is a dating error, not a duration: left out.
  const toDecision = effects.flatMap((e) => {
    const hours = e.decidedAt ? hoursBetween(e.firstSeen, e.decidedAt) : -1;
    return hours >= 0 ? [hours] : [];
  });
  // A release is measured from the decision it followed; a release before any decision is not counted.
  const toRelease = effects.flatMap((e) =>
    e.decidedAt && e.releasedOn && dayStart(e.releasedOn) >= e.decidedAt.slice(0, 10)
      ? [Math.max(0, hoursBetween(e.decidedAt, dayStart(e.releasedOn)))]
      : [],
  );
  const asOfTime = Date.parse(dayStart(asOf));
  const overdue = effects.flatMap((e) => {
    if (e.effect !== 'no-outcome' || !e.respondedOn) return [];
    const days = Math.floor((asOfTime - Date.parse(dayStart(e.respondedOn))) / DAY);
    return days >= followUpDays
      ? [{ threatId: e.threatId, title: e.title, respondedOn: e.respondedOn, days }]
      : [];
  });
  return {
    responded: effects.length,
    firstSeenToDecision: spread(toDecision),
    decisionToRelease: spread(toRelease),
    reach: {
      fell: effects.filter((e) => e.effect === 'fell').length,
      didNotFall: effects.filter((e) => e.effect === 'did-not-fall').length,
      noOutcome: effects.filter((e) => e.effect === 'no-outcome').length,
    },
    overdue: { days: followUpDays, asOf, threats: overdue.sort((a, b) => b.days - a.days) },
    effects,
  };
}
