// The unmistakable marking shown above and below anything classified.
import { useTranslation } from 'react-i18next';
import type { Classification } from '../../shared/domain/enums';

export function ClassificationBanner({
  level,
  position = 'top',
}: {
  level: Classification;
  position?: 'top' | 'bottom';
}) {
  const { t } = useTranslation('enums');
  const slug = level.toLowerCase().replace(' ', '-');
  return (
    <div
      className={`classification-banner classification-banner--${slug}`}
      role={position === 'top' ? 'note' : undefined}
      aria-label={position === 'top' ? t(`classification.${level}`) : undefined}
    >
      {t(`classification.${level}`)}
    </div>
  );
}
