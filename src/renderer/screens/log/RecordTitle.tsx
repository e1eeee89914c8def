// A threat's title in the interface language when it has a translation (marked English otherwise),
// isolated from the text around it.
import { useTranslation } from 'react-i18next';
import type { Threat } from '../../../shared/domain/workspace';

export function RecordTitle({ threat }: { threat: Threat }) {
  const { i18n } = useTranslation();
  const fr = threat.translations?.fr?.title;
  if (i18n.language === 'fr' && fr) return <bdi>{fr}</bdi>;
  return <bdi lang={i18n.language === 'en' ? undefined : 'en'}>{threat.title}</bdi>;
}
