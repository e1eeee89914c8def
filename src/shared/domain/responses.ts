// "Responses and their effect": how fast the people decided and spoke, and whether reach fell after.
// The dashboard and the after-action report show the same figures, from the same function.
import type { Level } from './enums';

/** Median and spread of durations, in hours; nulls when there is nothing to measure. */
export interface Spread {
  count: number;
  median: number | null;
  /** First and third quartiles: the middle half of the cases lies between them. */
  p25: number | null;
  p75: number | null;
  min: number | null;
  max: number | null;
}

export interface Reach {
  breakout: number;
  estimatedAudience?: number | undefined;
}

/** What became of one threat that got a response. */
export interface ResponseEffect {
  threatId: string;
  title: string;
  firstSeen: string;
  level: Level | null;
  /** When the first response was recorded (a decision, a public text's release, partners notified),
   *  YYYY-MM-DD; null when the threat is only marked responded. */
  respondedOn: string | null;
  /** The first decision and the first release of a public text, ISO dates and times. */
  decidedAt: string | null;
  releasedOn: string | null;
  /** The first partner notification approved (not a release: it goes to partners, not the public). */
  partnerNotifiedOn: string | null;
  /** The reach recorded on the threat, and the latest observation's. */
  before: Reach;
  after: (Reach & { date: string }) | null;
  effect: 'fell' | 'did-not-fall' | 'no-outcome';
}

export interface ResponsesData {
  /** Threats that got a response (a decision, a statement released, partners notified, or marked
   *  responded): see approvalsByThreat in src/main/dashboard/responses.ts. */
  responded: number;
  firstSeenToDecision: Spread;
  decisionToRelease: Spread;
  reach: { fell: number; didNotFall: number; noOutcome: number };
  /** Responses with no outcome observation `days` days after (the policy's follow-up setting). */
  overdue: {
    days: number;
    asOf: string;
    threats: { threatId: string; title: string; respondedOn: string; days: number }[];
  };
  effects: ResponseEffect[];
}

const NO_SPREAD: Spread = { count: 0, median: null, p25: null, p75: null, min: null, max: null };

/** Nothing responded to yet. */
export function noResponses(asOf: string, days: number): ResponsesData {
  return {
    responded: 0,
    firstSeenToDecision: NO_SPREAD,
    decisionToRelease: NO_SPREAD,
    reach: { fell: 0, didNotFall: 0, noOutcome: 0 },
    overdue: { days, asOf, threats: [] },
    effects: [],
  };
}
