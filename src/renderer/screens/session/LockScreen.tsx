// The session is locked (idle, or locked on purpose): the person's passphrase unlocks it, and whatever
// was on screen, unsaved work included, is still there underneath (the app behind is inert, not gone).
// "Sign in as someone else" switches user: the page then starts afresh for the other person.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/form/PassphraseField';
import { useStore } from '../../store';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { signInErrorText } from './session-errors';
import { SignInForm } from './SignInForm';
import { FormActions } from '../../components/FormActions';

export function LockScreen({ overlay = false }: { overlay?: boolean }) {
  const { t } = useTranslation('session');
  const session = useStore((s) => s.session);
  const switching = useStore((s) => s.switching);
  const setSwitching = useStore((s) => s.setSwitching);
  const unlock = useStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = session?.account?.name ?? '';

  useEffect(() => {
    if (!switching) passphraseRef.current?.focus();
  }, [switching]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase) {
      setError(t('signIn.passphraseRequired'));
      return passphraseRef.current?.focus();
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
    } catch (err) {
      setPassphrase('');
      setError(signInErrorText(t, err));
      passphraseRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <section className="door__card">
        <div className="lock-screen__top">
          <h1 id="lock-title" ref={headingRef} tabIndex={-1}>
            {switching ? t('lock.switchTitle') : t('lock.title')}
          </h1>
          {/* Over the app, whose header is out of reach while locked, the language is chosen here. */}
          {overlay ? <LanguageSwitch /> : null}
        </div>
        {switching ? (
          <>
            <p>{t('lock.switchLead', { name })}</p>
            <SignInForm
              onSignedIn={(status) => {
                // Another person: the page starts afresh for them. The same person: nothing is lost.
                if (status.account?.id !== session?.account?.id) window.location.reload();
                else setSwitching(false);
              }}
            />
            <button type="button" className="button button--link" onClick={() => setSwitching(false)}>
              {t('lock.back')}
            </button>
          </>
        ) : (
          <>
            <p>{t('lock.lead', { name })}</p>
            <form onSubmit={(e) => void submit(e)} noValidate data-testid="unlock-form">
              <PassphraseField
                label={t('lock.passphrase', { name })}
                error={error ?? undefined}
                inputRef={passphraseRef}
                value={passphrase}
                onChange={setPassphrase}
              />
              <FormActions
                save={busy ? t('lock.working') : t('lock.unlock')}
                busy={busy}
                cancel={t('lock.someoneElse')}
                onCancel={() => setSwitching(true)}
              />
            </form>
          </>
        )}
      </section>
    </div>
  );
}
