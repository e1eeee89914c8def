// The recommendation as a banner: the level in words and colour (and a symbol), what it means, the score
// against the thresholds, and whether a gate capped it.
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import type { Level } from '../../../shared/domain/enums';

const LEVEL_SYMBOL: Record<Level, string> = { monitor: '○', 'engage-privately': '◐', 'speak-publicly': '●' };

export function LevelBanner({
  result,
  headingLevel = 3,
}: {
  result: AssessmentResult;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation(['assessment', 'enums']);
  const H = `h${headingLevel}` as const;
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 1 });
  return (
    <div
      className={`level-banner level-banner--${result.level}`}
      data-testid="level-banner"
      data-level={result.level}
    >
      <span className="level-banner__symbol" aria-hidden="true">
        {LEVEL_SYMBOL[result.level]}
      </span>
      <div>
        <H className="level-banner__title">
          {t('banner.title', { level: t(`enums:level.${result.level}`) })}
        </H>
        <p className="level-banner__meaning">{t(`banner.meaning.${result.level}`)}</p>
        <p className="level-banner__score">
          {t('banner.score', {
            score: fmt(result.score),
            engage: fmt(result.thresholds.engagePrivately),
            speak: fmt(result.thresholds.speakPublicly),
          })}
        </p>
        {result.levelBeforeGates !== result.level ? (
          <p className="level-banner__gated">
            {t('banner.gated', { level: t(`enums:level.${result.levelBeforeGates}`) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
