// The audit log: every change and decision in plain words, with its details as labelled fields; filters by
// person, action and date; an export of what is shown as CSV; and a check that no entry was edited or
// removed.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerificationResult } from '../../../shared/domain/audit';
import { api, call } from '../../api/bridge';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { actionName, auditCsv, detailEntries, detailLabel, detailValue } from './audit-text';

const PAGE = 1000;

/** The day of an entry, in the same calendar as the filters (local time). */
function dayOf(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function AuditScreen() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const pushToast = useStore((s) => s.pushToast);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [more, setMore] = useState(false);
  const [filter, setFilter] = useState<AuditFilter>({ who: '', action: '' });
  const [verification, setVerification] = useState<AuditVerificationResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadPage(before?: number) {
    try {
      const page = await call(api.audit.list({ limit: PAGE, ...(before ? { beforeSeq: before } : {}) }));
      setEntries((old) => [...(before ? (old ?? []) : []), ...page.entries]);
      setMore(page.entries.length === PAGE);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useEffect(() => {
    void call(api.audit.list({ limit: PAGE })).then(
      (page) => {
        setEntries(page.entries);
        setMore(page.entries.length === PAGE);
      },
      (err: Error) => setError(err.message),
    );
  }, []);

  async function verify() {
    setChecking(true);
    try {
      setVerification(await call(api.audit.verify({})));
    } finally {
      setChecking(false);
    }
  }

  const all = entries ?? [];
  const people = [...new Set(all.map((e) => e.actor).filter((a): a is string => Boolean(a)))].sort();
  const actions = [...new Set(all.map((e) => e.action))];
  const shown = all.filter(
    (e) =>
      (!filter.who || e.actor === filter.who) &&
      (!filter.action || e.action === filter.action) &&
      (!filter.from || dayOf(e.at) >= filter.from) &&
      (!filter.to || dayOf(e.at) <= filter.to),
  );

  async function exportCsv() {
    const saved = await saveFile(
      `threshold-audit-${new Date().toISOString().slice(0, 10)}.csv`,
      auditCsv(shown, t),
      'text/csv',
    );
    if (saved)
      pushToast({ message: { key: 'audit:exported', values: { count: shown.length, file: saved } } });
  }

  return (
    <section className="screen audit-screen" aria-labelledby="audit-title">
      <div className="screen-header">
        <h1 id="audit-title">{t('title')}</h1>
        <div className="screen-header__actions">
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={!shown.length}>
            {t('export', { count: shown.length })}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void verify()}
            disabled={checking}
          >
            {checking ? t('checking') : t('verify')}
          </button>
        </div>
      </div>
      <p className="form-section__hint">{t('lead')}</p>
      <div aria-live="polite" data-testid="audit-verification">
        {verification ? (
          verification.ok ? (
            <p className="notice notice--ok">{t('ok', { count: verification.entries })}</p>
          ) : (
            <div className="notice notice--error" role="alert">
              <p>{t('broken')}</p>
              <ul lang="en">
                {verification.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </div>
      <ErrorNotice error={error} />
      <AuditFilters filter={filter} onChange={setFilter} people={people} actions={actions} />
      <p className="filter-bar__count" aria-live="polite" data-testid="audit-count">
        {entries === null ? t('loading') : t('count', { count: shown.length, total: all.length })}
      </p>
      <DataTable
        caption={t('title')}
        testId="audit-table"
        className="audit-table"
        rows={shown}
        rowKey={(e) => e.seq}
        columns={[
          { id: 'seq', header: t('seq'), numeric: true, cell: (e) => e.seq },
          { id: 'when', header: t('when'), cell: (e) => formatDateTime(e.at) },
          {
            id: 'who',
            header: t('who'),
            cell: (e) =>
              e.actor ? (
                <>
                  <bdi>{e.actor}</bdi>
                  {e.role ? (
                    <span className="muted">
                      {' '}
                      (<bdi>{e.role}</bdi>)
                    </span>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          { id: 'action', header: t('action'), rowHeader: true, cell: (e) => actionName(e.action, t) },
          { id: 'subject', header: t('subject'), cell: (e) => <bdi>{e.subject ?? ''}</bdi> },
          {
            id: 'details',
            header: t('details'),
            cell: (e) => {
              const fields = detailEntries(e.details);
              return fields.length ? (
                <dl className="audit-details">
                  {fields.map(([k, v]) => (
                    <div key={k}>
                      {/* A detail the catalog does not name yet is labelled from its key, in English. */}
                      <dt
                        lang={i18n.language !== 'en' && !i18n.exists(`audit:detail.${k}`) ? 'en' : undefined}
                      >
                        {detailLabel(k, t)}
                      </dt>
                      <dd>
                        {/* Titles are recorded in English (their French is a translation of the record). */}
                        <bdi lang={k === 'title' && i18n.language !== 'en' ? 'en' : undefined}>
                          {detailValue(k, v, t)}
                        </bdi>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
      {more ? (
        <button type="button" className="button" onClick={() => void loadPage(all[all.length - 1]?.seq)}>
          {t('older')}
        </button>
      ) : null}
    </section>
  );
}
