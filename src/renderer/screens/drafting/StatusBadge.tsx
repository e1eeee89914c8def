import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../../shared/domain/drafting';

export function StatusBadge({ status }: { status: DraftStatus }) {
  const { t } = useTranslation('drafting');
  return <span className={`status-badge status-badge--${status}`}>{t(`status.${status}`)}</span>;
}
