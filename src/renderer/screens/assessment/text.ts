// Numbers of an assessment in words, in the interface language.
import type { TFunction } from 'i18next';

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
