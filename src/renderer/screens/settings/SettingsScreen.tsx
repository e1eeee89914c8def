// Settings → Backups and security: whether the database is encrypted and where its key is kept, the key
// shown for the command line (desktop app, after a confirmation; the key appears in a window of the main
// process, never in this page), the backups with date, size and schema version, "Back up now", how many
// automatic backups to keep, and "Restore…" with a confirmation.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupOverview } from '../../../shared/domain/backups';
import type { Action } from '../../../shared/domain/permissions';
import { api, call } from '../../api/bridge';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/form/TextField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime, formatNumber } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useStore } from '../../store';
import { OrganisationSettings } from './OrganisationSettings';
import './settings.css';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  const pushToast = useStore((s) => s.pushToast);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadElections = useStore((s) => s.loadElections);
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const { busy, error, setError, run } = useAction();
  // The number being typed; the saved setting until then.
  const [typedKeep, setKeep] = useState<string | null>(null);
  const keep = typedKeep ?? (overview ? String(overview.keep) : '');
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [askKey, setAskKey] = useState(false);
  // What the person's roles allow is offered; the services refuse the rest all the same.
  const actions = useStore((s) => s.session?.allowed);
  const allowed = (action: Action) => actions?.includes(action) ?? false;

  const show = useCallback(
    (o: BackupOverview) => {
      setOverview(o);
      setKeep(null);
      setError(null);
    },
    [setError],
  );
  const load = useCallback(
    () => call(api.backups.list({})).then(show, (err: Error) => setError(err.message)),
    [show, setError],
  );
  useEffect(() => {
    void call(api.backups.list({})).then(show, (err: Error) => setError(err.message));
  }, [show, setError]);

  const backUpNow = () =>
    run(async () => {
      const info = await call(api.backups.create({}));
      pushToast({ message: { key: 'settings:backups.done', values: { name: info.name } } });
      await load();
    });

  const saveKeep = () =>
    run(async () => {
      const n = Number(keep);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(t('backups.keepInvalid'));
      await call(api.backups.setKeep({ keep: n }));
      pushToast({ message: { key: 'settings:backups.keepSaved', values: { count: n } } });
      await load();
    });

  const restore = (backup: BackupInfo) =>
    run(async () => {
      const report = await call(api.backups.restore({ name: backup.name, confirm: true }));
      setRestoring(null);
      pushToast({
        message: {
          key: 'settings:restore.done',
          values: {
            date: formatDateTime(backup.createdAt),
            replaced: report.replacedBy?.split(/[\\/]/).pop() ?? '',
          },
        },
      });
      await Promise.all([load(), loadInfo(), loadElections()]);
    });

  const showKey = () =>
    run(async () => {
      setAskKey(false);
      const { shown } = await call(api.security.showDatabaseKey({ confirm: true }));
      if (shown) pushToast({ message: { key: 'settings:key.shown' } });
    });

  const encryption = overview
    ? overview.encrypted
      ? t(`encryption.on.${overview.keySource ?? 'unknown'}`)
      : t('encryption.off')
    : '';

  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <div className="screen-header">
        <h1 id="settings-title">{t('title')}</h1>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert" data-testid="settings-error">
          {error}
        </p>
      ) : null}

      {allowed('organisation.edit') ? <OrganisationSettings /> : null}

      <section aria-labelledby="settings-security">
        <h2 id="settings-security">{t('security.title')}</h2>
        {overview ? (
          <dl className="settings-facts">
            <dt>{t('security.database')}</dt>
            <dd>
              <code>{overview.dbPath}</code>
            </dd>
            <dt>{t('security.encryption')}</dt>
            <dd data-testid="settings-encryption">{encryption}</dd>
          </dl>
        ) : null}
        {overview && !overview.encrypted ? (
          <p className="notice notice--warning">{t('encryption.offAdvice')}</p>
        ) : null}
        {overview?.canShowKey && allowed('database.key') ? (
          <button
            type="button"
            className="button"
            onClick={() => setAskKey(true)}
            disabled={busy}
            data-testid="show-key"
          >
            {t('key.show')}
          </button>
        ) : overview?.encrypted ? (
          <p className="field__hint">{t('key.elsewhere')}</p>
        ) : null}
      </section>

      <section aria-labelledby="settings-backups">
        <h2 id="settings-backups">{t('backups.title')}</h2>
        <p>{overview ? t('backups.where', { dir: overview.dir }) : null}</p>
        {allowed('backups.manage') ? (
          <>
            <div className="form-actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void backUpNow()}
                disabled={busy || !overview}
                data-testid="backup-now"
              >
                {t('backups.now')}
              </button>
            </div>
            <form
              className="settings-keep"
              onSubmit={(e) => {
                e.preventDefault();
                void saveKeep();
              }}
            >
              <div className="settings-keep__row">
                <TextField
                  label={t('backups.keep')}
                  hint={t('backups.keepHint')}
                  type="number"
                  inputMode="numeric"
                  value={keep}
                  onChange={setKeep}
                />
                <button type="submit" className="button" disabled={busy}>
                  {t('common:save')}
                </button>
              </div>
            </form>
          </>
        ) : null}
        {overview && overview.backups.length === 0 ? <p>{t('backups.none')}</p> : null}
        {overview && overview.backups.length > 0 ? (
          <DataTable
            caption={t('backups.title')}
            testId="backups-table"
            rows={overview.backups}
            rowKey={(b) => b.name}
            columns={[
              {
                id: 'when',
                header: t('backups.when'),
                cell: (b) => <span title={b.name}>{formatDateTime(b.createdAt)}</span>,
              },
              { id: 'kind', header: t('backups.kind'), cell: (b) => t(`kinds.${b.kind}`) },
              { id: 'size', header: t('backups.size'), numeric: true, cell: (b) => formatSize(b.size) },
              {
                id: 'schema',
                header: t('backups.schema'),
                numeric: true,
                cell: (b) => b.schemaVersion ?? <span title={b.problem}>{t('backups.unreadable')}</span>,
              },
              {
                id: 'encrypted',
                header: t('backups.encrypted'),
                cell: (b) => (b.encrypted ? t('backups.yes') : t('backups.no')),
              },
              overview.canRestore &&
                allowed('backups.restore') && {
                  id: 'restore',
                  header: t('common:actions'),
                  headerHidden: true,
                  cell: (b) => (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy || b.schemaVersion === null}
                      onClick={() => setRestoring(b)}
                    >
                      {t('restore.action')}
                    </button>
                  ),
                },
            ]}
          />
        ) : null}
        {overview && !overview.canRestore ? <p className="field__hint">{t('restore.cli')}</p> : null}
      </section>

      {restoring ? (
        <ConfirmDialog
          title={t('restore.title')}
          description={t('restore.description', { date: formatDateTime(restoring.createdAt) })}
          confirm={t('restore.confirm')}
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
          busy={busy}
          testId="confirm-restore"
        >
          <p>{t('restore.keeps')}</p>
        </ConfirmDialog>
      ) : null}

      {askKey ? (
        <ConfirmDialog
          title={t('key.title')}
          description={t('key.warning')}
          confirm={t('key.confirm')}
          onConfirm={() => void showKey()}
          onCancel={() => setAskKey(false)}
          busy={busy}
          testId="confirm-show-key"
        >
          <p>{t('key.how')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
