// The frame of the screens before the app: setup, the sign-in and the lock screen. The app's name, the
// organisation's, a language switch (a person chooses their language before signing in), and one main
// landmark with the screen's heading.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './session.css';

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
