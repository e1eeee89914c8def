// The sign-in form: Name, Passphrase, Sign in. Refusals are said in the person's language, including the
// back-off after repeated failures; focus goes to the message so that a screen reader hears it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/domain/session';
import { PassphraseField } from '../../components/form/PassphraseField';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';
import { signInErrorText } from './session-errors';
import { FormActions } from '../../components/FormActions';

export function SignInForm({ onSignedIn }: { onSignedIn(status: SessionStatus): void }) {
  const { t } = useTranslation('session');
  const signIn = useStore((s) => s.signIn);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ name?: string; passphrase?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const refusalRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(name.trim() ? {} : { name: t('signIn.nameRequired') }),
      ...(passphrase ? {} : { passphrase: t('signIn.passphraseRequired') }),
    };
    setErrors(found);
    setRefusal(null);
    if (found.name) return nameRef.current?.focus();
    if (found.passphrase) return passphraseRef.current?.focus();
    setBusy(true);
    try {
      const status = await signIn(name.trim(), passphrase);
      onSignedIn(status);
    } catch (err) {
      setPassphrase('');
      setRefusal(signInErrorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in-form" onSubmit={(e) => void submit(e)} noValidate data-testid="sign-in-form">
      {refusal ? (
        <p ref={refusalRef} className="notice notice--error" role="alert" tabIndex={-1}>
          {refusal}
        </p>
      ) : null}
      <TextField
        label={t('signIn.name')}
        error={errors.name}
        autoComplete="username"
        inputRef={nameRef}
        value={name}
        onChange={setName}
      />
      <PassphraseField
        label={t('signIn.passphrase')}
        error={errors.passphrase}
        inputRef={passphraseRef}
        value={passphrase}
        onChange={setPassphrase}
      />
      <FormActions save={busy ? t('signIn.working') : t('signIn.submit')} busy={busy} />
      <p className="field__hint">{t('signIn.disabledHint')}</p>
    </form>
  );
}
