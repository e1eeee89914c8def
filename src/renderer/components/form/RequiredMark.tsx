// "Required", seen as an asterisk and heard as a word (the control also carries aria-required).
import { useTranslation } from 'react-i18next';

export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="field__required">
      <span aria-hidden="true"> *</span>
      {spoken ? <span className="visually-hidden"> ({t('required')})</span> : null}
    </span>
  );
}
