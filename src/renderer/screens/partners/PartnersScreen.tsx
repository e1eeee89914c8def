// The partner directory: pre-election readiness first, then every organisation with who to call,
// when it was last contacted, and whether anyone is missing a backup.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDetail } from '../../../shared/domain/partners';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../format';
import { channelLabel } from '../../labels/places';
import { useStore } from '../../store';
import { PartnerEditor } from './PartnerEditor';
import { ReadinessPanel } from './ReadinessPanel';
import { RecordContactDialog } from './RecordContactDialog';
import './partners.css';

export function PartnersScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation(['partners', 'common']);
  const partners = useStore((s) => s.partners);
  const deleted = useStore((s) => s.deletedPartners);
  const error = useStore((s) => s.partnersError);
  const readiness = useStore((s) => s.readiness);
  const electionId = useStore((s) => s.electionId);
  const loadPartners = useStore((s) => s.loadPartners);
  const loadDeleted = useStore((s) => s.loadDeletedPartners);
  const deletePartner = useStore((s) => s.deletePartner);
  const undeletePartner = useStore((s) => s.undeletePartner);
  const navigate = useStore((s) => s.navigate);
  const [showDeleted, setShowDeleted] = useState(false);
  const [contactFor, setContactFor] = useState<PartnerDetail | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void loadPartners();
  }, [loadPartners, electionId]);
  useEffect(() => {
    if (showDeleted) void loadDeleted();
  }, [showDeleted, loadDeleted]);
  // Moving between the directory and an organisation starts at the top of the page.
  useEffect(() => {
    document.getElementById('main')?.scrollTo(0, 0);
  }, [params.id]);

  const open = (id: string) => navigate({ screen: 'partners', params: { id } });
  const { id, ...prefill } = params;
  if (id) {
    if (!partners) return <p className="screen">{t('loading')}</p>;
    return (
      <PartnerEditor
        key={id}
        id={id === 'new' ? null : id}
        prefill={prefill}
        onDone={() => navigate({ screen: 'partners' })}
      />
    );
  }

  const stale = new Set(
    readiness?.gaps.filter((g) => g.kind === 'stale-relationship').map((g) => g.partnerId) ?? [],
  );
  const run = (f: () => Promise<unknown>) => {
    setActionError(null);
    f().catch((err: Error) => setActionError(err.message));
  };

  return (
    <section className="screen partners-screen" aria-labelledby="partners-title">
      <div className="screen-header">
        <h1 id="partners-title">{t('title')}</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ screen: 'partners', params: { id: 'new' } })}
        >
          {t('add')}
        </button>
      </div>
      <p className="partners-screen__lead">{t('lead')}</p>
      {error || actionError ? (
        <p className="notice notice--error" role="alert">
          {error ?? actionError}
        </p>
      ) : null}

      <ReadinessPanel onOpenPartner={open} />

      <section aria-labelledby="directory-title">
        <div className="partners-screen__directory-head">
          <h2 id="directory-title">{t('directory')}</h2>
          <label className="toggle">
            <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
            {t('showDeleted')}
          </label>
        </div>
        {!partners ? (
          <p>{t('loading')}</p>
        ) : partners.length === 0 ? (
          <p className="notice">{t('empty')}</p>
        ) : (
          <DataTable
            caption={t('directory')}
            testId="partners-table"
            className="partners-table"
            rows={partners}
            rowKey={(p) => p.partner.id}
            rowProps={(p) => ({ 'data-partner-id': p.partner.id })}
            columns={[
              {
                id: 'name',
                header: t('column.name'),
                rowHeader: true,
                cell: (p) => (
                  <a
                    href={`#/partners/${encodeURIComponent(p.partner.id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      open(p.partner.id);
                    }}
                  >
                    <bdi>{p.partner.name}</bdi>
                  </a>
                ),
              },
              { id: 'kind', header: t('column.kind'), cell: (p) => t(`kind.${p.partner.kind}`) },
              {
                id: 'covers',
                header: t('column.covers'),
                className: 'partners-table__covers',
                cell: (p) => {
                  const covers = [
                    ...(p.partner.handles ?? []).map((h) => channelLabel(h, t)),
                    ...(p.partner.regions ?? []),
                  ];
                  return covers.length ? (
                    <bdi>{covers.join(', ')}</bdi>
                  ) : (
                    <span className="muted">{t('wholeJurisdiction')}</span>
                  );
                },
              },
              {
                id: 'contacts',
                header: t('column.contacts'),
                cell: (p) => {
                  const noBackup = p.partner.roles.filter((r) => !r.backup).length;
                  return (
                    <>
                      {t('roles', { count: p.partner.roles.length })}
                      {noBackup ? (
                        <>
                          {' '}
                          <span className="partner-flag partner-flag--warn">
                            {t('noBackup', { count: noBackup })}
                          </span>
                        </>
                      ) : null}
                    </>
                  );
                },
              },
              {
                id: 'lastContacted',
                header: t('column.lastContacted'),
                cell: (p) => (
                  <>
                    {p.lastContacted ? formatDate(p.lastContacted) : t('never')}
                    {stale.has(p.partner.id) ? (
                      <>
                        {' '}
                        <span className="partner-flag partner-flag--warn">{t('stale')}</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'actions',
                header: t('common:actions'),
                headerHidden: true,
                cell: (p) => (
                  <div className="data-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setContactFor(p)}
                      aria-label={t('actions.recordContactFor', { name: p.partner.name })}
                    >
                      {t('actions.recordContact')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => open(p.partner.id)}
                      aria-label={t('actions.editName', { name: p.partner.name })}
                    >
                      {t('common:edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => run(() => deletePartner(p.partner.id))}
                      aria-label={t('actions.deleteName', { name: p.partner.name })}
                    >
                      {t('common:delete')}
                    </button>
                  </div>
                ),
              },
            ]}
          />
        )}
        {showDeleted ? (
          <section aria-labelledby="deleted-title" className="partners-screen__deleted">
            <h3 id="deleted-title">{t('deletedTitle')}</h3>
            {deleted?.length ? (
              <ul>
                {deleted.map((p) => (
                  <li key={p.partner.id}>
                    {p.partner.name}{' '}
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => run(() => undeletePartner(p.partner.id))}
                      aria-label={t('actions.undeleteName', { name: p.partner.name })}
                    >
                      {t('actions.undelete')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('noneDeleted')}</p>
            )}
          </section>
        ) : null}
      </section>
      {contactFor ? <RecordContactDialog partner={contactFor} onClose={() => setContactFor(null)} /> : null}
    </section>
  );
}
