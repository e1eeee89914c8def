// What this window shows depends on its session, as the services say (session:status): setup before
// anything else, the sign-in, the lock screen, or the app. While the app is open the session is watched:
// when it locks (idle, or from another window's action) the lock screen covers the app, which stays as it
// was, unsaved work included; a call refused because the session is locked or gone says so at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from './App';
import { onSessionError } from './api/bridge';
import { DoorLayout } from './screens/session/DoorLayout';
import { LockScreen } from './screens/session/LockScreen';
import { SignInScreen } from './screens/session/SignInScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useStore } from './store';

/** How often an open window asks whether its session is still unlocked (asking is not activity). */
const WATCH_MS = 15_000;

export function SessionGate() {
  const { t } = useTranslation('session');
  const session = useStore((s) => s.session);
  const switching = useStore((s) => s.switching);
  const refreshSession = useStore((s) => s.refreshSession);
  const [failure, setFailure] = useState<string | null>(null);
  // Once the app has been shown it stays mounted under the lock screen, so nothing on screen is lost.
  const [appShown, setAppShown] = useState(false);
  const state = session?.state ?? null;
  if (state === 'signed-in' && !appShown) setAppShown(true);

  useEffect(() => {
    refreshSession().catch((err: Error) => setFailure(err.message));
    onSessionError(() => void refreshSession().catch(() => undefined));
    return () => onSessionError(null);
  }, [refreshSession]);

  useEffect(() => {
    // Not during setup: its last step (the recovery key) is shown before the session is taken up.
    if (state === null || state === 'needs-setup') return;
    // Browser mode's tabs share one session: one signed in (or out) elsewhere is noticed here too.
    const recheck = () => void refreshSession().catch(() => undefined);
    const timer = setInterval(recheck, WATCH_MS);
    window.addEventListener('focus', recheck);
    window.addEventListener('hashchange', recheck);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', recheck);
      window.removeEventListener('hashchange', recheck);
    };
  }, [state, refreshSession]);

  if (failure)
    return (
      <DoorLayout>
        <p className="notice notice--error" role="alert">
          {t('unreachable', { message: failure })}
        </p>
      </DoorLayout>
    );
  if (!session)
    return (
      <DoorLayout>
        <p aria-live="polite">{t('loading')}</p>
      </DoorLayout>
    );
  if (session.state === 'needs-setup') return <SetupScreen />;
  if (session.state === 'signed-out') return <SignInScreen />;
  const locked = session.state === 'locked' || switching;
  if (locked && !appShown)
    return (
      <DoorLayout>
        <LockScreen />
      </DoorLayout>
    );
  return (
    <>
      <div className="app-frame" inert={locked || undefined}>
        <App />
      </div>
      {locked ? <LockScreen overlay /> : null}
    </>
  );
}
