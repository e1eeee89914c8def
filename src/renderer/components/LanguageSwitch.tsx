// The interface language, chosen from the app's header and from the screens before it (a person chooses
// their language before signing in). Each language is named in itself, and marked as such for screen readers.
import { useTranslation } from 'react-i18next';
import { setLanguage, type UiLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as UiLanguage)}
        data-testid="language-switch"
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="fr" lang="fr">
          Français
        </option>
      </select>
    </label>
  );
}
