// When to release, from the election calendar, the threats' own dates and how fast they are moving, as of
// the moment the plan is made. Advice is given from the later of "now" and the latest first-seen date, so
// that it never names a moment already past for the threat (a threat first seen after advance voting opened
// is not told to release "before advance voting opens").
import type { ElectionPhase, LocalizedText, Urgency } from '../../../shared/domain/drafting';
import type { Election, Threat } from '../../../shared/domain/workspace';
import { firstSeenInFuture } from '../../../shared/domain/threat-time';
import { addDays, dateOf, daysBetween, formatDate } from '../text/dates';

export interface Timing {
  phase: ElectionPhase;
  urgency: Urgency;
  releaseBy?: string;
  daysToPollingDay?: number;
  text: LocalizedText;
}

/** Days before polling day within which any public statement goes out at once. */
const IMMEDIATE_WINDOW_DAYS = 3;
/** Days after polling day assumed for the count when the election gives no certification date. */
const DEFAULT_COUNT_DAYS = 14;

function phaseOf(election: Election, today: string): ElectionPhase {
  const toPolling = daysBetween(today, election.pollingDay);
  if (toPolling === 0) return 'polling-day';
  if (toPolling < 0) {
    const certified = election.resultsCertified ?? addDays(election.pollingDay, DEFAULT_COUNT_DAYS);
    return daysBetween(today, certified) >= 0 ? 'count' : 'post-election';
  }
  if (election.advanceVotingStart && daysBetween(election.advanceVotingStart, today) >= 0)
    return 'advance-voting';
  if (election.writIssued && daysBetween(today, election.writIssued) > 0) return 'pre-writ';
  return 'campaign';
}

const inDays = (n: number, lang: 'en' | 'fr') =>
  lang === 'fr' ? (n === 1 ? 'demain' : `dans ${n} jours`) : n === 1 ? 'tomorrow' : `in ${n} days`;

/** The day the advice is given from: the plan's date, or the latest first-seen date when that is later. */
export function adviceDay(threats: readonly Threat[], asOf: string): string {
  const today = dateOf(asOf);
  const latestSeen =
    threats
      .map((t) => dateOf(t.time.firstSeen))
      .sort()
      .at(-1) ?? today;
  return latestSeen > today ? latestSeen : today;
}

/** Threats first seen later than the plan's "as of": a data problem the person making the plan should see. */
export function seenInTheFuture(threats: readonly Threat[], asOf: string): Threat[] {
  return threats.filter((t) => firstSeenInFuture(t.time.firstSeen, new Date(asOf)));
}

export function timingOf(threats: readonly Threat[], election: Election | undefined, asOf: string): Timing {
  const today = adviceDay(threats, asOf);
  const growing = threats.some((t) => t.reach.trend === 'growing' && t.reach.breakout >= 3);
  if (!election) {
    return {
      phase: 'unknown',
      urgency: growing ? 'immediate' : 'standard',
      text: growing
        ? { en: 'Immediately: the activity is spreading.', fr: "Immédiatement : l'activité se répand." }
        : {
            en: 'As soon as the text is approved (no election calendar is recorded).',
            fr: "Dès l'approbation du texte (aucun calendrier électoral n'est enregistré).",
          },
    };
  }
  const phase = phaseOf(election, today);
  const days = daysBetween(today, election.pollingDay);
  const polling = { en: formatDate(election.pollingDay, 'en'), fr: formatDate(election.pollingDay, 'fr') };
  const base = { phase, daysToPollingDay: days };
  switch (phase) {
    case 'polling-day':
      return {
        ...base,
        urgency: 'immediate',
        releaseBy: today,
        text: {
          en: 'Immediately: it is polling day; release before the polls close.',
          fr: "Immédiatement : c'est le jour du scrutin; diffuser avant la fermeture des bureaux de vote.",
        },
      };
    case 'count':
    case 'post-election': {
      const certified = election.resultsCertified;
      return {
        ...base,
        urgency: phase === 'count' ? 'immediate' : 'standard',
        ...(phase === 'count' ? { releaseBy: today } : {}),
        text:
          phase === 'count'
            ? {
                en: `Immediately: votes are being counted and results confirmed${certified ? ` (certification on ${formatDate(certified, 'en')})` : ''}.`,
                fr: `Immédiatement : le dépouillement et la confirmation des résultats sont en cours${certified ? ` (certification le ${formatDate(certified, 'fr')})` : ''}.`,
              }
            : {
                en: 'As soon as the text is approved: the election is over, so explain what happened and what was done.',
                fr:
                  "Dès l'approbation du texte : l'élection est terminée; expliquer ce qui s'est passé " +
                  'et ce qui a été fait.',
              },
      };
    }
    case 'advance-voting':
      return {
        ...base,
        urgency: 'immediate',
        releaseBy: today,
        text: {
          en:
            `Immediately: advance voting is under way and polling day is ${inDays(days, 'en')} ` +
            `(${polling.en}).`,
          fr:
            `Immédiatement : le vote par anticipation est en cours et le jour du scrutin est ${inDays(days, 'fr')} ` +
            `(${polling.fr}).`,
        },
      };
    default: {
      if (days <= IMMEDIATE_WINDOW_DAYS)
        return {
          ...base,
          urgency: 'immediate',
          releaseBy: today,
          text: {
            en: `Immediately: polling day is ${inDays(days, 'en')} (${polling.en}).`,
            fr: `Immédiatement : le jour du scrutin est ${inDays(days, 'fr')} (${polling.fr}).`,
          },
        };
      const advance = election.advanceVotingStart;
      if (advance && daysBetween(today, advance) > 0) {
        const toAdvance = daysBetween(today, advance);
        // The day before advance voting opens, but never a day already past.
        const releaseBy = addDays(advance, -1) < today ? today : addDays(advance, -1);
        const now = toAdvance <= 2 || growing;
        return {
          ...base,
          urgency: now ? 'immediate' : 'before-date',
          releaseBy,
          text: {
            en: `${now ? 'Immediately, and in any case b' : 'B'}efore advance voting opens on ${formatDate(advance, 'en')}.`,
            fr:
              `${now ? 'Immédiatement et, au plus tard, a' : 'A'}vant l'ouverture du vote par anticipation ` +
              `le ${formatDate(advance, 'fr')}.`,
          },
        };
      }
      const releaseBy = addDays(election.pollingDay, -IMMEDIATE_WINDOW_DAYS - 1);
      return {
        ...base,
        urgency: growing ? 'immediate' : 'before-date',
        releaseBy,
        text: {
          en:
            `${growing ? 'Immediately, and in any case b' : 'B'}efore ${formatDate(releaseBy, 'en')}, ` +
            `well ahead of polling day on ${polling.en}.`,
          fr:
            `${growing ? 'Immédiatement et, au plus tard, a' : 'A'}vant le ${formatDate(releaseBy, 'fr')}, ` +
            `bien avant le jour du scrutin le ${polling.fr}.`,
        },
      };
    }
  }
}
