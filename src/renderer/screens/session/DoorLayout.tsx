// The frame of the screens before the app: setup, the sign-in and the lock screen. The app's name, the
// organisation's, a language switch (a person chooses their language before signing in), and one main
// landmark with the screen's heading.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type UiLanguage } from '../../i18n';
import './session.css';

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
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}

export function DoorLayout({
  organisation,
  wide,
  children,
}: {
  organisation?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="door">
      <header className="door__header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            ◭
          </span>
          <span className="app-header__name">{t('appName')}</span>
          {organisation ? <span className="door__organisation">{organisation}</span> : null}
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className={`door__main${wide ? ' door__main--wide' : ''}`} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
