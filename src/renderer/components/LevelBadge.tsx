import { useTranslation } from 'react-i18next';
import type { Level } from '../../shared/domain/enums';

export function LevelBadge({ level }: { level: Level | null }) {
  const { t } = useTranslation('enums');
  const key = level ?? 'unassessed';
  return <span className={`level-badge level-badge--${key}`}>{t(`level.${key}`)}</span>;
}
