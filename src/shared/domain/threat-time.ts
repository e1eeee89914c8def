// A threat's first-seen time later than "now" is almost always a mistake in the record (a wrong year, a
// time zone): the threat form and the CLI say so, and a communication plan advises from that date.

/** True when `firstSeen` (an ISO date-time, or a local "YYYY-MM-DDTHH:mm") is later than `now`. */
export function firstSeenInFuture(firstSeen: string | undefined, now: Date): boolean {
  if (!firstSeen) return false;
  const t = Date.parse(firstSeen);
  return Number.isFinite(t) && t > now.getTime();
}
