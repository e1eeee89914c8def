// Turns the engine's structured results into sentences in the UI language. The engine's own one-sentence
// reasons are English; they are shown as they are, marked lang="en" (see EngineText).
import type { TFunction } from 'i18next';
import type { Counterfactual } from '../../../shared/domain/assessment';

const lower = (s: string): string => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** "If attribution confidence were high, the level would be Speak publicly." in the UI language. */
export function counterfactualText(c: Counterfactual, cluster: boolean, t: TFunction): string {
  const to = c.to;
  // The engine says "for every member" of a cluster for each change except Breakout (worded on its own) and the day.
  const every =
    cluster && c.field !== 'daysToPollingDay' && c.field !== 'reach.breakout'
      ? t('assessment:cf.everyMember')
      : '';
  let change: string | null = null;
  switch (c.field) {
    case 'source.confidence':
      change = t('assessment:cf.confidence', { to: lower(t(`enums:confidence.${String(to)}`)) });
      break;
    case 'source.actor':
      change = t('assessment:cf.actor', { to: lower(t(`enums:actor.${String(to)}`)) });
      break;
    case 'reach.breakout':
      change =
        typeof to === 'number'
          ? t('assessment:cf.breakout', { to })
          : t(c.change.includes('higher') ? 'assessment:cf.breakoutHigher' : 'assessment:cf.breakoutLower');
      break;
    case 'reach.trend':
      change = t('assessment:cf.trend', { to: lower(t(`enums:trend.${String(to)}`)) });
      break;
    case 'reach.estimatedAudience': {
      const larger = c.change.includes('larger');
      change = t(larger ? 'assessment:cf.audienceLarger' : 'assessment:cf.audienceSmaller', {
        about:
          typeof to === 'number'
            ? t('assessment:cf.about', { count: to, n: to.toLocaleString(t('assessment:locale')) })
            : '',
      });
      break;
    }
    case 'context.debunkedByPartner':
    case 'context.investigationSensitive':
    case 'context.nationalSecurityImplications':
      change = t(`assessment:cf.${c.field.slice('context.'.length)}.${to === 'true' ? 'yes' : 'no'}`);
      break;
    case 'daysToPollingDay':
      if (typeof to === 'number') {
        change =
          to > 0
            ? t('assessment:cf.daysBefore', { count: to })
            : to === 0
              ? t('assessment:cf.pollingDay')
              : t('assessment:cf.daysAfter', { count: -to });
      }
      break;
  }
  if (change === null) return c.sentence ?? c.change;
  return t('assessment:cf.sentence', { change: `${change}${every}`, level: t(`enums:level.${c.level}`) });
}

/** How far the score is from a threshold, in words. */
export function marginText(
  margin: number,
  threshold: 'engagePrivately' | 'speakPublicly',
  t: TFunction,
): string {
  const level = t(`enums:level.${threshold === 'engagePrivately' ? 'engage-privately' : 'speak-publicly'}`);
  const points = Math.abs(margin).toLocaleString(t('assessment:locale'), { maximumFractionDigits: 1 });
  return t(margin >= 0 ? 'assessment:margin.above' : 'assessment:margin.below', { points, level });
}
