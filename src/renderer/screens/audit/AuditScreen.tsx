// The audit log: every change and decision, and a check that none was edited or removed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerificationResult } from '../../../shared/domain/audit';
import { api, call } from '../../api/bridge';
import { formatDateTime } from '../../format';

export function AuditScreen() {
  const { t } = useTranslation('audit');
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [verification, setVerification] = useState<AuditVerificationResult | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    void call(api.audit.list({ limit: 500 })).then((p) => setEntries(p.entries));
  }, []);

  async function verify() {
    setChecking(true);
    try {
      setVerification(await call(api.audit.verify({})));
    } finally {
      setChecking(false);
    }
  }

  return (
    <section className="screen" aria-labelledby="audit-title">
      <div className="screen-header">
        <h1 id="audit-title">{t('title')}</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void verify()}
          disabled={checking}
        >
          {checking ? t('checking') : t('verify')}
        </button>
      </div>
      <div aria-live="polite" data-testid="audit-verification">
        {verification ? (
          verification.ok ? (
            <p className="notice notice--ok">{t('ok', { count: verification.entries })}</p>
          ) : (
            <div className="notice notice--error" role="alert">
              <p>{t('broken')}</p>
              <ul>
                {verification.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('action')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {e.actor ?? '—'}
                {e.role ? ` (${e.role})` : ''}
              </td>
              <td>{t(`actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>{e.subject ?? ''}</td>
              <td>
                <code className="audit-details">{JSON.stringify(e.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
