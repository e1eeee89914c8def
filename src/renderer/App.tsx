// The shell: header with the election, navigation and language; the current screen; messages. On a narrow
// window (or at a high zoom) the navigation and the header's choices fold behind a "Menu" button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ElectionSelect } from './components/ElectionSelect';
import { LanguageSwitch } from './components/LanguageSwitch';
import { LeaveDialog } from './components/LeaveDialog';
import { LiveBanner } from './components/LiveBanner';
import { Toasts } from './components/Toasts';
import { LogScreen } from './screens/log/LogScreen';
import { NAV_ENTRIES } from './screens/registry';
import { ThreatForm } from './screens/threat-form/ThreatForm';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';
import { useStore } from './store';
import { onMenuCommand } from './api/bridge';
import { isNewThreatShortcut } from './shortcuts';

const NEEDS_THREATS = new Set(['log', 'dashboard', 'assess', 'drafting']);

function Screen() {
  const route = useStore((s) => s.route);
  const info = useStore((s) => s.info);
  // An empty workspace greets on the screens that show threats; people, partners, the policy, settings and
  // the audit log can be set up before the first threat.
  if (info?.empty && NEEDS_THREATS.has(route.screen)) return <WelcomeScreen />;
  switch (route.screen) {
    case 'log':
      return <LogScreen threatId={'threatId' in route ? route.threatId : undefined} />;
    case 'threat-new':
      return <ThreatForm />;
    case 'threat-edit':
      return <ThreatForm threatId={(route as { threatId: string }).threatId} />;
    default: {
      const entry = NAV_ENTRIES.find((e) => e.screen === route.screen);
      const params = 'params' in route && route.params ? route.params : {};
      return entry ? <entry.Component params={params} /> : <LogScreen />;
    }
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useStore((s) => s.route);
  const electionId = useStore((s) => s.electionId);
  const setElection = useStore((s) => s.setElection);
  const navigate = useStore((s) => s.navigate);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);
  const syncRoute = useStore((s) => s.syncRouteFromLocation);
  const runMenuCommand = useStore((s) => s.runMenuCommand);
  const signOut = useStore((s) => s.signOut);
  const lockNow = useStore((s) => s.lockNow);
  const switchUser = useStore((s) => s.switchUser);
  const account = useStore((s) => s.session?.account ?? null);
  const allowed = useStore((s) => s.session?.allowed);
  const [menuOpen, setMenuOpen] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([loadInfo(), loadElections()]).catch((err: Error) => setStartError(err.message));
    // The address may have changed while the sign-in or the lock screen was shown.
    syncRoute();
    const onPop = () => syncRoute();
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, [loadInfo, loadElections, syncRoute]);

  useEffect(() => onMenuCommand(runMenuCommand), [runMenuCommand]);
  // What others change (here, in another window, in another program) shows here within a moment.
  const startLive = useStore((s) => s.startLive);
  useEffect(() => startLive(), [startLive]);

  // Alt+Shift+N records a new threat from anywhere: a shortcut with modifiers, so that no single key
  // typed by a speech-input user or by mistake sets it off (WCAG 2.1.4).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isNewThreatShortcut(e) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        navigate({ screen: 'threat-new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const current = route.screen === 'threat-new' || route.screen === 'threat-edit' ? 'log' : route.screen;
  // Screens a person's roles do not allow are not offered (the services refuse them all the same).
  const nav = [
    { screen: 'log', labelKey: 'nav.log' },
    ...NAV_ENTRIES.filter((e) => !e.requires || (allowed ?? []).includes(e.requires)),
  ];
  const currentLabel = nav.find((e) => e.screen === route.screen)?.labelKey;
  const title = currentLabel ? t(currentLabel) : t(`nav.${route.screen}`, { defaultValue: '' });
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : t('appName');
  }, [title, t, i18n.language]);

  return (
    <div className={`app${menuOpen ? ' app--menu-open' : ''}`}>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            ◭
          </span>
          <span className="app-header__name">{t('appName')}</span>
        </div>
        <button
          type="button"
          className="button button--ghost app-header__menu"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {menuOpen ? t('menu.close') : t('menu.open')}
        </button>
        <div className="app-header__choices" id="app-menu-choices">
          <label className="app-header__election">
            <span>{t('election')}</span>
            <ElectionSelect value={electionId} onChange={setElection} all={t('allElections')} />
          </label>
          <div className="app-header__tools">
            {account ? (
              <span className="app-header__who" data-testid="identity">
                <span className="visually-hidden">
                  {t('session:header.signedInAs', { name: account.name })}{' '}
                </span>
                <bdi aria-hidden="true">{account.name}</bdi>
                <span className="app-header__roles">
                  <span className="visually-hidden">
                    {t('session:header.roles', {
                      roles: account.roles.map((r) => t(`accounts:roles.${r}`)).join(', '),
                    })}
                  </span>
                  {/* Many roles (an administrator holds them all) would crowd the header: their count. */}
                  <span aria-hidden="true">
                    {' · '}
                    {account.roles.length > 2
                      ? t('session:header.manyRoles', { count: account.roles.length })
                      : account.roles.map((r) => t(`accounts:roles.${r}`)).join(', ')}
                  </span>
                </span>
              </span>
            ) : null}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void lockNow()}
              data-testid="lock"
            >
              {t('session:header.lock')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void switchUser()}
              data-testid="switch-user"
            >
              {t('session:header.switchUser')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void signOut()}
              data-testid="sign-out"
            >
              {t('signOut')}
            </button>
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <LiveBanner />
      <div className="app-body">
        <nav aria-label={t('nav.label')} className="app-nav" id="app-menu">
          <ul>
            {nav.map((entry) => (
              <li key={entry.screen}>
                <a
                  href={`#/${entry.screen}`}
                  aria-current={current === entry.screen ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setMenuOpen(false);
                    navigate({ screen: entry.screen } as never);
                  }}
                >
                  {t(entry.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          {startError ? (
            <p className="notice notice--error" role="alert">
              {startError}
            </p>
          ) : (
            <Screen />
          )}
        </main>
      </div>
      <Toasts />
      <LeaveDialog />
    </div>
  );
}
