// A new passphrase, typed twice, with the services' own strength check as it is typed: a meter and the
// reasons (in the person's language) why it is not strong enough. The services check it again when it is
// submitted; this only tells the person sooner.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseVerdict } from '../../../shared/security/passphrase-strength';
import { api, call } from '../../api/bridge';
import { Field } from '../../components/form/Field';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  /** The services' verdict on `passphrase` (null while it is being checked or empty). */
  verdict: PassphraseVerdict | null;
}

export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { passphrase: '', confirm: '', verdict: null };

/** What is wrong with a new passphrase before it is sent, or null. */
export function newPassphraseProblem(value: NewPassphrase): 'required' | 'weak' | 'mismatch' | null {
  if (!value.passphrase) return 'required';
  if (value.verdict && !value.verdict.ok) return 'weak';
  if (value.passphrase !== value.confirm) return 'mismatch';
  return null;
}

export function NewPassphraseFields({
  value,
  onChange,
  name,
  label,
  showErrors,
}: {
  value: NewPassphrase;
  /** Called with an update of the value (as React's setState takes one). */
  onChange(update: (value: NewPassphrase) => NewPassphrase): void;
  /** The person's name: a passphrase made of it is weak. */
  name: string;
  label: string;
  /** Show what is wrong (after a first submit). */
  showErrors: boolean;
}) {
  const { t, i18n } = useTranslation('session');
  const meterId = useId();
  const { passphrase } = value;
  const language = i18n.language === 'fr' ? 'fr' : 'en';

  // Asks the services after a short pause in typing; a later answer replaces an earlier one.
  useEffect(() => {
    // Typing clears the verdict (see the input's onChange), so no verdict means "being checked".
    if (!passphrase) return;
    let current = true;
    const timer = setTimeout(() => {
      call(api.session.checkPassphrase({ passphrase, name, language }))
        .then((verdict) => current && onChange((v) => ({ ...v, verdict })))
        .catch(() => undefined);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [passphrase, name, language]);

  const problem = showErrors ? newPassphraseProblem(value) : null;
  const verdict = value.verdict;
  const checking = Boolean(passphrase) && !verdict;
  const strengthError =
    problem === 'required'
      ? t('signIn.passphraseRequired')
      : problem === 'weak'
        ? t('passphrase.weak')
        : undefined;

  return (
    <>
      <Field label={label} hint={t('passphrase.hint')} error={strengthError} required>
        {(control) => (
          <>
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              aria-describedby={[control['aria-describedby'], meterId].filter(Boolean).join(' ')}
              aria-required
              value={passphrase}
              onChange={(e) => {
                const passphrase = e.target.value;
                onChange((v) => ({ ...v, passphrase, verdict: null }));
              }}
            />
            <div id={meterId} className="strength" aria-live="polite" data-testid="passphrase-strength">
              {passphrase && verdict && !checking ? (
                <>
                  <meter
                    className="strength__meter"
                    min={0}
                    max={4}
                    low={2}
                    high={3}
                    optimum={4}
                    value={verdict.score}
                    aria-hidden="true"
                  />
                  <span className={verdict.ok ? 'strength__ok' : 'strength__weak'}>
                    {t('passphrase.strength', { label: t(`passphrase.score.${verdict.score}`) })}
                    {verdict.ok ? ` ${t('passphrase.ok')}` : null}
                  </span>
                  {!verdict.ok && verdict.reasons.length ? (
                    <ul className="strength__reasons">
                      {verdict.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : passphrase ? (
                <span className="muted">{t('passphrase.checking')}</span>
              ) : null}
            </div>
          </>
        )}
      </Field>
      <Field
        label={t('passphrase.confirm')}
        error={problem === 'mismatch' ? t('passphrase.mismatch') : undefined}
        required
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            aria-required
            value={value.confirm}
            onChange={(e) => {
              const confirm = e.target.value;
              onChange((v) => ({ ...v, confirm }));
            }}
          />
        )}
      </Field>
    </>
  );
}
