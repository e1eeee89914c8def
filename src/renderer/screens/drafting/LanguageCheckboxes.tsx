// One checkbox per language a draft can be written in; the languages ticked, in the order they were ticked.
import { useTranslation } from 'react-i18next';
import { DRAFT_LANGS, type DraftLang } from '../../../shared/domain/drafting';

export function LanguageCheckboxes({
  value,
  onChange,
}: {
  value: DraftLang[];
  onChange(languages: DraftLang[]): void;
}) {
  const { t } = useTranslation('drafting');
  return DRAFT_LANGS.map((lang) => (
    <label key={lang}>
      <input
        type="checkbox"
        checked={value.includes(lang)}
        onChange={(e) => onChange(e.target.checked ? [...value, lang] : value.filter((l) => l !== lang))}
      />
      {t(`languages.${lang}`)}
    </label>
  ));
}
