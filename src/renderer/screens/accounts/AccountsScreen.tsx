// People (administrators): every account with its roles, whether it is active, who created it and the
// fingerprint of its signing key; add a person, change roles, reset a passphrase, disable or enable; and
// how long a session may stay idle before it locks. The services refuse all of it to anyone else.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/domain/accounts';
import { MAX_IDLE_MINUTES } from '../../../shared/domain/session';
import { api, call } from '../../api/bridge';
import { Field } from '../../components/form/Field';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import { AccountDialogView, type AccountDialog } from './AccountDialogs';
import './accounts.css';
import { ErrorNotice } from '../../components/ErrorNotice';

export function AccountsScreen() {
  const { t } = useTranslation(['accounts', 'common']);
  const me = useStore((s) => s.session?.account?.id ?? null);
  const idle = useStore((s) => s.session?.idleMinutes ?? null);
  // Offered to administrators only; anyone else reaching this address sees the services' refusal.
  const allowed = useStore((s) => s.session?.allowed.includes('accounts.manage') ?? false);
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<AccountDialog | null>(null);

  // Counts the changes made here: each one lists the accounts again.
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let live = true;
    call(api.accounts.list({}))
      .then(({ accounts: list }) => {
        if (!live) return;
        setAccounts(list);
        setError(null);
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [changes]);
  const load = useCallback(() => {
    setChanges((n) => n + 1);
    return Promise.resolve();
  }, []);

  const nameOf = (id: string | null) => accounts?.find((a) => a.id === id)?.name ?? id ?? '';

  return (
    <section className="screen accounts-screen" aria-labelledby="accounts-title">
      <div className="screen-header">
        <h1 id="accounts-title">{t('title')}</h1>
        {allowed ? (
          <div className="screen-header__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setDialog({ kind: 'add' })}
            >
              {t('add')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="accounts-screen__lead">{t('lead')}</p>
      <ErrorNotice error={error} />
      {accounts ? (
        <table className="data-table" data-testid="accounts-table">
          <caption className="visually-hidden">{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.roles')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.created')}</th>
              <th scope="col">{t('table.fingerprint')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr
                key={a.id}
                data-account={a.name}
                className={a.disabled ? 'accounts-screen__disabled' : undefined}
              >
                <th scope="row">
                  {a.name} {a.id === me ? <span className="muted">{t('you')}</span> : null}
                </th>
                <td>{a.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td>{a.disabled ? t('disabled') : t('active')}</td>
                <td>
                  {formatDate(a.createdAt)}{' '}
                  <span className="muted">
                    {a.createdBy ? t('createdBy', { name: nameOf(a.createdBy) }) : t('firstAdmin')}
                  </span>
                </td>
                <td>
                  <code>{a.keyFingerprint}</code>
                </td>
                <td>
                  <div className="data-table__actions">
                    {a.disabled ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setDialog({ kind: 'enable', account: a })}
                      >
                        {t('enable')}
                        <span className="visually-hidden"> — {a.name}</span>
                      </button>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setDialog({ kind: 'roles', account: a })}
                        >
                          {t('editRoles')}
                          <span className="visually-hidden"> — {a.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setDialog({ kind: 'reset', account: a })}
                        >
                          {t('reset')}
                          <span className="visually-hidden"> — {a.name}</span>
                        </button>
                        {a.id !== me ? (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => setDialog({ kind: 'disable', account: a })}
                          >
                            {t('disable')}
                            <span className="visually-hidden"> — {a.name}</span>
                          </button>
                        ) : null}
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {allowed ? <IdleSetting key={idle ?? 'unknown'} idle={idle} /> : null}
      {dialog ? <AccountDialogView dialog={dialog} onClose={() => setDialog(null)} onChanged={load} /> : null}
    </section>
  );
}

/** Minutes without activity before sessions lock (default 15). */
function IdleSetting({ idle }: { idle: number | null }) {
  const { t } = useTranslation('accounts');
  const setSession = useStore((s) => s.setSession);
  const pushToast = useStore((s) => s.pushToast);
  const [value, setValue] = useState(idle === null ? '' : String(idle));
  const [error, setError] = useState<string | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_IDLE_MINUTES)
      return setError(t('idle.invalid'));
    setError(undefined);
    try {
      setSession(await call(api.session.setIdleMinutes({ minutes })));
      pushToast({ message: { key: 'accounts:idle.saved', values: { count: minutes } } });
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="idle-title" className="accounts-screen__idle">
      <h2 id="idle-title">{t('idle.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('idle.label')} hint={t('idle.hint')} error={error}>
          {(control) => (
            <div className="settings-keep__row">
              <input
                {...control}
                type="number"
                min={1}
                max={MAX_IDLE_MINUTES}
                step={1}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
              <button type="submit" className="button">
                {t('idle.save')}
              </button>
            </div>
          )}
        </Field>
      </form>
    </section>
  );
}
